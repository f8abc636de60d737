// The SAFE Korea Post and godomall calls, with retry/backoff. Only reads go through here.
import type { ResInfo, StoppedZip } from '../epost/types';
import type { OrderDetail } from '../godomall/types';
import { SessionExpiredError } from '../godomall/types';
import { isRetryable } from '../epost/errors';
import { withRetry } from '../retry';
import type { Ctx } from './context';

export function resInfo(ctx: Ctx, custNo: string, orderNo: string, reqYmd: string): Promise<ResInfo[]> {
  return withRetry(() => ctx.epost.getResInfo({ custNo, reqType: '1', orderNo, reqYmd }), ctx.retry);
}

/** Transport failures of the admin are worth a retry; an expired session is not (it needs the operator). */
const adminRetryable = (err: unknown) => !(err instanceof SessionExpiredError) && (isRetryable(err) || err instanceof TypeError);

export function readOrder(ctx: Ctx, origin: string, orderNo: string): Promise<OrderDetail> {
  return withRetry(() => ctx.adminFor(origin).fetchOrder(orderNo), { ...ctx.retry, retryable: adminRetryable });
}

/** 접수중지 postcodes, asked once per job run. A failure here is a warning, not a stop. */
export async function stoppedZips(ctx: Ctx): Promise<StoppedZip[] | undefined> {
  ctx.stoppedZips ??= withRetry(() => ctx.epost.getStoppedZipCd(), ctx.retry);
  try {
    return await ctx.stoppedZips;
  } catch {
    ctx.stoppedZips = undefined;
    return undefined;
  }
}

/** A live registration among GetResInfo rows (05 신청취소 rows are dead numbers). */
export function liveRegistration(rows: ResInfo[], regiNo?: string): ResInfo | undefined {
  return rows.find((r) => r.treatStusCd !== '05' && (!regiNo || r.regiNo === regiNo));
}
