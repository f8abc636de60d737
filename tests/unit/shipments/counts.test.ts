// The popup's parcel counts against what Korea Post holds live: 묶음배송, 상품별, a test number, a
// number typed by hand, a cancelled one, an unlinked one, a delivered one and a return pickup, on both
// simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { issueOrders, ordinaryOrders, startHarness, waitJob, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Registrations Korea Post holds live: neither cancelled (05) nor test mode (no post office). */
const epostLive = () => h!.ep.control.state().parcels.filter((p) => !p.test && p.treatStusCd !== '05').length;

describe('the popup counts what Korea Post holds', () => {
  it('parcels by state, pickups and unlinked add up to Korea Post’s live registrations; a test number is no parcel', async () => {
    h = await startHarness();
    const s = h.shipments();
    const plain = ordinaryOrders(h, 'p1').filter((o) => o.items.length === 1);
    const multi = ordinaryOrders(h, 'p1').find((o) => o.items.length >= 2)!;
    const [a, b, c, d, e, t] = plain.map((o) => o.orderNo) as [string, string, string, string, string, string];
    h.gd.control.sameReceiverAs(b, a);
    const [lead, member] = [a, b].sort() as [string, string];

    // 묶음배송 (one parcel for two orders) and three plain orders
    await issueOrders(h, s, [a, b, c, d, e], { combine: [[member, lead]] });
    // 상품별: one parcel per item
    const perItem = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'item',
        targets: multi.items.map((i) => ({ orderNo: multi.orderNo, itemSnos: [i.sno] })),
      }),
    );
    expect(perItem.targets.every((x) => x.status === 'done')).toBe(true);
    // a test number (testYn=Y): nothing reaches the post office
    h.settings.testMode = true;
    await issueOrders(h, s, [t]);
    h.settings.testMode = false;
    // cancelled: gone at Korea Post
    await waitJob(s, await s.startJob({ kind: 'cancel', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [d] }));
    // unlinked: the operator changed e by hand; its parcel stays at Korea Post
    h.gd.control.setStatus(e, 'g2');
    await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [e] }));
    expect((await h.db.shipments.get(e))!.state).toBe('unlinked');
    // delivered, then a return pickup booked for it
    await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [c] }));
    await s.markPrinted([c], false, 'kim');
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    h.gd.control.setStatus(c, 'b1');
    const pickup = await waitJob(
      s,
      await s.startJob({
        kind: 'pickup',
        claim: 'b',
        adminOrigin: h.origin,
        operatorId: 'lee',
        mode: 'order',
        targets: [{ orderNo: c, itemSnos: [] }],
      }),
    );
    expect(pickup.targets[0]!.status).toBe('done');

    // a 우체국택배 number an operator typed into godomall: tracked, but not a registration of ours
    const typed = h.gd.control.orders().find((o) => o.items[0]!.invoiceNo === '6098765432101')!;
    expect(
      await s.recordTypedInvoices(h.origin, [{ orderNo: typed.orderNo, itemSnos: [], invoiceNo: '6098765432101', status: 'p1' }]),
    ).toBe(1);

    const { counts } = await s.dashboardCounts();
    const tiles = counts.issued + counts.reserved + counts.shipping + counts.delivered + counts.pickups + counts.unlinked;
    expect(counts.live).toBe(epostLive());
    expect(tiles).toBe(epostLive());
    // the packet, the items and c (Korea Post delivered them all meanwhile); never the test number
    expect(counts.issued + counts.delivered).toBe(2 + multi.items.length);
    expect(counts.unlinked).toBe(1);
    expect(counts.pickups).toBe(1);
    // the same counts when nothing was kept yet (an old journal's first popup counts from the rows)
    await h.db.stateCounts.clear();
    expect((await s.dashboardCounts()).counts).toEqual(counts);
  });
});
