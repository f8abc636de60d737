// A 1,000-order issue job against both simulators (real clients, concurrency 4, no faults), then a
// sync over the same 1,000 parcels. Measured here, never asserted in unit tests.
import { bench, describe } from 'vitest';
import { startHarness } from '../unit/shipments/harness';

const ORDERS = 1000;

describe('shipments', () => {
  bench(
    `issue ${ORDERS} orders (주문별) + sync`,
    async () => {
      const h = await startHarness({ rows: 1400 });
      try {
        const orders = h.gd.control
          .orders()
          .filter(
            (o) =>
              o.items.every((i) => /^[pg]/.test(i.status) && !i.invoiceNo) &&
              /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
              /^\d{5}$/.test(o.receiverZonecode) &&
              !o.claimInProgress,
          )
          .slice(0, ORDERS);
        if (orders.length < ORDERS) throw new Error(`only ${orders.length} issuable orders`);
        const s = h.shipments();
        const id = await s.startJob({
          kind: 'issue',
          adminOrigin: h.origin,
          operatorId: 'bench',
          mode: 'order',
          targets: orders.map((o) => ({ orderNo: o.orderNo, itemSnos: [] })),
        });
        const job = await s.runJob(id);
        const done = job?.targets.filter((t) => t.status === 'done').length ?? 0;
        if (done !== ORDERS || h.ep.control.registrationCount() !== ORDERS)
          throw new Error(`issued ${done}, registered ${h.ep.control.registrationCount()}`);
        h.ep.control.advanceHours(8);
        await s.syncAll('manual');
      } finally {
        await h.close();
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
