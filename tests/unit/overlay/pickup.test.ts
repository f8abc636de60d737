// The overlay on godomall's claim lists (반품 / 교환): rows read from the saved 반품 list, badges about
// each claim's return pickup (never the outbound parcel), and the pickup jobs it asks for.
import { describe, expect, it } from 'vitest';
import { readListRows } from '../../../lib/godomall/rows';
import { createOverlayModel, type OverlayBackend } from '../../../lib/overlay/model';
import type { RowShipment, StartJobRequest } from '../../../lib/messages';
import { linkedomParse, fixture } from '../godomall/parsers';
import { translator } from './i18n-helper';

function claimModel(shipments: RowShipment[], started: StartJobRequest[]) {
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
    claim: 'b',
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

describe('claim list overlay (반품 회수)', () => {
  const rows = readListRows(linkedomParse(fixture('list_back.html')));

  it('reads the 반품 list as claim item rows (layout_order_goods_list.php)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.statusGroup === 'b' && /^\d+$/.test(r.sno ?? '') && /^\d{16}$/.test(r.orderNo))).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['b1', 'b3']));
  });

  it('shows each claim its pickup, never the outbound parcel, and books only claims waiting for one', async () => {
    const orders = [...new Set(rows.map((r) => r.orderNo))];
    const waiting = orders.filter((o) => rows.some((r) => r.orderNo === o && r.status === 'b1'));
    const [booked, free] = waiting as [string, string];
    const held = orders.find((o) => !waiting.includes(o))!;
    const started: StartJobRequest[] = [];
    const m = claimModel(
      [
        shipment({ key: free, orderNo: free, state: 'delivered' }), // the outbound parcel of the free claim
        shipment({ key: `${booked}-R1`, orderNo: booked, state: 'reserved', pickup: 'b', regiNo: '6000000000099' }),
      ],
      started,
    );
    await m.loadRows(rows);
    const byOrder = (o: string) =>
      m.views.value.filter((v) => v.row.orderNo === o).map((v) => [v.badge.kind, v.badge.number, v.badge.pickup]);
    expect(byOrder(free).every(([kind, no, pickup]) => kind === 'unissued' && no === '' && pickup)).toBe(true);
    expect(byOrder(booked).every(([kind, no]) => kind === 'reserved' && no === '6000000000099')).toBe(true);
    expect(byOrder(held).every(([kind]) => kind === 'unissued')).toBe(true);
    expect(m.pickupAllCount.value).toBe(1);

    m.setSelection(rows.map((r) => r.key));
    await m.pickupSelected();
    const freeSnos = rows.filter((r) => r.orderNo === free && r.status === 'b1').map((r) => r.sno);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ kind: 'pickup', claim: 'b', targets: [{ orderNo: free, itemSnos: freeSnos }] });
  });
});
