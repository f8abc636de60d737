// The persisted, resumable job runner. A job and the progress of each of its targets live in IndexedDB;
// the runner keeps nothing in memory that matters. A runner that dies (service worker killed) leaves
// 'todo' targets behind; a new runner's resumeAll() finishes them. Target handlers must be safe to
// run again for a target whose previous run was cut short — the shipments workflows are.
import type { JournalDb } from '../db/db';
import type { Job, JobRecord, JobTarget } from '../db/types';
import { getJob, recordTarget, setJobStatus, todoTargets, unfinishedJobs, getJobRecord } from '../db/repo/jobs';
import { DEFAULT_CONCURRENCY, createLimiter } from './limiter';

export interface TargetOutcome {
  status: 'done' | 'skipped' | 'failed';
  message?: string;
}

export type TargetHandler = (job: JobRecord, target: JobTarget) => Promise<TargetOutcome>;

export interface JobRunnerDeps {
  db: JournalDb;
  handle: TargetHandler;
  concurrency?: () => Promise<number> | number;
  now?: () => number;
  /** a target's outcome or the job's status was recorded (a page showing the job is told at once); `ended`: it finished */
  onChange?: (jobId: string, ended?: boolean) => void;
  /**
   * Every target has its outcome: the job that follows it, if any, is put in the journal (queued) and
   * its id returned; it is named on the finished job, so a page following the job follows it on. Must
   * be idempotent: a worker killed between this and the job's end calls it again on resume.
   */
  follow?: (job: Job) => Promise<string | undefined>;
}

export interface JobRunner {
  /** runs (or joins the run of) one job until every target has an outcome */
  run(id: string): Promise<Job | undefined>;
  /** runs every queued/running job found in the journal */
  resumeAll(): Promise<Job[]>;
}

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const now = deps.now ?? Date.now;
  // one run per job per runner: a second call joins the first instead of racing it
  const running = new Map<string, Promise<Job | undefined>>();
  // one limiter for the whole runner: two jobs at once still make at most `concurrency` calls at once
  let limit = DEFAULT_CONCURRENCY;
  const slot = createLimiter(() => limit);

  async function execute(id: string): Promise<Job | undefined> {
    const job = await getJobRecord(deps.db, id);
    if (!job || job.status === 'done' || job.status === 'failed') return getJob(deps.db, id);
    await setJobStatus(deps.db, id, 'running', now());
    deps.onChange?.(id);
    limit = (await deps.concurrency?.()) ?? DEFAULT_CONCURRENCY;
    const todo = await todoTargets(deps.db, id);
    await Promise.all(
      todo.map((target) =>
        slot(async () => {
          let outcome: TargetOutcome;
          try {
            outcome = await deps.handle(job, target);
          } catch (err) {
            // a handler bug must never stop the other targets; the operator sees the reason
            outcome = { status: 'failed', message: `처리 중 오류: ${err instanceof Error ? err.message : String(err)}` };
          }
          await recordTarget(deps.db, id, target.key, outcome, now());
          deps.onChange?.(id);
        }),
      ),
    );
    const finished = await getJob(deps.db, id);
    const next = finished && deps.follow ? await deps.follow(finished).catch(() => undefined) : undefined;
    await setJobStatus(deps.db, id, 'done', now(), next);
    deps.onChange?.(id, true);
    if (next) void run(next).catch(() => undefined);
    return getJob(deps.db, id);
  }

  function run(id: string): Promise<Job | undefined> {
    const current = running.get(id);
    if (current) return current;
    const p = execute(id).finally(() => running.delete(id));
    running.set(id, p);
    return p;
  }

  async function resumeAll(): Promise<Job[]> {
    const jobs = await unfinishedJobs(deps.db);
    const done = await Promise.all(jobs.map((j) => run(j.id)));
    return done.filter((j): j is Job => j !== undefined);
  }

  return { run, resumeAll };
}
