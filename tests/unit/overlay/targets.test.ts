import { describe, expect, it } from 'vitest';
import { badgeFor, canIssue, canReserve } from '../../../lib/overlay/badge';
import { issueTargets, matchShipments, shipmentKeys } from '../../../lib/overlay/targets';
import type { ListRow } from '../../../lib/godomall/types';
import type { RowShipment } from '../../../lib/messages';

const A = '2611281200000001';
const B = '2611281200000002';
const item = (orderNo: string, sno: string, over: Partial<ListRow> = {}): ListRow => ({
  key: `${orderNo}||${sno}||0||1||1`,
  orderNo,
  sno,
  statusGroup: 'g',
  status: 'g1',
  courier: '',
  invoiceNo: '',
  ...over,
});
const ship = (orderNo: string, itemSnos: string[], over: Partial<RowShipment> = {}): RowShipment => ({
  key: itemSnos.length ? `${orderNo}-${itemSnos[0]}` : orderNo,
  baseKey: itemSnos.length ? `${orderNo}-${itemSnos[0]}` : orderNo,
  orderNo,
  itemSnos,
  state: 'issued',
  regiNo: '6000000000001',
  test: false,
  printed: false,
  ...over,
});

function views(rows: ListRow[], ships: RowShipment[]) {
  const m = matchShipments(rows, ships);
  return rows.map((row) => ({ row, badge: badgeFor(row, m.get(row.key)) }));
}

describe('matchShipments', () => {
  it('gives item rows their own item shipment and a whole-order shipment to every item of that order', () => {
    const rows = [item(A, '11'), item(A, '12'), item(B, '21'), item(B, '22')];
    const m = matchShipments(rows, [ship(A, ['12']), ship(B, [])]);
    expect(m.get(rows[0]!.key)).toBeUndefined();
    expect(m.get(rows[1]!.key)?.key).toBe(`${A}-12`);
    expect(m.get(rows[2]!.key)?.key).toBe(B);
    expect(m.get(rows[3]!.key)?.key).toBe(B);
  });

  it('prefers the live shipment over a voided earlier one', () => {
    const rows = [item(A, '11')];
    const m = matchShipments(rows, [ship(A, ['11'], { key: `${A}-11-r1`, state: 'issued' }), ship(A, ['11'], { state: 'void' })]);
    expect(m.get(rows[0]!.key)?.key).toBe(`${A}-11-r1`);
  });
});

describe('issueTargets', () => {
  it('주문별: one target per order, skipping orders where any item already has a number', () => {
    const rows = [item(A, '11'), item(A, '12'), item(B, '21')];
    const v = views(rows, [ship(A, ['12'])]);
    expect(issueTargets(v, 'order', canIssue)).toEqual([{ orderNo: B, itemSnos: [] }]);
  });

  it('상품별: one target per item row without a number', () => {
    const rows = [item(A, '11'), item(A, '12'), item(B, '21', { courier: 'CJ대한통운', invoiceNo: '5555' })];
    const v = views(rows, [ship(A, ['12'])]);
    expect(issueTargets(v, 'item', canIssue)).toEqual([{ orderNo: A, itemSnos: ['11'] }]);
  });

  it('reserve keys are distinct shipment keys of issued rows', () => {
    const rows = [item(A, '11'), item(A, '12'), item(B, '21')];
    const v = views(rows, [ship(A, []), ship(B, [], { state: 'reserved' })]);
    expect(shipmentKeys(v, canReserve)).toEqual([A]);
  });
});
