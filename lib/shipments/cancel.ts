// 예약 취소 (and 반품 회수 취소, only at 01 소포신청): GetResCancelCmd delYn=Y. The old number is void forever, godomall's invoice is cleared,
// and the order is 미발급 again (the next issue uses `-r<n>`). A cancel is not blindly retried: an
// unclear answer is checked with GetResInfo (gone or 05 = cancelled).
import type { JobRecord, JobTarget, Shipment } from '../db/types';
import { EpostError } from '../epost/errors';
import { treatStatusText } from '../epost/types';
import type { TargetOutcome } from '../jobs/runner';
import { errorText, type Ctx } from './context';
import { voidShipment } from './transitions';
import { liveRegistration, resInfo } from './safe-calls';
import { reconcileFamily } from './family';
import { reqTypeOf } from './keys';
import { lifeOf, may } from './lifecycle';
import { shipmentAndBase } from '../db/repo/shipments';

export async function cancelTarget(ctx: Ctx, job: JobRecord, target: JobTarget): Promise<TargetOutcome> {
  // the row and its key family's rows, one read: the family look below needs both
  const { row, base } = await shipmentAndBase(ctx.db, target.key);
  let s = row;
  if (!s) return { status: 'failed', message: '발급 기록을 찾을 수 없습니다.' };
  if (s.state === 'void') return { status: 'skipped', message: '이미 취소된 번호입니다.' };
  const verdict = may(lifeOf(s), 'cancel');
  if (!verdict.ok) return { status: 'failed', message: verdict.reason };
  const settings = await ctx.settings();
  if (!s.test) {
    // a twin of this order (another PC's, a late commit) would stay live after ours is gone: the family
    // is reconciled first (later twins cancelled, ours switched to the keeper), then the keeper cancelled
    try {
      const r = await reconcileFamily(ctx, s, job.operatorId, base);
      if (r.kind === 'ok') s = r.shipment;
    } catch {
      /* Korea Post unclear: cancel the number we hold; the next touch reconciles the rest */
    }
  }
  const shipment: Shipment = s;
  if (shipment.pickup && !shipment.test) {
    // Korea Post's rule for 반품소포: cancelled only at 01 소포신청, before the courier prints the
    // waybill (whatever printYn was sent). Asked first so the operator hears why; an unclear answer
    // leaves the decision to the cancel itself
    const stage = await resInfo(ctx, settings.custNo, shipment.epostKey ?? shipment.key, shipment.reqYmd, reqTypeOf(shipment)).then(
      (rows) => liveRegistration(rows, shipment.regiNo)?.treatStusCd,
      () => undefined,
    );
    if (stage && stage !== '01')
      return {
        status: 'failed',
        message: `반품 회수는 운송장 출력 전(소포신청)까지만 취소할 수 있습니다 (우체국 처리상태 ${treatStatusText(stage)}).`,
      };
  }
  let cancelled: boolean;
  let reason = '';
  try {
    const r = await ctx.epost.cancel({
      custNo: settings.custNo,
      apprNo: settings.apprNo,
      reqType: reqTypeOf(shipment),
      reqNo: shipment.reqNo,
      resNo: shipment.resNo,
      regiNo: shipment.regiNo,
      delYn: 'Y',
      reqYmd: shipment.reqYmd,
    });
    // D = cancelled and deleted (what delYn=Y answers), Y = cancelled and kept as 05 (delYn=N)
    cancelled = r.canceledYn === 'Y' || r.canceledYn === 'D';
    reason = r.notCancelReason;
  } catch (err) {
    if (err instanceof EpostError && !err.isLoadBlock) return { status: 'failed', message: `취소 실패: ${errorText(err)}` };
    // the answer was lost: ask Korea Post what became of our key. delYn=Y deletes the request, so a
    // number that is gone (or shown 05) was cancelled; one still listed live was not
    try {
      const rows = await resInfo(ctx, settings.custNo, shipment.epostKey ?? shipment.key, shipment.reqYmd, reqTypeOf(shipment));
      cancelled = rows.every((r) => r.regiNo !== shipment.regiNo || r.treatStusCd === '05');
    } catch (err2) {
      return { status: 'failed', message: `취소 결과를 확인하지 못했습니다: ${errorText(err2)}. 다시 시도하세요.` };
    }
  }
  if (!cancelled) return { status: 'failed', message: `우체국에서 취소하지 않았습니다: ${reason || '사유 없음'}` };

  const { note } = await voidShipment(ctx, shipment, {
    reason: '예약 취소: 이 번호는 다시 사용할 수 없습니다.',
    operatorId: job.operatorId,
    action: 'cancel',
    detail: 'GetResCancelCmd delYn=Y',
  });
  return note ? { status: 'done', message: note } : { status: 'done' };
}
