// Korea Post's request day (the first 8 digits of reqNo) is the one GetResInfo and the cancel are asked
// with — not this PC's day. A PC clock a day off (or a request sent across KST midnight) must not turn
// a live parcel into "신청취소되었거나 찾을 수 없는 번호" at 예약하기. Found by the e2e walk-through,
// whose Korea Post clock runs ahead of Chromium's.
import { afterEach, describe, expect, it } from 'vitest';
import { createShipments } from '../../../lib/shipments';
import { ordinaryOrders, startHarness, waitJob, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('request day', () => {
  it('issue, reserve and cancel work when Korea Post is already on the next day', async () => {
    h = await startHarness();
    h.ep.control.advanceHours(30); // Korea Post's day is tomorrow; this "PC" keeps today's clock
    const s = createShipments({
      db: h.db,
      epost: h.epost,
      tracking: h.tracking,
      adminFor: h.adminFor,
      settings: async () => h!.settings,
      now: () => h!.ep.control.now() - 30 * 3_600_000,
      retry: { retries: 2, baseMs: 5, maxMs: 20 },
      settleMs: 5,
    });
    const [a, b] = ordinaryOrders(h, 'p1').map((o) => o.orderNo) as [string, string];
    const start = (kind: 'issue' | 'reserve' | 'cancel', keys: string[]) =>
      s.startJob(
        kind === 'issue'
          ? { kind, adminOrigin: h!.origin, operatorId: 'kim', mode: 'order', targets: keys.map((orderNo) => ({ orderNo, itemSnos: [] })) }
          : { kind, adminOrigin: h!.origin, operatorId: 'kim', mode: 'order', keys },
      );
    const issued = await waitJob(s, await start('issue', [a, b]));
    expect(issued.targets.map((t) => t.status)).toEqual(['done', 'done']);
    const row = await h.db.shipments.get(a);
    expect(row!.reqYmd).toBe(row!.reqNo.slice(0, 8));

    const reserved = await waitJob(s, await start('reserve', [a]));
    expect(reserved.targets.map((t) => [t.status, t.message])).toEqual([['done', undefined]]);
    expect(h.gd.control.order(a)!.items.map((i) => i.status)).toEqual(h.gd.control.order(a)!.items.map(() => 'g1'));

    const cancelled = await waitJob(s, await start('cancel', [b]));
    expect(cancelled.targets.map((t) => t.status)).toEqual(['done']);
    expect(h.ep.control.parcel((await h.db.shipments.get(b))!.regiNo)!.treatStusCd).toBe('05');
  });

  it('an answer lost when Korea Post is on another day than this PC is found again, not sent twice', async () => {
    h = await startHarness();
    h.ep.control.advanceHours(24); // exactly one KST day ahead, whatever the hour
    const s = createShipments({
      db: h.db,
      epost: h.epost,
      tracking: h.tracking,
      adminFor: h.adminFor,
      settings: async () => h!.settings,
      now: () => h!.ep.control.now() - 24 * 3_600_000,
      retry: { retries: 2, baseMs: 5, maxMs: 20 },
      settleMs: 5,
    });
    const orderNo = ordinaryOrders(h, 'p1')[0]!.orderNo;
    h.ep.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    const job = await waitJob(
      s,
      await s.startJob({ kind: 'issue', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', targets: [{ orderNo, itemSnos: [] }] }),
    );
    expect(job.targets.map((t) => t.status)).toEqual(['done']);
    expect(h.ep.control.registrations(orderNo)).toHaveLength(1);
    const row = await h.db.shipments.get(orderNo);
    expect(row!.regiNo).toBe(h.ep.control.registrations(orderNo)[0]!.regiNo);
  });
});
