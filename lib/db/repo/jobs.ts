// Jobs and their per-target progress. A job's row holds what it is; its targets are rows of their own
// (jobTargets), so each outcome is one short write whatever the job's size, and a job killed half way
// knows exactly which targets are still 'todo'.
import Dexie, { add } from 'dexie';
import type { JournalDb } from '../db';
import type { Job, JobRecord, JobStatus, JobTarget } from '../types';

export async function putJob(db: JournalDb, { targets, ...job }: Job): Promise<void> {
  await db.transaction('rw', db.jobs, db.jobTargets, async () => {
    await db.jobs.put(job);
    await db.jobTargets.bulkPut(targets.map((t, seq) => ({ ...t, jobId: job.id, seq })));
  });
}

/** The job with its targets in order. */
export async function getJob(db: JournalDb, id: string): Promise<Job | undefined> {
  return db.transaction('r', db.jobs, db.jobTargets, async () => {
    const job = await db.jobs.get(id);
    if (!job) return undefined;
    const rows = await db.jobTargets.where('[jobId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
    return { ...job, targets: rows.map(({ jobId: _job, seq: _seq, ...t }) => t) };
  });
}

/** The targets of a job that have no outcome yet (what a resumed run still has to do), in order. */
export async function todoTargets(db: JournalDb, id: string): Promise<JobTarget[]> {
  const rows = await db.jobTargets.where('[jobId+status]').equals([id, 'todo']).sortBy('seq');
  return rows.map(({ jobId: _job, seq: _seq, ...t }) => t);
}

export function unfinishedJobs(db: JournalDb): Promise<JobRecord[]> {
  return db.jobs.where('status').anyOf(['queued', 'running']).sortBy('createdAt');
}

export async function setJobStatus(db: JournalDb, id: string, status: JobStatus, at: number, next?: string): Promise<void> {
  await db.jobs.update(
    id,
    status === 'done' || status === 'failed'
      ? { status, updatedAt: at, finishedAt: at, rev: add(1), ...(next ? { next } : {}) }
      : { status, updatedAt: at, rev: add(1) },
  );
}

/** One target's outcome (and when): its own row and the job's updatedAt and rev, nothing else. */
export async function recordTarget(
  db: JournalDb,
  jobId: string,
  key: string,
  patch: Pick<JobTarget, 'status' | 'message'>,
  at: number,
): Promise<void> {
  await db.transaction('rw', db.jobs, db.jobTargets, async () => {
    await db.jobTargets
      .where('[jobId+key]')
      .equals([jobId, key])
      .modify({ ...patch, at });
    await db.jobs.update(jobId, { updatedAt: at, rev: add(1) });
  });
}

export function getJobRecord(db: JournalDb, id: string): Promise<JobRecord | undefined> {
  return db.jobs.get(id);
}
