// What one target's outcome costs as a job grows: recordTarget for every target of a job of 100 and of
// 5,000 targets. The cost per target must stay flat (the targets are rows of their own); before v3 of
// the journal each outcome rewrote the whole job row, so the cost grew with the job's size.
import { afterAll, bench, describe } from 'vitest';
import { openJournal, type JournalDb } from '../../lib/db/db';
import { putJob, recordTarget } from '../../lib/db/repo/jobs';

const dbs: JournalDb[] = [];
afterAll(() => dbs.forEach((db) => db.close()));

async function progressOf(size: number): Promise<number> {
  const db = openJournal(`job-progress-bench-${size}-${Date.now()}-${Math.random()}`);
  dbs.push(db);
  const targets = Array.from({ length: size }, (_, i) => ({ key: `k${i}`, orderNo: `o${i}`, itemSnos: [], status: 'todo' as const }));
  await putJob(db, {
    id: 'j',
    kind: 'issue',
    status: 'running',
    adminOrigin: 'https://a',
    operatorId: 'bench',
    targets,
    createdAt: 0,
    updatedAt: 0,
  });
  const started = performance.now();
  for (const t of targets) await recordTarget(db, 'j', t.key, { status: 'done' }, 1);
  return (performance.now() - started) / size;
}

describe('job progress writes', () => {
  bench(
    'ms per target outcome, jobs of 100 and 5,000 targets',
    async () => {
      const small = await progressOf(100);
      const big = await progressOf(5_000);
      console.table([
        { 'job size': 100, 'ms / target': +small.toFixed(3) },
        { 'job size': 5_000, 'ms / target': +big.toFixed(3), 'vs 100': `${(big / small).toFixed(2)}×` },
      ]);
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
