// The rows of a busy shop's journal for the journal benches (node and Chromium): nearly all delivered,
// a day's worth under way, 1% failed with 연락처오류 (the recent ones flagged, as putShipment would).
import type { JournalDb } from '../../lib/db/db';
import { orderRowsOf } from '../../lib/db/order-row';
import type { Shipment } from '../../lib/db/types';
import { bareShipment } from '../unit/bare-shipment';

export const BENCH_ORIGIN = 'https://gdadmin.bench.godomall.com';

/** Row `i` of `total`: failures older than the last 5,000 rows were re-issued since (history, not flagged). */
export function benchRow(i: number, total = Infinity): Shipment {
  const orderNo = `2611${String(i).padStart(12, '0')}`;
  const state: Shipment['state'] = i % 20 === 0 ? 'shipping' : i % 50 === 1 ? 'reserved' : i % 97 === 2 ? 'failed' : 'delivered';
  const live = state !== 'failed';
  return bareShipment(orderNo, {
    adminOrigin: BENCH_ORIGIN,
    state,
    regiNo: live ? String(6_000_000_000_000 + i) : '',
    reqYmd: '20261101',
    receiver: { name: '홍길동', zip: '06236', addr1: '서울', addr2: '1', tel: '', mobile: '01012345678' },
    godomallStatus: 'd2',
    createdAt: i,
    updatedAt: i,
    operatorId: 'bench',
    ...(live
      ? { liveBaseKey: orderNo }
      : { failure: 'contact' as const, message: '연락처오류', ...(total - i <= 5_000 ? { attention: 1 as const } : {}) }),
  });
}

/** Fills a journal with `n` bench rows as putShipment would leave them (shipments and the overlay's orderRows). */
export async function seedJournal(db: JournalDb, n: number): Promise<void> {
  for (let start = 0; start < n; start += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, n - start) }, (_, k) => benchRow(start + k, n));
    await db.shipments.bulkPut(rows);
    await db.orderRows.bulkPut(rows.flatMap(orderRowsOf));
  }
}
