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
