// 운송장 출력 of many parcels: recorded for several orders at once (500 labels took 110 s one by one),
// never two writes at once to one godomall order, each label recorded once.
import { afterEach, describe, expect, it } from 'vitest';
import type { GodomallAdmin } from '../../../lib/godomall/types';
import { issueOrders, ordinaryOrders, reserveIssued, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('recording a print of many labels', () => {
  it('moves every order to 배송중 with several orders in flight, one write at a time per order, one audit per label', async () => {
    h = await startHarness({ godomallLatencyMs: 20 });
    const orders = ordinaryOrders(h, 'p1').slice(0, 16);
    const inFlight = new Map<string, number>();
    let most = 0;
    let sameOrderAtOnce = false;
    const counting = (admin: GodomallAdmin): GodomallAdmin => ({
      ...admin,
      fetchOrder: async (orderNo, tab) => {
        const now = (inFlight.get(orderNo) ?? 0) + 1;
        inFlight.set(orderNo, now);
        if (now > 1) sameOrderAtOnce = true;
        most = Math.max(most, [...inFlight.values()].filter((n) => n > 0).length);
        try {
          return await admin.fetchOrder(orderNo, tab);
        } finally {
          inFlight.set(orderNo, inFlight.get(orderNo)! - 1);
        }
      },
    });
    const s = h.shipments({ admin: (origin) => counting(h!.adminFor(origin)) });
    await issueOrders(
      h,
      s,
      orders.map((o) => o.orderNo),
    );
    await reserveIssued(h, s, orders);
    most = 0;
    const keys = (
      await s.rowShipments(
        h.origin,
        orders.map((o) => o.orderNo),
      )
    ).map((r) => r.key);
    const { moved } = await s.markPrinted([...keys, keys[0]!], false, 'kim');
    expect(moved).toBe(orders.length);
    for (const o of orders) expect(h.gd.control.order(o.orderNo)!.items.every((i) => i.status === 'd1')).toBe(true);
    expect(most).toBeGreaterThan(1);
    expect(sameOrderAtOnce).toBe(false);
    const prints = (await h.db.audit.toArray()).filter((a) => a.action === 'print').length;
    expect(prints).toBe(orders.length);
  }, 60_000);
});
