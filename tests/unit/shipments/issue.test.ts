// 송장번호 발급 end to end: real clients against both simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { issueOrders, ordinaryOrders, startHarness, waitJob, type Harness } from './harness';
import { shipmentsToCsv } from '../../../lib/export/csv';
import { toLabelView } from '../../../lib/labels/model';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('issue', () => {
  it('주문별: one number per order, written into godomall as 우체국택배, status unchanged', async () => {
    h = await startHarness();
    const orders = ordinaryOrders(h, 'p1').slice(0, 3);
    expect(orders.length).toBe(3);
    const s = h.shipments();
    const id = await s.startJob({
      kind: 'issue',
      adminOrigin: h.origin,
      operatorId: 'kim',
      mode: 'order',
      targets: orders.map((o) => ({ orderNo: o.orderNo, itemSnos: [] })),
    });
    const job = await waitJob(s, id);
    expect(job.targets.map((t) => t.status)).toEqual(['done', 'done', 'done']);
    for (const o of orders) {
      const row = (await s.rowShipments(h.origin, [o.orderNo]))[0]!;
      expect(row.state).toBe('issued');
      expect(row.regiNo).toMatch(/^\d{13}$/);
      expect(h.ep.control.registrations(o.orderNo)).toHaveLength(1);
      const after = h.gd.control.order(o.orderNo)!;
      for (const item of after.items) {
        expect(item.invoiceNo).toBe(row.regiNo);
        expect(item.invoiceCompanySno).toBe('12');
        expect(item.status).toBe('p1'); // issuing never changes the order status
      }
      const audit = await h.db.audit.where('key').equals(o.orderNo).toArray();
      expect(audit.map((a) => [a.action, a.operatorId, a.regiNo])).toEqual([['issue', 'kim', row.regiNo]]);
    }
  });

  it('상품별: one number per item with keys <orderNo>-<sno>', async () => {
    h = await startHarness();
    const order = h.gd.control
      .orders()
      .find(
        (o) =>
          o.items.length >= 2 && o.items.every((i) => i.status === 'p1' && !i.invoiceNo) && /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone),
      )!;
    expect(order).toBeDefined();
    const s = h.shipments();
    const id = await s.startJob({
      kind: 'issue',
      adminOrigin: h.origin,
      operatorId: 'lee',
      mode: 'item',
      targets: [{ orderNo: order.orderNo, itemSnos: order.items.map((i) => i.sno) }],
    });
    const job = await waitJob(s, id);
    expect(job.targets.every((t) => t.status === 'done')).toBe(true);
    const rows = await s.rowShipments(h.origin, [order.orderNo]);
    expect(rows.map((r) => r.key).sort()).toEqual(order.items.map((i) => `${order.orderNo}-${i.sno}`).sort());
    expect(new Set(rows.map((r) => r.regiNo)).size).toBe(order.items.length);
    const after = h.gd.control.order(order.orderNo)!;
    for (const item of after.items) {
      expect(h.ep.control.registrations(`${order.orderNo}-${item.sno}`)).toHaveLength(1);
      expect(item.invoiceNo).toBe(rows.find((r) => r.itemSnos[0] === item.sno)!.regiNo);
    }
  });

  it('연락처오류 gets no number; after the phone is fixed the order is issued', async () => {
    h = await startHarness();
    const bad = h.gd.control.orders().find((o) => o.receiverCellPhone === '010-12ab-5678')!;
    const s = h.shipments();
    const run = async () =>
      waitJob(
        s,
        await s.startJob({
          kind: 'issue',
          adminOrigin: h!.origin,
          operatorId: 'kim',
          mode: 'order',
          targets: [{ orderNo: bad.orderNo, itemSnos: [] }],
        }),
      );
    const first = await run();
    expect(first.targets[0]!.status).toBe('failed');
    expect(first.targets[0]!.message).toContain('연락처오류');
    const row = (await s.rowShipments(h.origin, [bad.orderNo]))[0]!;
    expect(row).toMatchObject({ state: 'failed', contactError: true, regiNo: '' });
    expect(h.ep.control.registrations(bad.orderNo)).toHaveLength(0);

    h.gd.control.setReceiver(bad.orderNo, { receiverCellPhone: '010-1234-5678' });
    const second = await run();
    expect(second.targets[0]!.status).toBe('done');
    const fixed = (await s.rowShipments(h.origin, [bad.orderNo]))[0]!;
    expect(fixed.state).toBe('issued');
    expect(h.ep.control.registrations(bad.orderNo)).toHaveLength(1);
  });

  it('refuses bad input per order with a Korean reason: missing 우편번호, special characters, too long', async () => {
    h = await startHarness();
    const all = h.gd.control.orders();
    const noZip = all.find((o) => o.receiverZonecode === '' && o.receiverZipcode === '')!;
    const special = all.find((o) => o.receiverCellPhone === '(010)#1234*5678')!;
    const tooLong = all.find((o) => o.receiverCellPhone === '010-1234-56789')!;
    const s = h.shipments();
    const job = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'order',
        targets: [noZip, special, tooLong].map((o) => ({ orderNo: o.orderNo, itemSnos: [] })),
      }),
    );
    expect(job.targets.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    expect(job.targets[0]!.message).toContain('우편번호');
    expect(job.targets[1]!.message).toContain('연락처오류');
    expect(job.targets[2]!.message).toContain('연락처오류');
    expect(h.ep.control.registrationCount()).toBe(0);
  });

  it('adopts a 우체국택배 number already in the godomall order instead of issuing a second one', async () => {
    h = await startHarness();
    const typed = h.gd.control.orders().find((o) => o.items[0]!.invoiceNo === '6012345678901')!;
    const s = h.shipments();
    const job = await issueOrders(h, s, [typed.orderNo]);
    expect(job.targets[0]!.status).toBe('skipped');
    expect(h.ep.control.registrations(typed.orderNo)).toHaveLength(0);
    const row = (await s.rowShipments(h.origin, [typed.orderNo]))[0]!;
    expect(row).toMatchObject({ state: 'issued', regiNo: '6012345678901' });
  });

  it('test mode: TESTREGINOAPI is never written into godomall', async () => {
    h = await startHarness({ settings: { testMode: true } });
    const order = ordinaryOrders(h, 'p1')[0]!;
    const s = h.shipments();
    const job = await issueOrders(h, s, [order.orderNo]);
    expect(job.targets[0]!.status).toBe('done');
    const row = (await s.rowShipments(h.origin, [order.orderNo]))[0]!;
    expect(row).toMatchObject({ state: 'issued', test: true, regiNo: 'TESTREGINOAPI' });
    expect(h.gd.control.order(order.orderNo)!.items.every((i) => i.invoiceNo === '')).toBe(true);
    // reserving a test shipment checks Korea Post but leaves the godomall order alone
    const reserve = await waitJob(
      s,
      await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [order.orderNo] }),
    );
    expect(reserve.targets[0]!.status).toBe('done');
    expect(h.gd.control.order(order.orderNo)!.items.every((i) => i.status === 'p1' && i.invoiceNo === '')).toBe(true);
  });
});

describe('issue across modes', () => {
  it('주문별 after 상품별 (number not yet in godomall) never adds a second number for the same goods', async () => {
    h = await startHarness();
    const order = h.gd.control
      .orders()
      .find(
        (o) =>
          o.items.length >= 2 && o.items.every((i) => i.status === 'p1' && !i.invoiceNo) && /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone),
      )!;
    const s = h.shipments();
    const first = order.items[0]!.sno;
    const a = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'item',
        targets: [{ orderNo: order.orderNo, itemSnos: [first] }],
      }),
    );
    expect(a.targets[0]!.status).toBe('done');
    h.gd.control.setInvoice(order.orderNo, '0', '', [first]); // as if the write had not landed
    const b = await issueOrders(h, s, [order.orderNo]);
    expect(b.targets[0]!.status).toBe('skipped');
    expect(h.ep.control.registrations(order.orderNo)).toHaveLength(0);
    expect(h.ep.control.registrations(`${order.orderNo}-${first}`)).toHaveLength(1);
  });
});

describe('hostile order data', () => {
  it('control characters never reach Korea Post; bad quantities and pending customer claims stop the order with a reason', async () => {
    const base = (await import('../../sandbox/godomall/sample-orders')).sampleOrders();
    const pick = (n: number) =>
      structuredClone(
        base.filter(
          (o) =>
            o.items.length === 1 &&
            o.items[0]!.status === 'p1' &&
            /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
            o.receiverZonecode &&
            !o.claimInProgress,
        )[n]!,
      );
    const controls = pick(0);
    controls.receiverName = '홍\u0000길\u001b동\u2028';
    controls.receiverAddress = '서울특별시\u0007 강남구\u0085 테헤란로 1\r\n';
    const negative = pick(1);
    negative.items[0]!.goodsCnt = -3;
    const huge = pick(2);
    huge.items[0]!.goodsCnt = 1_000_000;
    const claimed = pick(3);
    claimed.claimInProgress = true;
    h = await startHarness({ orders: [controls, negative, huge, claimed] });
    const s = h.shipments();
    const job = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'order',
        targets: [controls, negative, huge, claimed].map((o) => ({ orderNo: o.orderNo, itemSnos: [] })),
      }),
    );
    expect(job.targets.map((t) => t.status)).toEqual(['done', 'failed', 'failed', 'failed']);
    const sent = h.ep.control.parcel((await s.rowShipments(h.origin, [controls.orderNo]))[0]!.regiNo)!;
    expect(sent.recNm).toBe('홍 길 동');
    expect(sent.recAddr1).toBe('서울특별시 강남구 테헤란로 1');
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there
    expect(sent.recNm + sent.recAddr1).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028]/);
    expect(job.targets[1]!.message).toContain('수량'); // 「-3」 is no quantity the reader accepts: unreadable
    expect(job.targets[2]!.message).toContain('수량(1000000)');
    expect(job.targets[3]!.message).toContain('반품신청');
    for (const o of [negative, huge, claimed]) expect(h.ep.control.registrations(o.orderNo)).toHaveLength(0);
  });

  it('an order number that is not one is refused before a job starts', async () => {
    h = await startHarness();
    const s = h.shipments();
    const { startJob } = await import('../../../lib/background/handlers/overlay');
    const ctx = { shipments: s, db: h.db } as unknown as Parameters<typeof startJob>[0];
    const long = '1'.repeat(60);
    await expect(
      startJob(
        ctx,
        { kind: 'issue', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', targets: [{ orderNo: long, itemSnos: [] }] },
        () => undefined,
      ),
    ).rejects.toThrow('주문번호 형식');
    await expect(
      startJob(
        ctx,
        {
          kind: 'issue',
          adminOrigin: h.origin,
          operatorId: 'kim',
          mode: 'item',
          targets: [{ orderNo: '2411051230001234', itemSnos: ['1 OR 1'] }],
        },
        () => undefined,
      ),
    ).rejects.toThrow('주문번호 형식');
    expect(await h.db.jobs.count()).toBe(0);
    expect(h.ep.control.registrationCount()).toBe(0);
  });
});

describe('parcel size and the 도서산간 fee', () => {
  it('an issue job with a box preset sends its weight, size and 내용품 code; the island fee is kept and shown', async () => {
    h = await startHarness({ rows: 80 });
    const orders = ordinaryOrders(h, 'p1');
    const jeju = orders.find((o) => o.receiverZonecode.startsWith('63'));
    const mainland = orders.find((o) => !o.receiverZonecode.startsWith('63') && o !== jeju);
    expect(jeju && mainland).toBeTruthy();
    h.settings.boxes = [{ name: '아이스', weight: 7, volume: 110, contCd: '022', packngMtrCd: '05' }];
    const s = h.shipments();
    const job = await issueOrders(h, s, [jeju!.orderNo, mainland!.orderNo], { box: '아이스' });
    expect(job.targets.map((t) => t.status)).toEqual(['done', 'done']);
    expect(job.box).toMatchObject({ name: '아이스', weight: 7 });
    const rows = await s.rowShipments(h.origin, [jeju!.orderNo, mainland!.orderNo]);
    for (const r of rows) expect(h.ep.control.parcel(r.regiNo)).toMatchObject({ weight: '7', volume: '110', contCd: '022' });
    const jejuRow = rows.find((r) => r.orderNo === jeju!.orderNo)!;
    const mainRow = rows.find((r) => r.orderNo === mainland!.orderNo)!;
    expect(jejuRow.islandAddFee).toBe(Number(h.ep.control.parcel(jejuRow.regiNo)!.islandAddFee));
    expect(jejuRow.islandAddFee).toBeGreaterThan(0);
    expect(mainRow.islandAddFee).toBeUndefined();
    expect(jejuRow.box).toBe('아이스');
    // the CSV carries both
    const csv = shipmentsToCsv(await h.db.shipments.bulkGet([jejuRow.key]).then((r) => r.filter((x) => x !== undefined)));
    expect(csv).toContain('도서산간 추가요금');
    expect(csv).toContain(`,${jejuRow.islandAddFee},아이스,`);
  });

  it("a box chosen per order in the job's preview goes with that order; the others take the job's box", async () => {
    h = await startHarness();
    const [a, b, c] = ordinaryOrders(h, 'p1').map((o) => o.orderNo);
    h.settings.boxes = [
      { name: '소형', weight: 2, volume: 80, contCd: '029', packngMtrCd: '01' },
      { name: '대형', weight: 10, volume: 120, contCd: '028', packngMtrCd: '03' },
    ];
    const s = h.shipments();
    const job = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'order',
        box: '소형',
        targets: [
          { orderNo: a!, itemSnos: [], box: '대형' },
          { orderNo: b!, itemSnos: [] },
          { orderNo: c!, itemSnos: [], box: '소형' },
        ],
      }),
    );
    expect(job.targets.map((t) => [t.orderNo, t.status, t.box?.name])).toEqual([
      [a, 'done', '대형'],
      [b, 'done', undefined],
      [c, 'done', '소형'],
    ]);
    const sent = (o: string) => h!.ep.control.parcel(h!.ep.control.registrations(o)[0]!.regiNo)!;
    expect(sent(a!)).toMatchObject({ weight: '10', volume: '120', contCd: '028' });
    expect(sent(b!)).toMatchObject({ weight: '2', volume: '80', contCd: '029' });
    expect(sent(c!)).toMatchObject({ weight: '2', volume: '80' });
    expect((await h.db.shipments.get(a!))!.box?.name).toBe('대형');
    // a name the settings do not hold starts nothing
    await expect(
      s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'order',
        targets: [{ orderNo: a!, itemSnos: [], box: '특대' }],
      }),
    ).rejects.toThrow('박스 규격 「특대」이(가) 설정에 없습니다');
  });

  it('without a box the default weight and size go; an unknown box starts nothing', async () => {
    h = await startHarness();
    const [order] = ordinaryOrders(h, 'p1');
    const s = h.shipments();
    const base = { kind: 'issue' as const, adminOrigin: h.origin, operatorId: 'kim', mode: 'order' as const };
    await expect(s.startJob({ ...base, box: '없는박스', targets: [{ orderNo: order!.orderNo, itemSnos: [] }] })).rejects.toThrow(
      '박스 규격 「없는박스」이(가) 설정에 없습니다',
    );
    expect(h.ep.control.registrations(order!.orderNo)).toHaveLength(0);
    await waitJob(s, await s.startJob({ ...base, targets: [{ orderNo: order!.orderNo, itemSnos: [] }] }));
    const [row] = await s.rowShipments(h.origin, [order!.orderNo]);
    expect(h.ep.control.parcel(row!.regiNo)).toMatchObject({
      weight: String(h.settings.defaults.weight),
      volume: String(h.settings.defaults.volume),
    });
    expect(row!.box).toBeUndefined();
  });
});

describe('묶음배송 = one parcel', () => {
  const invoices = (orderNo: string) => [...new Set(h!.gd.control.order(orderNo)!.items.map((i) => i.invoiceNo))];
  const statuses = (orderNo: string) => [...new Set(h!.gd.control.order(orderNo)!.items.map((i) => i.status))];

  it('one InsertOrder for the packet, its number in every order, and reserve, print and the sync move them together', async () => {
    h = await startHarness({ rows: 60 });
    const [a, b, c] = ordinaryOrders(h, 'p1');
    h.gd.control.setPacket([a!.orderNo, b!.orderNo], 'PK0001');
    const [lead, member] = [a!.orderNo, b!.orderNo].sort() as [string, string];
    const s = h.shipments();
    // both orders of the packet selected, and a plain one
    const job = await issueOrders(h, s, [member, lead, c!.orderNo]);
    // the member's target issues the packet under its lead, or finds the lead's target doing it
    expect(job.targets.map((t) => t.status === 'failed')).toEqual([false, false, false]);
    expect(job.targets[0]!.message).toContain(`묶음배송: 주문 ${lead}와(과) 한 송장으로`);
    expect(h.ep.control.registrations(lead)).toHaveLength(1);
    expect(h.ep.control.registrations(member)).toHaveLength(0);
    expect(h.ep.control.registrations(c!.orderNo)).toHaveLength(1);
    const regiNo = h.ep.control.registrations(lead)[0]!.regiNo;
    expect(invoices(lead)).toEqual([regiNo]);
    expect(invoices(member)).toEqual([regiNo]);
    // the parcel carries both orders' goods
    const row = (await h.db.shipments.get(lead))!;
    expect(row.packetOrders).toEqual([member]);
    // the CSV lists every order of the parcel, the label says there are more
    expect(shipmentsToCsv([row])).toContain(`\r\n${lead} ${member},`);
    expect(toLabelView({ shipment: row, sender: h.settings.sender, companyName: '' }).orderNo).toBe(`${lead} 외 1건`);
    const goodsOf = (orderNo: string) => h!.gd.control.order(orderNo)!.items.length;
    expect(row.goods.filter((g) => !g.gift)).toHaveLength(goodsOf(lead) + goodsOf(member));
    // the overlay sees the one parcel on both orders' rows
    const rows = await s.rowShipments(h.origin, [lead, member]);
    expect(rows.map((r) => [r.orderNo, r.key, r.regiNo]).sort()).toEqual([
      [lead, lead, regiNo],
      [member, lead, regiNo],
    ]);

    await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'park', mode: 'order', keys: [lead] }));
    expect([statuses(lead), statuses(member)]).toEqual([['g1'], ['g1']]);
    await s.markPrinted([lead], false, 'park');
    expect([statuses(lead), statuses(member)]).toEqual([['d1'], ['d1']]);
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    expect([statuses(lead), statuses(member)]).toEqual([['d2'], ['d2']]);
    expect(h.ep.control.registrations(lead)).toHaveLength(1); // never a second registration
  });

  it('cancel clears the number in every order; re-issue from any order of the packet gives one new number to all', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1');
    h.gd.control.setPacket([a!.orderNo, b!.orderNo], 'PK0002');
    const [lead, member] = [a!.orderNo, b!.orderNo].sort() as [string, string];
    const s = h.shipments();
    await issueOrders(h, s, [lead]);
    const first = h.ep.control.registrations(lead)[0]!.regiNo;
    const cancelled = await waitJob(
      s,
      await s.startJob({ kind: 'cancel', adminOrigin: h.origin, operatorId: 'park', mode: 'order', keys: [lead] }),
    );
    expect(cancelled.targets[0]!.status).toBe('done');
    expect([invoices(lead), invoices(member)]).toEqual([[''], ['']]);
    const again = await issueOrders(h, s, [member]);
    expect([again.targets[0]!.status, again.targets[0]!.message]).toEqual(['done', expect.stringContaining('묶음배송')]);
    const fresh = h.ep.control.registrations(`${lead}-r1`)[0]!.regiNo;
    expect(fresh).not.toBe(first);
    expect([invoices(lead), invoices(member)]).toEqual([[fresh], [fresh]]);
  });

  it('상품별 refuses a packet with a reason naming it; a number on only some orders of a packet stops the whole packet', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1');
    h.gd.control.setPacket([a!.orderNo, b!.orderNo], 'PK0003');
    const s = h.shipments();
    const sno = a!.items[0]!.sno;
    const byItem = await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'item',
        targets: [{ orderNo: a!.orderNo, itemSnos: [sno] }],
      }),
    );
    expect(byItem.targets[0]!.status).toBe('failed');
    expect(byItem.targets[0]!.message).toContain(`묶음배송 주문입니다 (함께 묶인 주문: ${b!.orderNo})`);
    h.gd.control.setInvoice(b!.orderNo, '12', '6000000000001');
    const job = await issueOrders(h, s, [a!.orderNo]);
    expect(job.targets[0]!.status).toBe('failed');
    expect(job.targets[0]!.message).toContain(
      `묶음배송 주문 ${b!.orderNo}에만 송장번호(6000000000001)가 있어 묶음 전체를 발급하지 않았습니다`,
    );
    expect(h.ep.control.registrationCount()).toBe(0);
  });

  it('a packet another PC issued (its number on every order) is adopted as one parcel, never issued again', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1');
    h.gd.control.setPacket([a!.orderNo, b!.orderNo], 'PK0004');
    const [lead, member] = [a!.orderNo, b!.orderNo].sort() as [string, string];
    await issueOrders(h, h.shipments(), [lead]); // PC A
    const regiNo = h.ep.control.registrations(lead)[0]!.regiNo;
    const pcB = h.shipments({ db: h.otherJournal() });
    const job = await issueOrders(h, pcB, [member]);
    expect(job.targets[0]!.status).toBe('skipped');
    expect(job.targets[0]!.message).toContain(`이미 발급된 송장번호가 있습니다 (${regiNo})`);
    expect(h.ep.control.registrationCount()).toBe(1);
    const rows = await pcB.rowShipments(h.origin, [lead, member]);
    expect(rows.map((r) => [r.orderNo, r.regiNo, r.state]).sort()).toEqual([
      [lead, regiNo, 'issued'],
      [member, regiNo, 'issued'],
    ]);
  });
});

describe('orders to one receiver, combined when the operator says so', () => {
  it('finds the groups, and a combined group is one parcel with its number in both orders', async () => {
    h = await startHarness();
    const [a, b, c] = ordinaryOrders(h, 'p1');
    h.gd.control.sameReceiverAs(b!.orderNo, a!.orderNo);
    const s = h.shipments();
    const groups = await s.receiverGroups({ adminOrigin: h.origin }, [a!.orderNo, b!.orderNo, c!.orderNo]);
    const [lead, member] = [a!.orderNo, b!.orderNo].sort() as [string, string];
    expect(groups).toEqual([{ orderNos: [lead, member], receiver: `${a!.receiverName} · ${a!.receiverAddress}` }]);
    const job = await issueOrders(h, s, [a!.orderNo, b!.orderNo, c!.orderNo], { combine: [[member, lead]] });
    expect(job.targets.every((t) => t.status === 'done')).toBe(true);
    // the member is no target of its own: the group's lead carries it
    expect(job.targets.map((t) => t.orderNo).sort()).toEqual([lead, c!.orderNo].sort());
    expect(h.ep.control.registrations(lead)).toHaveLength(1);
    expect(h.ep.control.registrations(member)).toHaveLength(0);
    const regiNo = h.ep.control.registrations(lead)[0]!.regiNo;
    for (const o of [lead, member]) expect(h.gd.control.order(o)!.items.every((i) => i.invoiceNo === regiNo)).toBe(true);
    // numbered now: no longer offered
    expect(await s.receiverGroups({ adminOrigin: h.origin }, [lead, member])).toEqual([]);
  });

  it("the list's 수령자 names spare the reads of orders no other order shares a name with, and lose no group", async () => {
    h = await startHarness();
    const [a, b, c, d, e] = ordinaryOrders(h, 'p1');
    h.gd.control.sameReceiverAs(b!.orderNo, a!.orderNo);
    h.gd.control.sameReceiverAs(d!.orderNo, c!.orderNo);
    const reads: string[] = [];
    const s = h.shipments({
      admin: (origin) => {
        const admin = h!.adminFor(origin);
        return { ...admin, fetchOrder: (orderNo, tab) => (reads.push(orderNo), admin.fetchOrder(orderNo, tab)) };
      },
    });
    // the list named a, b, c and e (a and b alike), not d: d is read, and so is c, named like it
    const name = (o: typeof a) => h!.gd.control.order(o!.orderNo)!.receiverName;
    const listNames = { [a!.orderNo]: name(a), [b!.orderNo]: ` ${name(b)} `, [c!.orderNo]: name(c), [e!.orderNo]: `${name(e)}(다른 이름)` };
    const all = [a, b, c, d, e].map((o) => o!.orderNo);
    const groups = await s.receiverGroups({ adminOrigin: h.origin }, all, listNames);
    expect(groups.map((g) => g.orderNos)).toEqual(
      expect.arrayContaining([[a!.orderNo, b!.orderNo].sort(), [c!.orderNo, d!.orderNo].sort()]),
    );
    expect(groups).toHaveLength(2);
    expect(reads.sort()).toEqual([a, b, c, d].map((o) => o!.orderNo).sort()); // e's page was not needed
  });

  it('a receiver changed between the offer and the send is not combined', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1');
    const [lead, member] = [a!.orderNo, b!.orderNo].sort() as [string, string];
    const job = await issueOrders(h, h.shipments(), [lead, member], { combine: [[lead, member]] });
    expect(job.targets).toHaveLength(1);
    expect(job.targets[0]!.status).toBe('failed');
    expect(job.targets[0]!.message).toContain(`주문 ${member}의 수령자 정보가 ${lead}와(과) 달라져 한 송장으로 합치지 않았습니다`);
    expect(h.ep.control.registrationCount()).toBe(0);
  });
});
