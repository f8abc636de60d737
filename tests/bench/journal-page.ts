// The page side of journal-browser.ts: the extension's own journal code (Dexie, queries.ts) over
// Chromium's real IndexedDB, driven from the bench through `window.journalBench`.
import { openJournal, openJournalAt, type JournalDb } from '../../lib/db/db';
import { LATEST_VERSION } from '../../lib/db/migrations';
import { dashboardCounts, rowShipments } from '../../lib/shipments/queries';
import { benchRow, BENCH_ORIGIN, seedJournal } from './journal-rows';

let db: JournalDb | undefined;
const ms = async (work: () => Promise<unknown>) => {
  const t = performance.now();
  await work();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(n: number) {
  db?.close();
  db = openJournal(`journal-browser-bench-${n}`);
  const fill = await ms(() => seedJournal(db!, n));
  const page = Array.from({ length: 500 }, (_, k) => benchRow(n - 500 + k, n).orderNo);
  const first = await ms(() => dashboardCounts(db!)); // the counts are counted once, then kept
  const counts: number[] = [];
  const lookups: number[] = [];
  for (let i = 0; i < 7; i++) {
    counts.push(await ms(() => dashboardCounts(db!)));
    lookups.push(await ms(() => rowShipments(db!, BENCH_ORIGIN, page)));
  }
  const shown = await rowShipments(db!, BENCH_ORIGIN, page);
  await db.delete();
  db = undefined;
  return {
    n,
    fillMs: fill,
    firstCountsMs: first,
    countsMs: median(counts),
    lookupsMs: median(lookups),
    rowsFound: shown.length,
    upgradeMs: await upgrade(n),
  };
}

/**
 * The first start after an update: a journal of `n` shipments written at the version before the latest,
 * opened at the latest (the upgrade step and the new indexes IndexedDB builds over every row).
 */
async function upgrade(n: number) {
  const name = `journal-browser-upgrade-${n}`;
  const old = openJournalAt(name, LATEST_VERSION - 1);
  await seedJournal(old, n);
  old.close();
  const next = openJournal(name);
  const took = await ms(() => next.open());
  await next.delete();
  return took;
}

(window as unknown as { journalBench: typeof measure }).journalBench = measure;
