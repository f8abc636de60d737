// 교환 재배송 end to end on both simulators: an exchange's replacement items (교환추가, z) get their own
// Korea Post parcel under `<orderNo>-X<lowest sno>`, written into those items' invoice and moved along
// godomall's z steps (z2 → z3 추가배송중 at 출력 → z4 추가배송완료 at 배달완료), exactly once, while the
// order's outbound parcel and the exchange's pickup stay as they were.
import { afterEach, describe, expect, it } from 'vitest';
import { issueOrders, ordinaryOrders, startHarness, waitJob, type Harness } from './harness';
import type { Shipments } from '../../../lib/shipments';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function reship(s: Shipments, orderNo: string, itemSnos: string[], mode: 'order' | 'item' = 'order') {
  return s
    .startJob({ kind: 'issue', reship: true, adminOrigin: h!.origin, operatorId: 'lee', mode, targets: [{ orderNo, itemSnos }] })
    .then((id) => waitJob(s, id));
}

const item = (orderNo: string, sno: string) => h!.gd.control.order(orderNo)!.items.find((i) => i.sno === sno)!;

/** An order we shipped and Korea Post delivered, then exchanged (first item), its pickup booked. */
async function deliveredThenExchanged(s: Shipments, replacement: 'z1' | 'z2' | 'p1' = 'z2') {
  const orderNo = ordinaryOrders(h!, 'p1')[0]!.orderNo;
  await issueOrders(h!, s, [orderNo]);
  await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h!.origin, operatorId: 'kim', mode: 'order', keys: [orderNo] }));
  await s.markPrinted([orderNo], false, 'kim');
  h!.ep.control.advanceHours(72);
  await s.syncAll('manual');
  const outbound = (await h!.db.shipments.get(orderNo))!;
  expect(outbound.state).toBe('delivered');
  const exchanged = h!.gd.control.order(orderNo)!.items[0]!.sno;
  const [added] = h!.gd.control.exchange(orderNo, [exchanged], replacement);
  const pickupJob = await waitJob(
    s,
    await s.startJob({
      kind: 'pickup',
      claim: 'e',
      adminOrigin: h!.origin,
      operatorId: 'lee',
      mode: 'order',
      targets: [{ orderNo, itemSnos: [exchanged] }],
    }),
  );
  expect(pickupJob.targets[0]!.status).toBe('done');
  return { orderNo, outbound: outbound.regiNo, exchanged, added: added! };
}

describe('교환 재배송', () => {
  it('issues, reserves, prints and tracks the replacement to 추가배송완료 once, apart from the outbound parcel and the pickup', async () => {
    h = await startHarness();
    const s = h.shipments();
    const { orderNo, outbound, exchanged, added } = await deliveredThenExchanged(s);
    const pickupKey = `${orderNo}-R${exchanged}`;
    const pickupNo = (await h.db.shipments.get(pickupKey))!.regiNo;

    const job = await reship(s, orderNo, [added]);
    expect(job.targets.map((t) => [t.key, t.status])).toEqual([[`${orderNo}-X${added}`, 'done']]);
    const key = `${orderNo}-X${added}`;
    const row = (await h.db.shipments.get(key))!;
    expect(row).toMatchObject({ state: 'issued', reship: true, itemSnos: [added], orderNo });
    expect(row.pickup).toBeUndefined();
    // a parcel to the customer (일반소포), to the order's receiver
    const order = h.gd.control.order(orderNo)!;
    expect(h.ep.control.parcel(row.regiNo)).toMatchObject({ orderNo: key, reqType: '1', recNm: order.receiverName });
    // written into the replacement item's own invoice; its status stays 추가결제완료
    expect(item(orderNo, added)).toMatchObject({ invoiceNo: row.regiNo, status: 'z2' });
    expect(h.gd.control.store.courierName(item(orderNo, added).invoiceCompanySno)).toBe('우체국택배');
    // the other items keep the outbound number
    expect(order.items.filter((i) => i.sno !== added).every((i) => i.invoiceNo === outbound)).toBe(true);

    await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'lee', mode: 'order', keys: [key] }));
    expect((await h.db.shipments.get(key))!.state).toBe('reserved');
    expect(item(orderNo, added).status).toBe('z2'); // a z item keeps its status at 예약 (no g1 for 교환추가)

    expect(await s.reconcileForLabels([key], 'lee')).toEqual([]);
    expect(await s.markPrinted([key], false, 'lee')).toEqual({ moved: 1 });
    expect((await h.db.shipments.get(key))!.state).toBe('shipping');
    expect(item(orderNo, added).status).toBe('z3'); // 추가배송중

    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect((await h.db.shipments.get(key))!.state).toBe('delivered');
    expect(item(orderNo, added).status).toBe('z4'); // 추가배송완료

    // asked again: no second registration
    const again = await reship(s, orderNo, [added]);
    expect(again.targets[0]!.status).toBe('skipped');
    expect(h.ep.control.registrations(key)).toHaveLength(1);

    // the outbound parcel and the pickup: one registration each, their numbers and godomall as they were
    expect(h.ep.control.registrations(orderNo)).toHaveLength(1);
    expect(h.ep.control.registrations(pickupKey)).toHaveLength(1);
    expect((await h.db.shipments.get(orderNo))!).toMatchObject({ state: 'delivered', regiNo: outbound });
    expect((await h.db.shipments.get(pickupKey))!.regiNo).toBe(pickupNo);
    const after = h.gd.control.order(orderNo)!;
    expect(after.items.find((i) => i.sno === exchanged)).toMatchObject({ status: 'e1', invoiceNo: outbound });
    // the order page's parcels: the outbound one, the pickup and the replacement, each its own
    const parcels = (await s.orderParcels(h.origin, orderNo)).parcels.map((p) => [p.key, p.state]).sort();
    expect(parcels).toEqual(
      [
        [orderNo, 'delivered'],
        [pickupKey, expect.any(String)],
        [key, 'delivered'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it("the newer 동일상품교환's p1 replacement, on an order that has its parcel: 주문별 is skipped, 상품별 issues it under its own key", async () => {
    h = await startHarness();
    const s = h.shipments();
    const { orderNo, added } = await deliveredThenExchanged(s, 'p1');
    const byOrder = await issueOrders(h, s, [orderNo]);
    expect(byOrder.targets[0]).toMatchObject({ status: 'skipped', message: expect.stringContaining('이미 발급된 송장번호') });
    const byItem = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'lee',
        mode: 'item',
        targets: [{ orderNo, itemSnos: [added] }],
      }),
    );
    expect(byItem.targets[0]!.status).toBe('done');
    const [reg] = h.ep.control.registrations(`${orderNo}-${added}`);
    expect(h.ep.control.registrations(`${orderNo}-${added}`)).toHaveLength(1);
    expect(item(orderNo, added).invoiceNo).toBe(reg!.regiNo);
    expect(h.ep.control.registrations(orderNo)).toHaveLength(1); // the outbound parcel, untouched
  });

  it('refuses items that are not an exchange replacement and 예약 of one awaiting payment (z1); a cancel clears only its invoice', async () => {
    h = await startHarness();
    const s = h.shipments();
    const { orderNo, exchanged, added } = await deliveredThenExchanged(s, 'z1');
    const wrong = await reship(s, orderNo, [exchanged]);
    expect(wrong.targets[0]).toMatchObject({
      status: 'failed',
      message: `교환추가 상품이 아닙니다 (상품주문번호 ${exchanged}). 교환추가 목록에서 선택해 주세요.`,
    });
    expect(h.ep.control.registrations(`${orderNo}-X${exchanged}`)).toHaveLength(0);

    const job = await reship(s, orderNo, [added], 'item');
    expect(job.targets[0]!.status).toBe('done');
    const key = `${orderNo}-X${added}`;
    const reserve = await waitJob(
      s,
      await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'lee', mode: 'order', keys: [key] }),
    );
    expect(reserve.targets[0]).toMatchObject({ status: 'failed', message: '추가입금대기 교환추가 상품은 예약할 수 없습니다.' });
    expect((await h.db.shipments.get(key))!.state).toBe('issued');
    expect(item(orderNo, added).status).toBe('z1');

    // 발급 취소: the number leaves the replacement's invoice, its status stays; a re-issue takes `-r1`
    const cancel = await waitJob(
      s,
      await s.startJob({ kind: 'cancel', adminOrigin: h.origin, operatorId: 'lee', mode: 'order', keys: [key] }),
    );
    expect(cancel.targets[0]!.status).toBe('done');
    expect(item(orderNo, added)).toMatchObject({ invoiceNo: '', status: 'z1' });
    const again = await reship(s, orderNo, [added], 'item');
    expect(again.targets[0]!.status).toBe('done');
    const reissued = (await h.db.shipments.get(`${key}-r1`))!;
    expect(reissued).toMatchObject({ state: 'issued', reship: true });
    expect(item(orderNo, added).invoiceNo).toBe(reissued.regiNo);
  });
});
