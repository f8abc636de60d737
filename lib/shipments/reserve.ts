// 예약하기 (2단계): re-read each parcel at Korea Post — its whole key family (family.ts): later twins are
// cancelled and the earliest registration kept; nothing live (신청취소/missing) → number void, 재발급
// needed. Otherwise apply the manual's status rules (p* → g1, g* keeps) and mark 예약 후.
import type { JobRecord, JobTarget } from '../db/types';
import { SessionExpiredError } from '../godomall/types';
import type { TargetOutcome } from '../jobs/runner';
import { errorText, type Ctx } from './context';
import { reserveShipment, voidShipment } from './transitions';
import { LOGIN_NEEDED } from './godomall-writes';
import { coveredStatus, reserveRule } from './rules';
import { liveRegistration, readOrder, resInfo, tabOf } from './safe-calls';
import { reconcileFamily } from './family';
import { reqTypeOf } from './keys';
import { lifeOf, manualChange, may } from './lifecycle';
import { unlinkShipment } from './unlink';
import { shipmentAndBase } from '../db/repo/shipments';

export async function reserveTarget(ctx: Ctx, job: JobRecord, target: JobTarget): Promise<TargetOutcome> {
  // the row and its key family's rows, one read: the family look below needs both
  const { row, base } = await shipmentAndBase(ctx.db, target.key);
  let s = row;
  if (!s) return { status: 'failed', message: '발급 기록을 찾을 수 없습니다.' };
  const verdict = may(lifeOf(s), 'reserve');
  if (!verdict.ok) return { status: s.state === 'reserved' ? 'skipped' : 'failed', message: verdict.reason };
  const settings = await ctx.settings();

  let twinsNote: string | undefined;
  if (s.source === 'issued') {
    let alive: boolean;
    try {
      if (s.test) {
        // test registrations all carry TESTREGINOAPI and reach no post office: our key on its day is enough
        alive = !!liveRegistration(await resInfo(ctx, settings.custNo, s.epostKey ?? s.key, s.reqYmd, reqTypeOf(s)));
      } else {
        const r = await reconcileFamily(ctx, s, job.operatorId, base);
        alive = r.kind === 'ok';
        if (r.kind === 'ok') {
          s = r.shipment;
          twinsNote = r.note;
        }
      }
    } catch (err) {
      return { status: 'failed', message: `우체국 접수 정보를 확인하지 못했습니다: ${errorText(err)}` };
    }
    if (!alive) {
      const reason = '우체국에서 신청취소되었거나 찾을 수 없는 번호입니다. 송장번호를 재발급한 뒤 다시 예약하세요.';
      await voidShipment(ctx, s, { reason, operatorId: job.operatorId });
      return { status: 'failed', message: reason };
    }
  }

  let order;
  try {
    order = await readOrder(ctx, s, s.orderNo, tabOf(s));
  } catch (err) {
    return { status: 'failed', message: err instanceof SessionExpiredError ? LOGIN_NEEDED : `주문을 읽지 못했습니다: ${errorText(err)}` };
  }
  // an operator's change since we issued unlinks the order, reserved or not (the seed's rule)
  const changed = s.pickup ? undefined : manualChange(s.itemStatuses, order.items);
  if (changed) {
    const message = await unlinkShipment(ctx, s.key, {
      orderNo: s.orderNo,
      seen: changed.to,
      expected: changed.from,
      operatorId: job.operatorId,
    });
    return { status: 'failed', message };
  }
  const statuses = order.items.filter((i) => s.itemSnos.includes(i.sno)).map((i) => i.status);
  const current = coveredStatus(statuses);
  const rule = reserveRule(current);
  if (rule.kind === 'refuse') return { status: 'failed', message: rule.reason };
  const to = rule.kind === 'change' ? rule.to : current;
  // the baseline is what godomall holds now; our status write below moves it when (if) it lands
  const itemStatuses = Object.fromEntries(order.items.filter((i) => s.itemSnos.includes(i.sno)).map((i) => [i.sno, i.status]));
  const { note } = await reserveShipment(ctx, s, {
    from: current,
    to,
    change: rule.kind === 'change',
    itemStatuses,
    operatorId: job.operatorId,
    justRead: order,
  });
  if (note) return { status: 'done', message: twinsNote ? `${twinsNote} ${note}` : note };
  return twinsNote ? { status: 'done', message: twinsNote } : { status: 'done' };
}
