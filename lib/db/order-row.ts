// The overlay's small copy of a shipment (the orderRows table), written with every shipment write.
import type { OrderRow, Shipment } from './types';

export function orderRowOf(s: Shipment): OrderRow {
  const row: OrderRow = {
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
  return row;
}
