// IndexedDB transactions per job target (issue 21, item 1): in Chromium each one is a round trip to
// the browser process's IndexedDB backend and a Dexie transaction zone in the worker, which is where a
// long job's CPU went. Counted by a Dexie middleware over the journal while an issue job of
// EPG_BENCH_TX_ORDERS (100) fresh orders and then their 예약 (with its start) run against the simulators, and printed
// by kind (read or write) and the tables each spans. Reported, not asserted.
import { bench, describe } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { issuable, issueReq, reserveIssued, startHarness, waitJob } from '../unit/shipments/harness';

const N = Number(process.env.EPG_BENCH_TX_ORDERS ?? 100);

/** counts every transaction the journal opens, by mode and tables */
function counter(): { middleware: Middleware<DBCore>; take(): Map<string, number> } {
  let counts = new Map<string, number>();
  return {
    middleware: {
      stack: 'dbcore',
      name: 'bench-tx-count',
      create: (down) => ({
        ...down,
        transaction(stores, mode, options) {
          const kind = `${mode === 'readwrite' ? 'write' : 'read'} ${[...stores].sort().join(', ')}`;
          counts.set(kind, (counts.get(kind) ?? 0) + 1);
          return down.transaction(stores, mode, options);
        },
      }),
    },
    take() {
      const taken = counts;
      counts = new Map();
      return taken;
    },
  };
}

function report(what: string, counts: Map<string, number>, targets: number): void {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${what}: ${(total / targets).toFixed(2)} IndexedDB transactions per target (${targets} targets)`);
  console.table(
    Object.fromEntries(
      [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => [kind, { 'per target': Number((n / targets).toFixed(2)) }]),
    ),
  );
}

describe('journal transactions', () => {
  bench(
    `issue and 예약 of ${N} fresh orders`,
    async () => {
      const h = await startHarness({ rows: Math.ceil(N * 1.6) + 20 });
      try {
        const count = counter();
        h.db.use(count.middleware);
        const orders = issuable(h).slice(0, N);
        const s = h.shipments();
        const issueId = await s.startJob(issueReq(h, orders));
        count.take();
        const issued = await waitJob(s, issueId);
        report('일괄 발급', count.take(), issued.targets.length);
        const reserved = await reserveIssued(h, s, orders);
        report('일괄 예약', count.take(), reserved.targets.length);
        const done = reserved.targets.filter((t) => t.status === 'done').length;
        if (done !== orders.length) throw new Error(`reserved ${done} of ${orders.length}`);
      } finally {
        await h.close();
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
