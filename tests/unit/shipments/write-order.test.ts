// Godomall writes of one shipment land in the order they were queued: while an earlier one has not
// landed (a 5xx, a refusal), the later ones wait. Otherwise a 배송중 (d1) write that failed at print
// time lands AFTER the sync's 배송완료 (d2) and moves a delivered order back to 배송중.
import { afterEach, describe, expect, it } from 'vitest';
import type { GodomallAdmin } from '../../../lib/godomall/types';
import { ordinaryOrders, startHarness, waitJob, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The admin, except that the first `left.n` status changes to `to` fail like a busy server. */
function failingStatus(admin: GodomallAdmin, to: string, left: { n: number }): GodomallAdmin {
  return {
    origin: admin.origin,
    fetchOrder: (o) => admin.fetchOrder(o),
    saveInvoice: (o, no, items) => admin.saveInvoice(o, no, items),
    clearInvoice: (o, items) => admin.clearInvoice(o, items),
    courierList: () => admin.courierList(),
    changeStatus: async (o, items, status) => {
      if (status === to && left.n-- > 0) throw new Error('HTTP 503');
      return admin.changeStatus(o, items, status);
    },
  };
}

describe('write order', () => {
  it('a failed d1 write never lands after the d2 that followed it', async () => {
    h = await startHarness();
    const orderNo = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const left = { n: 2 }; // one admin client per write: the count is shared
    const s = h.shipments({ admin: (origin) => failingStatus(h!.adminFor(origin), 'd1', left) });
    const base = { adminOrigin: h.origin, operatorId: 'kim', mode: 'order' as const };
    await waitJob(s, await s.startJob({ ...base, kind: 'issue', targets: [{ orderNo, itemSnos: [] }] }));
    await waitJob(s, await s.startJob({ ...base, kind: 'reserve', keys: [orderNo] }));
    await s.markPrinted([orderNo], false, 'kim'); // d1 fails (1st)
    const status = () => h!.gd.control.order(orderNo)!.items.map((i) => i.status);
    expect(status()).toEqual(['g1']);

    h.ep.control.advanceHours(72);
    await s.syncAll('manual'); // d1 fails again (2nd): d2 must wait behind it
    expect(status()).toEqual(['g1']);
    expect(await h.db.pendingWrites.count()).toBe(2);

    await s.syncAll('manual'); // both land, in order
    expect(status()).toEqual(['d2']);
    expect(await h.db.pendingWrites.count()).toBe(0);
    await s.syncAll('manual');
    expect(status()).toEqual(['d2']);
  });
});
