// 「연동 확인」 and the contract / 공급지 choices: the options page asks, the background calls Korea
// Post with the stored keys. The connection state follows: 확인 중 → 연동 완료 / 오류 (Korea Post's
// own message, e.g. an expired 인증키).
import { EpostError, EpostTransportError } from '../../epost/errors';
import type { Contract, InsertOfficeInput, Office } from '../../epost/types';
import type { BackgroundContext } from '../context';
import type { AdminCourierCheck } from '../../message-data';
import { findEpostCourierSno, missingEpostCourierText } from '../../godomall/order';
import { EPOST_COURIER_TEXT } from '../../godomall/selectors';
import { SessionExpiredError } from '../../godomall/types';

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

/**
 * Before anything is sent to Korea Post: does each registered admin's 배송 업체 list offer 우체국택배?
 * (A shop's list need not: without it no number can be saved into godomall.) Read from the admin's
 * 상품준비중 list with the operator's session; a list with no row to show it on cannot tell.
 */
export async function adminCouriers(ctx: BackgroundContext): Promise<AdminCourierCheck[]> {
  const { adminOrigins } = await ctx.loadSettings();
  return Promise.all(
    adminOrigins.map(async (origin): Promise<AdminCourierCheck> => {
      try {
        const options = await ctx.adminFor(origin).courierList();
        if (!options) return { origin, state: 'unknown', text: NO_ROWS };
        if (!findEpostCourierSno(options)) return { origin, state: 'missing', text: missingEpostCourierText() };
        return { origin, state: 'ok', text: `배송 업체 목록에 「${EPOST_COURIER_TEXT}」가 있습니다.` };
      } catch (err) {
        if (err instanceof SessionExpiredError) return { origin, state: 'login', text: '고도몰 관리자에 로그인한 뒤 다시 확인해 주세요.' };
        return { origin, state: 'error', text: `배송 업체 목록을 읽지 못했습니다. (${err instanceof Error ? err.message : String(err)})` };
      }
    }),
  );
}

const NO_ROWS = `상품준비중 주문이 없어 배송 업체 목록을 확인하지 못했습니다. 관리자 주문 화면을 열면 다시 확인합니다.`;
