// The journal after a busy shop's months: the popup's counts and the overlay's row lookups for one
// 500-row admin page, over EPG_BENCH_SHIPMENTS (100,000) shipments — nearly all delivered, a day's worth
// under way. fake-indexeddb (node) is far slower than Chrome's IndexedDB: watch these for regressions
// (a full-table read creeping back), not as the Chrome figure.
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { openJournal, type JournalDb } from '../../lib/db/db';
import { benchRow, BENCH_ORIGIN as ORIGIN, seedJournal } from './journal-rows';
import { dashboardCounts, rowShipments } from '../../lib/shipments/queries';

const N = Number(process.env.EPG_BENCH_SHIPMENTS ?? 100_000);
let db: JournalDb;
const pageOrders: string[] = [];

beforeAll(async () => {
  db = openJournal(`journal-bench-${Date.now()}`);
  await seedJournal(db, N);
  for (let i = N - 500; i < N; i++) pageOrders.push(benchRow(i).orderNo);
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
