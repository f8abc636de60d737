// A page following a job hears of each outcome and of the job's end when the runner records it, not
// at its next poll; and the time left follows the job's own pace.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { getJob, putJob } from '../../../lib/db/repo/jobs';
import type { Job } from '../../../lib/db/types';
import { timeLeftMs } from '../../../lib/jobs/pace';
import { createJobRunner } from '../../../lib/jobs/runner';
import { createJobWatch } from '../../../lib/jobs/watch';

const target = (i: number, over: Partial<Job['targets'][number]> = {}): Job['targets'][number] => ({
  key: `t${i}`,
  orderNo: `o${i}`,
  itemSnos: [],
  status: 'todo',
  ...over,
});

describe('job watch', () => {
  it('a reader waiting on a job is woken by the outcome and by the end, each recorded with its time', async () => {
    const db = openJournal(`watch-test-${process.pid}`);
    await putJob(db, {
      id: 'job',
      kind: 'issue',
      status: 'queued',
      adminOrigin: 'https://a',
      operatorId: 'kim',
      targets: [target(0), target(1)],
      createdAt: 1,
      updatedAt: 1,
    });
    const watch = createJobWatch();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let clock = 1_000;
    const runner = createJobRunner({
      db,
      now: () => (clock += 10),
      onChange: watch.changed,
      concurrency: () => 1,
      handle: async (_j, t) => (t.key === 't1' ? (await gate, { status: 'failed', message: '실패' }) : { status: 'done' }),
    });
    const first = watch.next('job', 60_000);
    const run = runner.run('job');
    const started = Date.now();
    await first.changed; // the job's start
    let seen = await getJob(db, 'job');
    while (seen!.targets[0]!.status === 'todo') {
      await watch.next('job', 60_000).changed;
      seen = await getJob(db, 'job');
    }
    expect(seen!.targets[0]!.at).toBeGreaterThan(1_000);
    const end = watch.next('job', 60_000);
    release();
    // the last outcome, then the job's end, each said as what it is
    expect(await end.changed).toBe('step');
    expect(await watch.next('job', 60_000).changed).toBe('end');
    const job = await run;
    // woken by the runner, far sooner than the 60 s a missed change would cost
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(job!.targets.map((t) => t.status)).toEqual(['done', 'failed']);
    expect(job!.finishedAt).toBeGreaterThanOrEqual(job!.targets[1]!.at!);
    db.close();
  });

  it('an unanswered wait ends at its limit, and stop() ends it at once', async () => {
    const watch = createJobWatch();
    const t0 = Date.now();
    expect(await watch.next('nobody', 30).changed).toBe('timeout');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    const w = watch.next('nobody', 60_000);
    w.stop();
    await w.changed;
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});

describe('time left', () => {
  const job = (targets: Job['targets']) => ({ createdAt: 0, targets });

  it('is the pace so far times what is left, less the time since the last outcome', () => {
    const targets = [target(0, { status: 'done', at: 1_000 }), target(1, { status: 'failed', at: 2_000 }), target(2), target(3)];
    // two outcomes in 2 s: 1 s each, two left → 2 s, 0.5 s of it already gone
    expect(timeLeftMs(job(targets), 2_500)).toBe(1_500);
    expect(timeLeftMs(job(targets), 9_000)).toBe(0);
  });

  it('says nothing before the first outcome or once nothing is left', () => {
    expect(timeLeftMs(job([target(0), target(1)]), 5_000)).toBeUndefined();
    expect(timeLeftMs(job([target(0, { status: 'done', at: 10 })]), 5_000)).toBeUndefined();
  });
});
