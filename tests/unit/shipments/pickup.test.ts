// 반품 회수 접수 (InsertOrder reqType=2) end to end on both simulators: the fields Korea Post gets,
// exactly once (a repeated job, a lost answer), the sync moving the claim only when the shop asks,
// and Korea Post's cancel rule for returns.
import { afterEach, describe, expect, it } from 'vitest';
import { issueOrders, ordinaryOrders, resInfoDownFromInsert, startHarness, waitJob, type Harness } from './harness';
import type { Shipments } from '../../../lib/shipments';
import type { Shipment } from '../../../lib/db/types';
import type { CancelInput, EpostApi, InsertOrderInput } from '../../../lib/epost/types';
import { EpostTransportError } from '../../../lib/epost/errors';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function pickup(s: Shipments, orderNos: string[], claim: 'b' | 'e' = 'b', itemSnos: string[] = []) {
  return s
    .startJob({
      kind: 'pickup',
      claim,
      adminOrigin: h!.origin,
      operatorId: 'lee',
      mode: 'order',
      targets: orderNos.map((orderNo) => ({ orderNo, itemSnos })),
    })
    .then((id) => waitJob(s, id));
}

const pickupsOf = async (orderNo: string) => (await h!.db.shipments.where('orderNo').equals(orderNo).toArray()).filter((r) => r.pickup);
const statusOf = (orderNo: string) => [...new Set(h!.gd.control.order(orderNo)!.items.map((i) => i.status))];

/** An order we shipped and Korea Post delivered, now with a 반품접수 claim on all its items. */
async function deliveredThenClaimed(s: Shipments, claim = 'b1'): Promise<{ orderNo: string; outbound: string }> {
  const orderNo = ordinaryOrders(h!, 'p1')[0]!.orderNo;
  await issueOrders(h!, s, [orderNo]);
  await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h!.origin, operatorId: 'kim', mode: 'order', keys: [orderNo] }));
  await s.markPrinted([orderNo], false, 'kim');
  h!.ep.control.advanceHours(72);
  await s.syncAll('manual');
  const outbound = (await h!.db.shipments.get(orderNo))!;
  expect(outbound.state).toBe('delivered');
  h!.gd.control.setStatus(orderNo, claim);
  return { orderNo, outbound: outbound.regiNo };
}

describe('반품 회수 접수', () => {
  it('books one return pickup from the customer with the original number, and only one', async () => {
    h = await startHarness();
    const s = h.shipments();
    const { orderNo, outbound } = await deliveredThenClaimed(s);
    const order = h.gd.control.order(orderNo)!;
    const job = await pickup(s, [orderNo]);
    expect(job.targets.map((t) => t.status)).toEqual(['done']);
    const [row, ...more] = await pickupsOf(orderNo);
    expect(more).toEqual([]);
    const lowest = order.items.map((i) => i.sno).sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
    expect(row).toMatchObject({ key: `${orderNo}-R${lowest}`, state: 'reserved', pickup: { claim: 'b', origRegiNo: outbound } });
    const parcel = h.ep.control.parcel(row!.regiNo)!;
    expect(parcel).toMatchObject({
      orderNo: row!.key,
      reqType: '2',
      printYn: 'N',
      treatStusCd: '01',
      retOrigRegiNo: outbound,
      recNm: order.receiverName,
    });
    expect(parcel.goodsNm).toMatch(/^\[반품\] /);
    // the number goes nowhere in godomall: the items keep the outbound invoice and their claim status
    expect(h.gd.control.order(orderNo)!.items.every((i) => i.invoiceNo === outbound && i.status === 'b1')).toBe(true);
    // the outbound parcel stays as it was; the order's rows show both
    expect((await h.db.shipments.get(orderNo))!.state).toBe('delivered');
    expect((await s.rowShipments(h.origin, [orderNo])).map((r) => [r.key, r.state, r.pickup ?? '']).sort()).toEqual(
      [
        [orderNo, 'delivered', ''],
        [row!.key, 'reserved', 'b'],
      ].sort(),
    );

    // the popup counts it on its own, not as a parcel 예약 후; the same when the counts are rebuilt from the index
    const expected = { reserved: 0, delivered: 1, pickups: 1 };
    expect((await s.dashboardCounts()).counts).toMatchObject(expected);
    await h.db.stateCounts.clear();
    expect((await s.dashboardCounts()).counts).toMatchObject(expected);

    // no label: the courier brings the waybill (printYn=N); printing it is refused and moves nothing
    expect(await s.reconcileForLabels([row!.key], 'lee')).toEqual([
      { key: row!.key, reason: '반품 회수는 택배 기사가 운송장을 가져가므로 출력하지 않습니다.' },
    ]);
    expect(await s.markPrinted([row!.key], false, 'lee')).toEqual({ moved: 0 });
    const unprinted = (await h.db.shipments.get(row!.key))!;
    expect([unprinted.state, unprinted.printedAt]).toEqual(['reserved', undefined]);

    // asked again (a second click, another selection of the same claim): no second registration
    const again = await pickup(s, [orderNo], 'b', [order.items[0]!.sno]);
    expect(again.targets[0]).toMatchObject({ status: 'skipped' });
    expect(h.ep.control.registrations(row!.key)).toHaveLength(1);
  });

  it('a lost InsertOrder answer is settled by GetResInfo(reqType 2): one registration, the number kept', async () => {
    h = await startHarness();
    const orderNo = ordinaryOrders(h, 'p1')[1]!.orderNo;
    h.gd.control.setStatus(orderNo, 'b1');
    h.ep.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    const s = h.shipments();
    const job = await pickup(s, [orderNo]);
    expect(job.targets[0]).toMatchObject({ status: 'done' });
    const [row] = await pickupsOf(orderNo);
    expect(h.ep.control.registrations(row!.key)).toHaveLength(1);
    expect(h.ep.control.registrations(row!.key)[0]!.regiNo).toBe(row!.regiNo);
    expect(row!.pickup?.origRegiNo).toBeUndefined(); // never shipped with us, no 우체국 number on the order
  });

  it('another PC booking the same claim finds the first booking at Korea Post and takes it over: one registration', async () => {
    h = await startHarness();
    const orderNo = ordinaryOrders(h, 'p1')[7]!.orderNo;
    h.gd.control.setStatus(orderNo, 'b1');
    const first = await pickup(h.shipments(), [orderNo]);
    expect(first.targets[0]!.status).toBe('done');
    const [mine] = await pickupsOf(orderNo);
    // a second PC: its own journal, the same shop and Korea Post account; godomall shows it nothing
    const otherDb = h.otherJournal();
    const second = await pickup(h.shipments({ db: otherDb }), [orderNo]);
    expect(second.targets[0]).toMatchObject({ status: 'done', message: `우체국에 이미 접수된 번호를 사용합니다 (${mine!.regiNo}).` });
    expect(h.ep.control.registrations(mine!.key)).toHaveLength(1);
    const theirs = (await otherDb.shipments.where('orderNo').equals(orderNo).toArray()).filter((r) => r.pickup);
    // its row is filed under the next free key and points at the registration it keeps (as for issuing)
    expect(theirs.map((r) => [r.key, r.state, r.regiNo, r.epostKey])).toEqual([[`${mine!.key}-r1`, 'reserved', mine!.regiNo, mine!.key]]);
  });

  it('a twin registration of the pickup (a re-sent request) is cancelled by the sync; godomall is not written', async () => {
    h = await startHarness();
    const s = h.shipments();
    const { orderNo, outbound } = await deliveredThenClaimed(s);
    await pickup(s, [orderNo]);
    const [row] = await pickupsOf(orderNo);
    // the same request registered a second time (what a browser re-sending a POST does)
    const twin = await h.epost.insertOrder({ ...planLike(row!), orderNo: row!.key });
    expect(twin.kind).toBe('ok');
    expect(h.ep.control.registrations(row!.key)).toHaveLength(2);
    const writesBefore = h.gd.requests.filter((r) => r.startsWith('POST') && r.includes('order_ps.php')).length;
    await s.syncAll('manual');
    // no write at all (godomall would even drop an invoice sent for a claim item, OrderAdmin.php:5235–5245)
    expect(h.gd.requests.filter((r) => r.startsWith('POST') && r.includes('order_ps.php')).length).toBe(writesBefore);
    const live = h.ep.control.registrations(row!.key).filter((r) => h!.ep.control.parcel(r.regiNo)!.treatStusCd !== '05');
    expect(live.map((r) => r.regiNo)).toEqual([row!.regiNo]); // the earliest kept, the twin cancelled
    expect((await h.db.shipments.get(row!.key))!.regiNo).toBe(row!.regiNo);
    expect(h.gd.control.order(orderNo)!.items.every((i) => i.invoiceNo === outbound && i.status === 'b1')).toBe(true);
  });

  it('a customer phone Korea Post would refuse: nothing is sent, and the claim row says 연락처오류', async () => {
    h = await startHarness();
    const bad = h.gd.control.orders().find((o) => o.receiverCellPhone === '010-12ab-5678')!;
    h.gd.control.setStatus(bad.orderNo, 'b1');
    const s = h.shipments();
    const job = await pickup(s, [bad.orderNo]);
    expect(job.targets[0]).toMatchObject({ status: 'failed' });
    expect(job.targets[0]!.message).toMatch(/^연락처오류/);
    expect(h.ep.control.registrationCount()).toBe(0);
    const rows = await s.rowShipments(h.origin, [bad.orderNo]);
    expect(rows.map((r) => [r.state, r.pickup, r.contactError])).toEqual([['failed', 'b', true]]);
  });

  it('picks up only claim items waiting for it (반품접수): a claim on hold is left alone', async () => {
    h = await startHarness();
    const [held, none] = ordinaryOrders(h, 'p1')
      .slice(2, 4)
      .map((o) => o.orderNo);
    h.gd.control.setStatus(held!, 'b3');
    const s = h.shipments();
    const job = await pickup(s, [held!, none!]);
    expect(job.targets.map((t) => t.status)).toEqual(['skipped', 'skipped']);
    expect(job.targets[0]!.message).toContain('반품접수 상태');
    expect(h.ep.control.registrationCount()).toBe(0);
  });

  it('the sync tracks the pickup; the claim moves to 반송중 and 반품회수완료 only when the shop turned it on', async () => {
    h = await startHarness();
    const s = h.shipments();
    const { orderNo } = await deliveredThenClaimed(s);
    await pickup(s, [orderNo]);
    const [row] = await pickupsOf(orderNo);

    // off (the default): tracked and shown, godomall untouched
    h.ep.control.parcelAction(row!.regiNo, { action: 'pickUp' });
    await s.syncAll('manual');
    expect((await h.db.shipments.get(row!.key))!.state).toBe('shipping');
    expect(statusOf(orderNo)).toEqual(['b1']);

    // on: collected → b2; at the 공급지 → b4, which godomall turns into the refund's r1 at once
    h.settings = { ...h.settings, returnClaimStatus: true };
    const other = (await deliveredThenClaimed(s)).orderNo;
    await pickup(s, [other]);
    const [second] = await pickupsOf(other);
    h.ep.control.parcelAction(second!.regiNo, { action: 'pickUp' });
    await s.syncAll('manual');
    expect(statusOf(other)).toEqual(['b2']);
    // the first pickup reached the 공급지 in those 72 hours: with the setting on, its claim completes too
    expect((await h.db.shipments.get(row!.key))!.state).toBe('delivered');
    expect(statusOf(orderNo)).toEqual(['r1']);
    h.ep.control.parcelAction(second!.regiNo, { action: 'deliver' });
    await s.syncAll('manual');
    expect((await h.db.shipments.get(second!.key))!.state).toBe('delivered');
    expect(statusOf(other)).toEqual(['r1']);
    // both back at the 공급지: no pickup is on its way, and the 배송완료 count is the two outbound parcels
    expect((await s.dashboardCounts()).counts).toMatchObject({ pickups: 0, delivered: 2, shipping: 0 });
    expect((await h.db.audit.where('key').equals(second!.key).toArray()).map((a) => a.detail)).toEqual([
      'InsertOrder',
      '반품 집하 → b2',
      '반품 회수 완료 → b4',
    ]);
  });

  it("an exchange pickup moves its claim to 반송중 only (the exchange ends with the shop's re-shipment)", async () => {
    h = await startHarness({ settings: { returnClaimStatus: true } });
    const s = h.shipments();
    const { orderNo } = await deliveredThenClaimed(s, 'e1');
    const job = await pickup(s, [orderNo], 'e');
    expect(job.targets[0]!.status).toBe('done');
    const [row] = await pickupsOf(orderNo);
    expect(h.ep.control.parcel(row!.regiNo)!.goodsNm).toMatch(/^\[교환\] /);
    h.ep.control.parcelAction(row!.regiNo, { action: 'deliver' });
    await s.syncAll('manual');
    expect((await h.db.shipments.get(row!.key))!.state).toBe('delivered');
    expect(statusOf(orderNo)).toEqual(['e2']);
  });

  it("cancels a pickup only before its waybill is printed (Korea Post's rule for returns)", async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1')
      .slice(4, 6)
      .map((o) => o.orderNo);
    h.gd.control.setStatus(a!, 'b1');
    h.gd.control.setStatus(b!, 'b1');
    const s = h.shipments();
    await pickup(s, [a!, b!]);
    const [pa] = await pickupsOf(a!);
    const [pb] = await pickupsOf(b!);
    h.ep.control.parcelAction(pb!.regiNo, { action: 'printWaybill' });
    const job = await waitJob(
      s,
      await s.startJob({ kind: 'cancel', adminOrigin: h.origin, operatorId: 'lee', mode: 'order', keys: [pa!.key, pb!.key] }),
    );
    expect(job.targets.map((t) => t.status)).toEqual(['done', 'failed']);
    expect(job.targets[1]!.message).toContain('운송장 출력 전');
    expect(job.targets[1]!.message).toContain('우체국 처리상태 02 운송장출력');
    expect((await h.db.shipments.get(pa!.key))!.state).toBe('void');
    // delYn=Y: Korea Post answered D and deleted the request
    expect(h.ep.control.parcel(pa!.regiNo)).toMatchObject({ treatStusCd: '05', deleted: true });
    expect((await h.db.shipments.get(pb!.key))!.state).toBe('reserved');
    // the claim is untouched by the cancel, and the claim can be booked again (a new key, a new number)
    expect(statusOf(a!)).toEqual(['b1']);
    const again = await pickup(s, [a!]);
    expect(again.targets[0]!.status).toBe('done');
    const live = (await pickupsOf(a!)).filter((r) => r.state === 'reserved');
    expect(live.map((r) => r.key)).toEqual([`${pa!.key}-r1`]);
  });

  it('a cancel whose answer is lost is settled by GetResInfo: a request Korea Post deleted was cancelled, one still at 01 was not', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1')
      .slice(7, 9)
      .map((o) => o.orderNo);
    h.gd.control.setStatus(a!, 'b1');
    h.gd.control.setStatus(b!, 'b1');
    await pickup(h.shipments(), [a!, b!]);
    const [pa] = await pickupsOf(a!);
    const [pb] = await pickupsOf(b!);
    // A's cancel reaches Korea Post (cancelled and deleted), then the answer is lost; B's never arrives
    const real = h.epost;
    const lossy = new Proxy(real, {
      get(t, p, r) {
        const v = Reflect.get(t, p, r) as (...a: unknown[]) => Promise<unknown>;
        if (p !== 'cancel') return v;
        return async (input: CancelInput) => {
          if (input.regiNo === pa!.regiNo) await real.cancel(input);
          throw new EpostTransportError('우체국 서버와의 연결이 끊어졌습니다', undefined, true);
        };
      },
    }) as EpostApi;
    const s = h.shipments({ epost: lossy });
    const job = await waitJob(
      s,
      await s.startJob({ kind: 'cancel', adminOrigin: h.origin, operatorId: 'lee', mode: 'order', keys: [pa!.key, pb!.key] }),
    );
    expect(job.targets.map((t) => t.status)).toEqual(['done', 'failed']);
    expect((await h.db.shipments.get(pa!.key))!.state).toBe('void');
    expect(h.ep.control.parcel(pa!.regiNo)!.deleted).toBe(true);
    expect(job.targets[1]!.message).toContain('우체국에서 취소하지 않았습니다');
    expect((await h.db.shipments.get(pb!.key))!.state).toBe('reserved');
    expect(h.ep.control.parcel(pb!.regiNo)!.treatStusCd).toBe('01');
  });

  it('a pickup left pending (answer lost, GetResInfo down) is settled at the next start by a pickup job, never an issue', async () => {
    h = await startHarness();
    const orderNo = ordinaryOrders(h, 'p1')[6]!.orderNo;
    h.gd.control.setStatus(orderNo, 'b1');
    const ep = h.ep;
    ep.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    // from the InsertOrder on, GetResInfo answers 5xx: the job cannot learn whether the pickup was booked
    const epost = resInfoDownFromInsert(h);
    const job = await pickup(h.shipments({ epost }), [orderNo]);
    expect(job.targets[0]!.status).toBe('failed');
    const [pending] = await pickupsOf(orderNo);
    expect(pending!.state).toBe('pending');

    ep.control.clearFaults();
    const resumed = await h.shipments().resumeJobs(); // the next service-worker start
    expect(resumed.map((j) => [j.kind, j.claim])).toContainEqual(['pickup', 'b']);
    const rows = await h.db.shipments.where('orderNo').equals(orderNo).toArray();
    expect(rows.map((r) => [r.key, r.state])).toEqual([[pending!.key, 'reserved']]);
    expect(ep.control.registrations(pending!.key)).toHaveLength(1);
    expect(ep.control.registrations(orderNo)).toHaveLength(0); // no outbound parcel was ever sent for it
  });
});

/** A 반품소포 request like the one the pickup sent (for a twin registration). */
function planLike(row: Shipment): Omit<InsertOrderInput, 'orderNo'> {
  const st = h!.settings;
  return {
    custNo: st.custNo,
    apprNo: st.apprNo,
    payType: '1',
    reqType: '2',
    officeSer: st.sender.officeSer,
    ordCompNm: st.companyName,
    recNm: row.receiver.name,
    recZip: row.receiver.zip,
    recAddr1: row.receiver.addr1,
    recAddr2: row.receiver.addr2,
    recMob: row.receiver.mobile || '01012345678',
    contCd: '029',
    goodsNm: '반품',
    printYn: 'N',
  };
}
