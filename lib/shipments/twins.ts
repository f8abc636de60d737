// Two PCs (two journals) can both find our key absent at Korea Post and both send InsertOrder in
// the same instant: Korea Post registers the same orderNo twice. Right after a registration we ask
// GetResInfo once more; when several live registrations share our key, the EARLIEST one is kept
// (every PC applies the same rule, so they converge) and a later one of ours is cancelled at once.
import type { Shipment } from '../db/types';
import type { InsertOrderResult, ResInfo } from '../epost/types';
import { addAudit, addVoidNumber } from '../db/repo/journal';
import { errorText, type Ctx } from './context';
import { resInfo } from './safe-calls';
import { earliest } from './family';

export type TwinOutcome = { keep: 'ours' } | { keep: 'theirs'; keeper: ResInfo } | { keep: 'both'; warning: string };

export async function resolveTwins(ctx: Ctx, row: Shipment, ours: InsertOrderResult, custNo: string, apprNo: string): Promise<TwinOutcome> {
  // Korea Post's own request day (reqNo = YYYYMMDD + 10), not this PC's: they differ around midnight
  const reqYmd = /^\d{18}$/.test(ours.reqNo) ? ours.reqNo.slice(0, 8) : row.reqYmd;
  let rows: ResInfo[];
  try {
    rows = await resInfo(ctx, custNo, row.key, reqYmd);
  } catch {
    return { keep: 'ours' }; // cannot look; the usual case is no twin at all
  }
  const live = rows.filter((r) => r.treatStusCd !== '05');
  if (live.length <= 1) return { keep: 'ours' };
  const keeper = live.reduce(earliest);
  if (keeper.regiNo === ours.regiNo) return { keep: 'ours' };
  const reason = `다른 PC에서 같은 주문을 동시에 발급하여 나중 번호(${ours.regiNo})를 취소했습니다.`;
  try {
    const r = await ctx.epost.cancel({
      custNo,
      apprNo,
      reqType: '1',
      reqNo: ours.reqNo,
      resNo: ours.resNo,
      regiNo: ours.regiNo,
      delYn: 'Y',
      reqYmd,
    });
    if (r.canceledYn !== 'Y' && r.canceledYn !== 'D') throw new Error(r.notCancelReason || '취소 거절');
  } catch (err) {
    return {
      keep: 'both',
      warning: `같은 주문이 우체국에 두 번 접수되었습니다 (${keeper.regiNo}, ${ours.regiNo}). 하나를 취소해 주세요: ${errorText(err)}`,
    };
  }
  await addVoidNumber(ctx.db, { regiNo: ours.regiNo, key: row.key, reason, at: ctx.now() });
  await addAudit(ctx.db, {
    at: ctx.now(),
    operatorId: row.operatorId,
    action: 'cancel',
    key: row.key,
    orderNo: row.orderNo,
    regiNo: ours.regiNo,
    detail: reason,
  });
  return { keep: 'theirs', keeper };
}
