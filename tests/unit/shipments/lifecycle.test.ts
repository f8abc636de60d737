// Reserve → print → sync, cancel → re-issue, 연동 해제, session expiry: end to end on both simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { ordinaryOrders, startHarness, waitJob, type Harness, issueOrders } from './harness';
import type { Shipments } from '../../../lib/shipments';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function issue(s: Shipments, orderNos: string[]): Promise<string[]> {
  const job = await waitJob(
    s,
    await s.startJob({
      kind: 'issue',
      adminOrigin: h!.origin,
      operatorId: 'kim',
      mode: 'order',
      targets: orderNos.map((orderNo) => ({ orderNo, itemSnos: [] })),
    }),
  );
  expect(job.targets.map((t) => [t.key, t.status])).toEqual(orderNos.map((o) => [o, 'done']));
  return orderNos; // 주문별 keys are the order numbers
}

async function runKeys(s: Shipments, kind: 'reserve' | 'cancel', keys: string[]) {
  return waitJob(s, await s.startJob({ kind, adminOrigin: h!.origin, operatorId: 'park', mode: 'order', keys }));
}

const statusOf = (orderNo: string) => [...new Set(h!.gd.control.order(orderNo)!.items.map((i) => i.status))];

describe('shipment lifecycle', () => {
  it('reserve applies the status rules (p1 → g1, g2 and g5 kept); print → d1; delivery → d2', async () => {
    h = await startHarness();
    const p1 = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const g2 = ordinaryOrders(h, 'g2')[0]!.orderNo;
    const g5 = ordinaryOrders(h, 'g5')[0]!.orderNo;
    const s = h.shipments();
    const keys = await issue(s, [p1, g2, g5]);
    const reserved = await runKeys(s, 'reserve', keys);
    expect(reserved.targets.map((t) => t.status)).toEqual(['done', 'done', 'done']);
    expect([statusOf(p1), statusOf(g2), statusOf(g5)]).toEqual([['g1'], ['g2'], ['g5']]);
    expect((await s.rowShipments(h.origin, keys)).every((r) => r.state === 'reserved')).toBe(true);

    expect(await s.markPrinted(keys, false, 'park')).toEqual({ moved: 3 });
    expect([statusOf(p1), statusOf(g2), statusOf(g5)]).toEqual([['d1'], ['d1'], ['d1']]);
    const printed = await s.rowShipments(h.origin, keys);
    expect(printed.every((r) => r.state === 'shipping' && r.printed)).toBe(true);
    await s.markPrinted([p1], true, 'park');
    expect((await h.db.audit.where('key').equals(p1).toArray()).map((a) => a.action)).toEqual(['issue', 'reserve', 'print', 'reprint']);

    h.ep.control.advanceHours(72);
    const run = await s.syncAll('manual');
    expect(run).toMatchObject({ checked: 3, delivered: 3, errors: [] });
    expect([statusOf(p1), statusOf(g2), statusOf(g5)]).toEqual([['d2'], ['d2'], ['d2']]);
    expect((await s.rowShipments(h.origin, keys)).every((r) => r.state === 'delivered')).toBe(true);
    expect((await h.db.trackingEvents.count()) > 3).toBe(true);
    const counts = await s.dashboardCounts();
    expect(counts.counts.delivered).toBe(3);
    expect(counts.lastSync?.delivered).toBe(3);
  });

  it('the supplier admin: issue, reserve, print, sync — every read and write under /provider/order/', async () => {
    h = await startHarness();
    const mine = h.gd.control
      .orders()
      .filter(
        (o) =>
          o.items.every((i) => i.supplier === '(주)한빛물산' && i.status === 'p1' && !i.invoiceNo) &&
          /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
          /^\d{5}$/.test(o.receiverZonecode) &&
          !o.claimInProgress,
      );
    const order = mine[0]!.orderNo;
    const adminBase = `${h.origin}/provider/order/`;
    const s = h.shipments();
    h.gd.requests.length = 0;
    const issued = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        adminBase,
        operatorId: 'scm',
        mode: 'order',
        targets: [{ orderNo: order, itemSnos: [] }],
      }),
    );
    expect(issued.targets.map((t) => t.status)).toEqual(['done']);
    expect(h.gd.control.order(order)!.items.every((i) => /^\d{13}$/.test(i.invoiceNo))).toBe(true);
    const reserved = await waitJob(
      s,
      await s.startJob({ kind: 'reserve', adminOrigin: h.origin, adminBase, operatorId: 'scm', mode: 'order', keys: [order] }),
    );
    expect(reserved.targets.map((t) => t.status)).toEqual(['done']);
    expect(statusOf(order)).toEqual(['g1']);
    await s.markPrinted([order], false, 'scm');
    expect(statusOf(order)).toEqual(['d1']);
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect(statusOf(order)).toEqual(['d2']);
    expect(h.gd.requests.length).toBeGreaterThan(5);
    expect(h.gd.requests.filter((r) => !r.includes(' /provider/order/'))).toEqual([]);
  });

  it('a reserved parcel that Korea Post scans as moving moves the order to d1 on sync', async () => {
    h = await startHarness();
    const g1 = ordinaryOrders(h, 'g1')[0]!.orderNo;
    const s = h.shipments();
    await issue(s, [g1]);
    await runKeys(s, 'reserve', [g1]);
    expect(statusOf(g1)).toEqual(['g1']);
    h.ep.control.advanceHours(8); // 접수 at +4 h, 발송 at +7 h
    // the operator's 수동 업데이트: every live parcel, whatever the hour (an alarm run would wait for
    // the next delivery morning, track-plan.ts)
    const run = await s.syncAll('manual');
    expect(run.moving).toBe(1);
    expect(statusOf(g1)).toEqual(['d1']);
    expect((await s.rowShipments(h.origin, [g1]))[0]!.state).toBe('shipping');
    // one audit entry for the move, and none for the next check that finds it still moving
    await s.syncAll('manual');
    const audit = (await h.db.audit.where('key').equals(g1).toArray()).map((a) => [a.action, a.detail]);
    expect(audit.filter(([action]) => action === 'status')).toEqual([['status', '배송 시작 → d1']]);
  });

  it('cancel voids the number forever, clears godomall, and the next issue uses -r1', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    await issue(s, [order]);
    const first = (await s.rowShipments(h.origin, [order]))[0]!.regiNo;
    const cancelled = await runKeys(s, 'cancel', [order]);
    expect(cancelled.targets[0]!.status).toBe('done');
    expect(await h.db.voidNumbers.get(first)).toBeDefined();
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === '')).toBe(true);
    expect((await s.rowShipments(h.origin, [order]))[0]!.state).toBe('void');

    const again = await issueOrders(h, s, [order]);
    expect(again.targets[0]!.status).toBe('done');
    const row = (await s.rowShipments(h.origin, [order]))[0]!;
    expect(row.key).toBe(`${order}-r1`);
    expect(row.regiNo).not.toBe(first);
    expect(h.ep.control.registrations(`${order}-r1`)).toHaveLength(1);
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === row.regiNo)).toBe(true);
    expect((await h.db.audit.where('orderNo').equals(order).toArray()).map((a) => a.action)).toEqual(['issue', 'cancel', 'issue']);
  });

  it('연동 해제: an operator changes the status by hand after reservation → never touched again', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    await issue(s, [order]);
    await runKeys(s, 'reserve', [order]);
    expect(statusOf(order)).toEqual(['g1']);
    h.gd.control.setStatus(order, 'g3'); // by hand, before Korea Post's status was applied
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect(statusOf(order)).toEqual(['g3']);
    const row = (await s.rowShipments(h.origin, [order]))[0]!;
    expect(row.state).toBe('unlinked');
    expect((await h.db.audit.where('key').equals(order).toArray()).map((a) => a.action)).toContain('unlink');
    await s.syncAll('manual'); // never touched again
    expect(statusOf(order)).toEqual(['g3']);
  });

  it('session expiry during sync queues the writes; after login they are flushed and nothing is lost', async () => {
    h = await startHarness();
    const orders = ordinaryOrders(h, 'p1')
      .slice(0, 2)
      .map((o) => o.orderNo);
    const s = h.shipments();
    await issue(s, orders);
    await runKeys(s, 'reserve', orders);
    await s.markPrinted(orders, false, 'park');
    h.ep.control.advanceHours(72);
    h.gd.control.expireSessions();
    const run = await s.syncAll('alarm');
    expect(run.delivered).toBe(2);
    expect(run.errors.join()).toContain('고도몰 로그인 필요');
    expect(orders.map(statusOf)).toEqual([['d1'], ['d1']]);
    expect(await h.db.pendingWrites.count()).toBe(2);
    expect((await s.dashboardCounts()).counts.pendingWrites).toBe(2);
    expect((await s.rowShipments(h.origin, orders)).every((r) => r.message === '고도몰 로그인 필요')).toBe(true);

    await h.relogin();
    const flushed = await s.flushPendingWrites(h.origin);
    expect(flushed).toMatchObject({ remaining: 0, loginNeeded: [] });
    expect(orders.map(statusOf)).toEqual([['d2'], ['d2']]);
    expect((await s.rowShipments(h.origin, orders)).every((r) => r.state === 'delivered' && r.message === undefined)).toBe(true);
  });

  it('shows exceptions: 미배달 with its reason', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    await issue(s, [order]);
    await runKeys(s, 'reserve', [order]);
    const regiNo = (await s.rowShipments(h.origin, [order]))[0]!.regiNo;
    h.ep.control.parcelAction(regiNo, { action: 'undeliver', reason: '수취인 부재' });
    h.ep.control.advanceHours(72);
    const run = await s.syncAll('manual');
    expect(run.exceptions).toBe(1);
    const row = (await s.rowShipments(h.origin, [order]))[0]!;
    expect(row.exception).toEqual({ kind: 'undelivered', reason: '미배달: 수취인 부재' });
  });
});
