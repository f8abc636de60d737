// The overlay's small copies of a shipment (the orderRows table), written with every shipment write:
// one for its order and, for a 묶음배송 parcel, one for each other order of the packet.
import type { OrderRow, Shipment } from './types';

export function orderRowsOf(s: Shipment): OrderRow[] {
  const own = orderRowOf(s);
  // the other orders of a packet are carried whole
  return [own, ...(s.packetOrders ?? []).map((orderNo) => ({ ...own, rowKey: `${s.key}#${orderNo}`, orderNo, itemSnos: [] }))];
}

function orderRowOf(s: Shipment): OrderRow {
  const row: OrderRow = {
    rowKey: s.key,
    key: s.key,
    baseKey: s.baseKey,
    orderNo: s.orderNo,
    adminOrigin: s.adminOrigin,
    itemSnos: s.itemSnos,
    state: s.state,
    regiNo: s.regiNo,
    test: s.test,
    updatedAt: s.updatedAt,
  };
  if (s.printedAt !== undefined) row.printedAt = s.printedAt;
  if (s.exception) row.exception = s.exception;
  if (s.message) row.message = s.message;
  if (s.failure) row.failure = s.failure;
  if (s.liveBaseKey) row.liveBaseKey = s.liveBaseKey;
  if (s.islandAddFee) row.islandAddFee = s.islandAddFee;
  if (s.box) row.box = s.box;
  if (s.pickup) row.pickup = s.pickup;
  if (s.reship) row.reship = true;
  row.source = s.source;
  return row;
}
