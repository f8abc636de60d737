// The journal after a busy shop's months: the popup's counts and the overlay's row lookups for one
// 500-row admin page, over EPG_BENCH_SHIPMENTS (100,000) shipments — nearly all delivered, a day's worth
// under way. fake-indexeddb (node) is far slower than Chrome's IndexedDB: watch these for regressions
// (a full-table read creeping back), not as the Chrome figure.
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { openJournal, type JournalDb } from '../../lib/db/db';
import type { Shipment } from '../../lib/db/types';
import { dashboardCounts, rowShipments } from '../../lib/shipments/queries';

const N = Number(process.env.EPG_BENCH_SHIPMENTS ?? 100_000);
const ORIGIN = 'https://gdadmin.bench.godomall.com';
let db: JournalDb;
const pageOrders: string[] = [];

function row(i: number): Shipment {
  const orderNo = `2611${String(i).padStart(12, '0')}`;
  const state: Shipment['state'] = i % 20 === 0 ? 'shipping' : i % 50 === 1 ? 'reserved' : i % 97 === 2 ? 'failed' : 'delivered';
  const live = state !== 'failed';
  return {
    key: orderNo,
    baseKey: orderNo,
    reissue: 0,
    mode: 'order',
    orderNo,
    itemSnos: [],
    adminOrigin: ORIGIN,
    state,
    source: 'issued',
    test: false,
    payType: '1',
    regiNo: live ? String(6_000_000_000_000 + i) : '',
    reqNo: '',
    resNo: '',
    reqYmd: '20261101',
    resDate: '',
    price: '',
    vTelNo: '',
    regiPoNm: '',
    arrCnpoNm: '',
    delivPoNm: '',
    delivAreaCd: '',
    courseNo: '',
    printAreaCd: '',
    receiver: { name: '홍길동', zip: '06236', addr1: '서울', addr2: '1', tel: '', mobile: '01012345678' },
    goods: [],
    delivMsg: '',
    godomallStatus: 'd2',
    warnings: [],
    createdAt: i,
    updatedAt: i,
    operatorId: 'bench',
    ...(live ? { liveBaseKey: orderNo } : { failure: 'contact' as const, message: '연락처오류' }),
  };
}

beforeAll(async () => {
  db = openJournal(`journal-bench-${Date.now()}`);
  for (let start = 0; start < N; start += 10_000) {
    await db.shipments.bulkPut(Array.from({ length: Math.min(10_000, N - start) }, (_, k) => row(start + k)));
  }
  for (let i = N - 500; i < N; i++) pageOrders.push(row(i).orderNo);
}, 600_000);
afterAll(() => db.close());

describe(`journal of ${N.toLocaleString('en')} shipments`, () => {
  bench(
    'popup counts (dashboardCounts)',
    async () => {
      await dashboardCounts(db);
    },
    { iterations: 5, warmupIterations: 1 },
  );
  bench(
    'overlay lookups for a 500-row page (rowShipments)',
    async () => {
      await rowShipments(db, ORIGIN, pageOrders);
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
