// 운송장 출력: printedAt + audit (print / reprint); a reserved parcel that is printed moves the order to
// 배송중 (d1) and the shipment to shipping.
import { errorText, type Ctx } from './context';
import { reconcileFamily } from './family';
import { printShipment, voidShipment } from './transitions';
import { familyUnsettled, lifeOf, may } from './lifecycle';
import { getShipment } from '../db/repo/shipments';

export async function markPrinted(ctx: Ctx, keys: string[], reprint: boolean, operatorId: string): Promise<{ moved: number }> {
  let moved = 0;
  for (const key of keys) {
    const s = await getShipment(ctx.db, key);
    if (!s || !may(lifeOf(s), 'print').ok) continue; // a return pickup's waybill is the courier's (printYn=N)
    if (await printShipment(ctx, s, { reprint, operatorId })) moved++;
  }
  return { moved };
}

/**
 * A label is printed only for a parcel whose key family was looked at since it was issued (a fresh
 * issue skips the twin check): those not yet reconciled are reconciled now — a twin cancelled, the
 * keeper's number put on the row. Returns the keys that must not be printed, with the reason.
 */
export async function reconcileForLabels(ctx: Ctx, keys: string[], operatorId: string): Promise<Array<{ key: string; reason: string }>> {
  const refused: Array<{ key: string; reason: string }> = [];
  for (const key of new Set(keys)) {
    const s = await getShipment(ctx.db, key);
    const verdict = s && may(lifeOf(s), 'print');
    if (s?.pickup && verdict && !verdict.ok) {
      refused.push({ key, reason: verdict.reason });
      continue;
    }
    // a label only for a parcel seen alone at Korea Post; one already collected has no twin left to cancel
    if (!s || !familyUnsettled(s) || !may(lifeOf(s), 'cancel').ok) continue;
    try {
      const r = await reconcileFamily(ctx, s, operatorId);
      if (r.kind === 'missing') {
        const reason = '우체국에서 신청취소되었거나 찾을 수 없는 번호입니다. 송장번호를 재발급하세요.';
        await voidShipment(ctx, s, { reason, operatorId });
        refused.push({ key, reason });
      }
    } catch (err) {
      refused.push({ key, reason: `우체국 접수 정보를 확인하지 못해 출력하지 않았습니다 (${errorText(err)}). 잠시 후 다시 출력하세요.` });
    }
  }
  return refused;
}
