// 발급 후 바로 예약 (settings.reserveAfterIssue, asked in the issue's one question): the issue job, as
// it ends, starts the 예약 of the parcels it made, named on the finished job so the page follows it on.
import { afterEach, describe, expect, it } from 'vitest';
import { issueOrders, ordinaryOrders, startHarness, waitJob, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const statusOf = (orderNo: string) => [...new Set(h!.gd.control.order(orderNo)!.items.map((i) => i.status))];

describe('reserve right after issuing', () => {
  it('an issue job asked to reserve ends by starting the 예약 of its own parcels, at the bill of the two steps', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1').map((o) => o.orderNo);
    const already = ordinaryOrders(h, 'p1')[2]!.orderNo;
    const s = h.shipments();
    await issueOrders(h, s, [already]); // issued before, not reserved: this job skips it and leaves it so
    const before = { ...h.ep.control.state().calls };
    const issued = await issueOrders(h, s, [a!, b!, already], { thenReserve: true });
    expect(issued.targets.map((t) => t.status)).toEqual(['done', 'done', 'skipped']);
    expect(issued.next).toBe(`${issued.id}-reserve`);
    const reserved = await waitJob(s, issued.next!);
    expect(reserved).toMatchObject({ kind: 'reserve', status: 'done', operatorId: 'kim' });
    expect(reserved.targets.map((t) => [t.key, t.status])).toEqual([
      [a, 'done'],
      [b, 'done'],
    ]);
    const rows = await s.rowShipments(h.origin, [a!, b!, already]);
    const stateOf = new Map(rows.map((r) => [r.orderNo, r.state]));
    expect([a!, b!, already].map((o) => [o, stateOf.get(o)])).toEqual([
      [a, 'reserved'],
      [b, 'reserved'],
      [already, 'issued'],
    ]);
    expect([statusOf(a!), statusOf(b!), statusOf(already)]).toEqual([['g1'], ['g1'], ['p1']]); // 결제완료 → 상품준비중 at 예약 only
    // the two steps cost what they cost apart: one InsertOrder and one GetResInfo per parcel
    const calls = h.ep.control.state().calls;
    const spent = (k: string) => (calls[k] ?? 0) - (before[k] ?? 0);
    expect([spent('InsertOrder'), spent('GetResInfo')]).toEqual([2, 2]);
  });

  it('without the question it stops at 발급; a resumed end does not start a second 예약', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1').map((o) => o.orderNo);
    const s = h.shipments();
    const plain = await issueOrders(h, s, [a!]);
    expect(plain.next).toBeUndefined();
    expect((await s.rowShipments(h.origin, [a!]))[0]!.state).toBe('issued');

    const asked = await issueOrders(h, s, [b!], { thenReserve: true });
    await waitJob(s, asked.next!);
    // the worker killed between the 예약's start and the issue job's end: the end runs again on resume
    await h.db.jobs.update(asked.id, { status: 'running' });
    const again = await h.shipments().runJob(asked.id);
    expect(again!.next).toBe(asked.next);
    expect((await h.db.jobs.toArray()).filter((j) => j.kind === 'reserve')).toHaveLength(1);
  });
});
