// The overlay on godomall's 교환추가 list (order_list_exchange_add.php): rows read from the saved list
// are the replacement items (z), their badges are their 교환 재배송 parcels (never the order's outbound
// parcel nor the exchange's pickup), and its issue jobs carry `reship` with the chosen items; the
// order lists leave those parcels out.
import { describe, expect, it } from 'vitest';
import { readListRows } from '../../../lib/godomall/rows';
import { createOverlayModel, type OverlayBackend } from '../../../lib/overlay/model';
import type { RowShipment, StartJobRequest } from '../../../lib/messages';
import { linkedomParse, fixture } from '../godomall/parsers';
import { translator } from './i18n-helper';

function model(shipments: RowShipment[], started: StartJobRequest[], reship: boolean) {
  const backend: OverlayBackend = {
    rowShipments: async ({ orderNos }) => shipments.filter((s) => orderNos.includes(s.orderNo)),
    startJob: async (req) => (started.push(req), { jobId: 'j1' }),
    getJob: async () => undefined,
    openLabels: async () => undefined,
    reportTypedInvoices: async () => [],
    setIssueMode: async () => undefined,
  };
  return createOverlayModel({
    backend,
    adminOrigin: 'http://gdadmin.myshop.godomall.com',
    mode: 'order',
    ...(reship ? { reship: true as const } : {}),
    t: translator('ko'),
    operatorId: () => 'shopadmin',
    confirm: () => true,
    pollMs: 1,
  });
}

const shipment = (over: Partial<RowShipment> & Pick<RowShipment, 'key' | 'orderNo' | 'state'>): RowShipment => ({
  baseKey: over.key,
  itemSnos: [],
  regiNo: '6000000000001',
  test: false,
  printed: false,
  ...over,
});

describe('교환추가 list overlay (교환 재배송)', () => {
  const rows = readListRows(linkedomParse(fixture('list_exchange_add.html')));

  it('reads the 교환추가 list as replacement item rows (layout_order_goods_list.php, statusMode z)', () => {
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ statusGroup: 'z', status: 'z2' });
    expect(rows[0]!.sno).toMatch(/^\d+$/);
  });

  it('shows the replacement its own parcel, not the outbound one nor the pickup, and issues it with reship', async () => {
    const { orderNo, sno } = rows[0]!;
    const outbound = shipment({ key: orderNo, orderNo, state: 'delivered' });
    const pickup = shipment({ key: `${orderNo}-R1`, orderNo, state: 'reserved', pickup: 'e', regiNo: '6000000000099' });
    const started: StartJobRequest[] = [];
    const m = model([outbound, pickup], started, true);
    await m.loadRows(rows);
    expect(m.views.value.map((v) => [v.badge.kind, v.badge.number])).toEqual([['unissued', '']]);
    expect(m.issueAllCount.value).toBe(1);
    m.setSelection(rows.map((r) => r.key));
    await m.issueSelected();
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ kind: 'issue', reship: true, mode: 'order', targets: [{ orderNo, itemSnos: [sno] }] });
    expect(started[0]!.combine).toBeUndefined();

    // once issued, the row shows the replacement's number; the order lists never show it
    const replacement = shipment({
      key: `${orderNo}-X${sno}`,
      orderNo,
      itemSnos: [sno!],
      state: 'issued',
      reship: true,
      regiNo: '6000000000123',
    });
    const issued = model([outbound, pickup, replacement], [], true);
    await issued.loadRows(rows);
    expect(issued.views.value.map((v) => [v.badge.kind, v.badge.number])).toEqual([['issued', '6000000000123']]);
    const orderList = model([replacement], [], false);
    await orderList.loadRows([{ ...rows[0]!, sno: undefined, key: orderNo, statusGroup: 'd', status: 'd2' }]);
    expect(orderList.views.value[0]!.badge.number).toBe('');

    // 주문통합 lists every status: its z row shows the replacement's parcel, its other rows the order's,
    // and its 발급 leaves the z row to the 교환추가 list (the order's own items were shipped already)
    const all = model([outbound, replacement], [], false);
    const notYet = model([outbound], [], false);
    const allRows = [{ ...rows[0]!, key: `${orderNo}||1`, sno: '1', statusGroup: 'd', status: 'd2' }, rows[0]!];
    await all.loadRows(allRows);
    await notYet.loadRows(allRows);
    expect(all.views.value.map((v) => [v.badge.kind, v.badge.number])).toEqual([
      ['delivered', outbound.regiNo],
      ['issued', '6000000000123'],
    ]);
    expect(notYet.views.value.map((v) => v.badge.kind)).toEqual(['delivered', 'unissued']);
    expect(notYet.issueAllCount.value).toBe(0);
    notYet.chooseMode('item'); // 상품별 too: the z row is no item of the order's own parcel
    expect(notYet.issueAllCount.value).toBe(0);
  });
});
