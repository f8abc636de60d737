// 운송장 출력: printedAt + audit (print / reprint); a reserved parcel that is printed moves the order to
// 배송중 (d1) and the shipment to shipping.
import { addAudit } from '../db/repo/journal';
import { updateShipment } from '../db/repo/shipments';
import type { Ctx } from './context';
import { flushForShipment, queueStatus } from './godomall-writes';

export async function markPrinted(ctx: Ctx, keys: string[], reprint: boolean, operatorId: string): Promise<{ moved: number }> {
  let moved = 0;
  for (const key of keys) {
    const s = await ctx.db.shipments.get(key);
    if (!s || !['issued', 'reserved', 'shipping', 'delivered'].includes(s.state)) continue;
    const again = reprint || s.printedAt !== undefined;
    const toShipping = s.state === 'reserved';
    const next = await updateShipment(ctx.db, key, (r) => ({
      ...r,
      printedAt: ctx.now(),
      ...(toShipping ? { state: 'shipping' as const, godomallStatus: r.test ? r.godomallStatus : 'd1' } : {}),
      updatedAt: ctx.now(),
    }));
    await addAudit(ctx.db, { at: ctx.now(), operatorId, action: again ? 'reprint' : 'print', key, orderNo: s.orderNo, regiNo: s.regiNo, detail: toShipping ? `${s.godomallStatus} → d1` : '' });
    if (!toShipping) continue;
    moved++;
    if (next && !s.test) {
      // the baseline is the status we left it in at reservation: anything else is an operator's change
      await queueStatus(ctx, next, 'd1', { expect: s.godomallStatus, operatorId });
      await flushForShipment(ctx, key);
    }
  }
  return { moved };
}
