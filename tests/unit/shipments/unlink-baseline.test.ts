// 연동 해제 means an OPERATOR changed the order. Two cases the e2e walk-through caught as false unlinks:
// an order whose items were in different statuses before we reserved it (p1 + g5: only p1 moves), and an
// order whose g1 write godomall refused (claim in progress) and so still shows p1. Neither is a manual
// change: sync must keep them linked; a real change by hand still unlinks.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, waitJob, type Harness } from './harness';
import type { SeedOrder } from '../../sandbox/godomall';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const base = () => ({ adminOrigin: h!.origin, operatorId: 'kim', mode: 'order' as const });
const statuses = (orderNo: string) => h!.gd.control.order(orderNo)!.items.map((i) => i.status);
const clean = (o: SeedOrder) =>
  /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) && /^\d{5}$/.test(o.receiverZonecode) && o.items.every((i) => !i.invoiceNo);

async function issueAndReserve(orderNo: string) {
  const s = h!.shipments();
  await waitJob(s, await s.startJob({ ...base(), kind: 'issue', targets: [{ orderNo, itemSnos: [] }] }));
  const job = await waitJob(s, await s.startJob({ ...base(), kind: 'reserve', keys: [orderNo] }));
  expect(job.targets[0]!.status).toBe('done');
  return s;
}

describe('unlink baseline', () => {
  it('a mixed-status order (p1, g1, g5) stays linked through delivery', async () => {
    h = await startHarness();
    const mixed = h.gd.control.orders().find((o) => clean(o) && new Set(o.items.map((i) => i.status)).size === 3 && !o.claimInProgress)!;
    expect(mixed).toBeDefined();
    const s = await issueAndReserve(mixed.orderNo);
    expect(statuses(mixed.orderNo)).toEqual(['g1', 'g1', 'g5']);
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect((await h.db.shipments.get(mixed.orderNo))!.state).toBe('delivered');
    expect(statuses(mixed.orderNo)).toEqual(['d2', 'd2', 'd2']);
  });

  it('an order whose reserve write godomall refused is not unlinked; it moves once the claim is closed', async () => {
    h = await startHarness();
    const orderNo = h.gd.control
      .orders()
      .find((o) => clean(o) && o.items.length === 1 && o.items[0]!.status === 'p1' && !o.claimInProgress)!.orderNo;
    const s = h.shipments();
    await waitJob(s, await s.startJob({ ...base(), kind: 'issue', targets: [{ orderNo, itemSnos: [] }] }));
    h.gd.control.setClaimInProgress(orderNo, true);
    await waitJob(s, await s.startJob({ ...base(), kind: 'reserve', keys: [orderNo] }));
    expect(statuses(orderNo)).toEqual(['p1']);
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect((await h.db.shipments.get(orderNo))!.state).not.toBe('unlinked');
    h.gd.control.setClaimInProgress(orderNo, false);
    await s.syncAll('manual');
    expect(statuses(orderNo)).toEqual(['d2']);
    expect((await h.db.shipments.get(orderNo))!.state).toBe('delivered');
  });

  it('a status changed by hand after the reservation still unlinks', async () => {
    h = await startHarness();
    const orderNo = h.gd.control
      .orders()
      .find((o) => clean(o) && o.items.length === 1 && o.items[0]!.status === 'p1' && !o.claimInProgress)!.orderNo;
    const s = await issueAndReserve(orderNo);
    h.gd.control.setStatus(orderNo, 'g2');
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect((await h.db.shipments.get(orderNo))!.state).toBe('unlinked');
    expect(statuses(orderNo)).toEqual(['g2']);
  });
});

// The seed: any manual change before Korea Post's 배송완료 is applied unlinks the order, reserved or not.
// The baseline is what the extension saw when it issued.
describe('unlink before 예약', () => {
  const plainP1 = () =>
    h!.gd.control.orders().find((o) => clean(o) && o.items.length === 1 && o.items[0]!.status === 'p1' && !o.claimInProgress)!.orderNo;

  it('an issued order changed by hand (p1 → g1) is unlinked by the sync and 배송완료 is never written over it', async () => {
    h = await startHarness();
    const orderNo = plainP1();
    const s = h.shipments();
    await waitJob(s, await s.startJob({ ...base(), kind: 'issue', targets: [{ orderNo, itemSnos: [] }] }));
    expect((await h.db.shipments.get(orderNo))!.itemStatuses).toEqual(
      Object.fromEntries(h.gd.control.order(orderNo)!.items.map((i) => [i.sno, 'p1'])),
    );
    h.gd.control.setStatus(orderNo, 'g1'); // the operator, by hand
    h.ep.control.advanceHours(72); // Korea Post delivers it
    await s.syncAll('manual');
    expect(statuses(orderNo)).toEqual(['g1']);
    const row = (await h.db.shipments.get(orderNo))!;
    expect(row.state).toBe('unlinked');
    expect(row.message).toContain('연동이 해제');
    expect(await h.db.pendingWrites.count()).toBe(0);
    const actions = (await h.db.audit.where('key').equals(orderNo).toArray()).map((a) => a.action);
    expect(actions[0]).toBe('issue');
    expect(actions.at(-1)).toBe('unlink'); // Korea Post's 배달완료 is on record; godomall never got it
    // the badge says 연동 해제 and nothing of ours writes that order again
    expect((await s.rowShipments(h.origin, [orderNo]))[0]!.state).toBe('unlinked');
    h.gd.control.setStatus(orderNo, 'p1');
    await s.syncAll('manual');
    expect(statuses(orderNo)).toEqual(['p1']);
  });

  it('예약 of an order changed by hand since issue unlinks it instead of reserving', async () => {
    h = await startHarness();
    const orderNo = plainP1();
    const s = h.shipments();
    await waitJob(s, await s.startJob({ ...base(), kind: 'issue', targets: [{ orderNo, itemSnos: [] }] }));
    h.gd.control.setStatus(orderNo, 'g2');
    const job = await waitJob(s, await s.startJob({ ...base(), kind: 'reserve', keys: [orderNo] }));
    expect(job.targets[0]!.status).toBe('failed');
    expect(job.targets[0]!.message).toContain('연동이 해제');
    expect((await h.db.shipments.get(orderNo))!.state).toBe('unlinked');
    expect(statuses(orderNo)).toEqual(['g2']);
  });

  it('our own writes never count as manual: 예약 (p1 → g1), then delivery writes d2', async () => {
    h = await startHarness();
    const orderNo = plainP1();
    const s = await issueAndReserve(orderNo);
    expect(statuses(orderNo)).toEqual(['g1']);
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect(statuses(orderNo)).toEqual(['d2']);
    expect((await h.db.shipments.get(orderNo))!.state).toBe('delivered');
  });
});
