// Jobs and their per-target progress. Each target's outcome is one short transaction, so a job killed
// half way knows exactly which targets are still 'todo'.
import type { JournalDb } from '../db';
import type { Job, JobStatus, JobTarget } from '../types';

export async function putJob(db: JournalDb, job: Job): Promise<void> {
  await db.jobs.put(job);
}

export function getJob(db: JournalDb, id: string): Promise<Job | undefined> {
  return db.jobs.get(id);
}

export function unfinishedJobs(db: JournalDb): Promise<Job[]> {
  return db.jobs.where('status').anyOf(['queued', 'running']).sortBy('createdAt');
}

export async function setJobStatus(db: JournalDb, id: string, status: JobStatus, at: number): Promise<void> {
  await db.jobs.update(
    id,
    status === 'done' || status === 'failed' ? { status, updatedAt: at, finishedAt: at } : { status, updatedAt: at },
  );
}

export async function recordTarget(
  db: JournalDb,
  jobId: string,
  key: string,
  patch: Pick<JobTarget, 'status' | 'message'>,
  at: number,
): Promise<void> {
  await db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(jobId);
    if (!job) return;
    const targets = job.targets.map((t) => (t.key === key ? { ...t, ...patch } : t));
    await db.jobs.put({ ...job, targets, updatedAt: at });
  });
}
