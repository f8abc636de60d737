// 「연동 확인」 and the contract / 공급지 choices: the options page asks, the background calls Korea
// Post with the stored keys. The connection state follows: 확인 중 → 연동 완료 / 오류 (Korea Post's
// own message, e.g. an expired 인증키).
import { EpostError, EpostTransportError } from '../../epost/errors';
import type { Contract, InsertOfficeInput, Office } from '../../epost/types';
import type { BackgroundContext } from '../context';

/** The operator-facing text of a failed Korea Post call. */
function epostMessage(err: unknown): string {
  if (err instanceof EpostError) return `${err.koreanMessage} (${err.code})`;
  if (err instanceof EpostTransportError) return `우체국 서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요. (${err.message})`;
  return err instanceof Error ? err.message : String(err);
}

async function withConnectionState<T>(ctx: BackgroundContext, call: () => Promise<T>, onOk?: (v: T) => Promise<void>): Promise<T> {
  try {
    const v = await call();
    if (onOk) await onOk(v);
    return v;
  } catch (err) {
    const message = epostMessage(err);
    await ctx.saveSettings({ connection: { state: 'error', message, at: Date.now() } });
    throw new Error(message, { cause: err });
  }
}

export async function verifyMember(ctx: BackgroundContext, data: { memberId: string }): Promise<{ custNo: string }> {
  const memberId = String(data?.memberId ?? '').trim();
  if (!memberId) throw new Error('인터넷우체국 ID를 입력해 주세요.');
  await ctx.saveSettings({ memberId, connection: { state: 'checking' } });
  const custNo = await withConnectionState(
    ctx,
    () => ctx.epost.getCustNo(memberId),
    async (custNo) => {
      await ctx.saveSettings({ custNo, connection: { state: 'connected', at: Date.now() } });
    },
  );
  return { custNo };
}

function checkCustNo(custNo: unknown): string {
  const s = String(custNo ?? '').trim();
  if (!/^\d{10}$/.test(s)) throw new Error('고객번호는 숫자 10자리입니다. 먼저 「연동 확인」을 해 주세요.');
  return s;
}

export async function listContracts(ctx: BackgroundContext, data: { custNo: string }): Promise<Contract[]> {
  const custNo = checkCustNo(data?.custNo);
  return withConnectionState(ctx, () => ctx.epost.getApprNo(custNo));
}

export async function listOffices(ctx: BackgroundContext, data: { custNo: string }): Promise<Office[]> {
  const custNo = checkCustNo(data?.custNo);
  return withConnectionState(ctx, () => ctx.epost.getOfficeInfo(custNo));
}

export async function registerOffice(ctx: BackgroundContext, data: InsertOfficeInput): Promise<{ regiPoNm: string }> {
  checkCustNo(data?.custNo);
  if (!/^\d{5}$/.test(data.officeZip ?? '')) throw new Error('우편번호는 숫자 5자리입니다.');
  try {
    return await ctx.epost.insertOffice(data);
  } catch (err) {
    // a refused registration (e.g. ERR-226 duplicate code) is not a broken connection
    throw new Error(epostMessage(err), { cause: err });
  }
}
