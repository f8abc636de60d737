// The persisted runner: progress per target in IndexedDB; a runner abandoned mid-job is replaced by a
// new one on the same journal that finishes only what is left.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { getJob, putJob } from '../../../lib/db/repo/jobs';
import { createJobRunner, type TargetHandler } from '../../../lib/jobs/runner';

let serial = 0;
const fresh = () => openJournal(`runner-test-${process.pid}-${++serial}`);

async function seedJob(db: ReturnType<typeof fresh>, n: number) {
  const targets = Array.from({ length: n }, (_, i) => ({ key: `t${i}`, orderNo: `o${i}`, itemSnos: [], status: 'todo' as const }));
  await putJob(db, {
    id: 'job',
    kind: 'issue',
    status: 'queued',
    adminOrigin: 'https://a',
    operatorId: 'kim',
    targets,
    createdAt: 1,
    updatedAt: 1,
  });
}

describe('job runner', () => {
  it('runs every target once, records outcomes, and a handler crash fails only its target', async () => {
    const db = fresh();
    await seedJob(db, 12);
    const seen: string[] = [];
    const handle: TargetHandler = async (_job, t) => {
      seen.push(t.key);
      if (t.key === 't5') throw new Error('parser bug');
      return { status: 'done', message: `ok ${t.key}` };
    };
    const job = await createJobRunner({ db, handle, concurrency: () => 3 }).run('job');
    expect(job!.status).toBe('done');
    expect(seen.sort()).toEqual([...Array(12).keys()].map((i) => `t${i}`).sort());
    expect(job!.targets.find((t) => t.key === 't5')).toMatchObject({ status: 'failed' });
    expect(job!.targets.find((t) => t.key === 't5')!.message).toContain('parser bug');
    expect(job!.targets.filter((t) => t.status === 'done')).toHaveLength(11);
    db.close();
  });

  it('a killed runner leaves todo targets; a new runner resumes them and skips finished ones', async () => {
    const db = fresh();
    await seedJob(db, 10);
    const ran: string[] = [];
    // the first runner "dies": its handler never returns after the 4th target
    let started = 0;
    const dying = createJobRunner({
      db,
      concurrency: () => 1,
      handle: async (_j, t) => {
        if (++started > 4) return new Promise(() => undefined);
        ran.push(t.key);
        return { status: 'done' };
      },
    });
    void dying.run('job');
    while ((await getJob(db, 'job'))!.targets.filter((t) => t.status === 'done').length < 4) await new Promise((r) => setTimeout(r, 2));
    expect((await db.jobs.get('job'))!.status).toBe('running');

    const second: string[] = [];
    const resumed = await createJobRunner({ db, handle: async (_j, t) => (second.push(t.key), { status: 'done' }) }).resumeAll();
    expect(resumed.map((j) => j.status)).toEqual(['done']);
    expect(second.sort()).toEqual(['t4', 't5', 't6', 't7', 't8', 't9']);
    expect(resumed[0]!.targets.every((t) => t.status === 'done')).toBe(true);
    db.close();
  });

  it('a second run() of the same job joins the first instead of racing it', async () => {
    const db = fresh();
    await seedJob(db, 5);
    let calls = 0;
    const runner = createJobRunner({ db, handle: async () => (calls++, { status: 'done' }) });
    await Promise.all([runner.run('job'), runner.run('job'), runner.resumeAll()]);
    expect(calls).toBe(5);
    db.close();
  });
});
