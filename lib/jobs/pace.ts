// How far a job is, as the operator reads it: how long a running job still needs, from the pace of its
// outcomes so far (each target records when it ended), and whether a finished one handed over to the next.
import type { Job } from '../db/types';

/**
 * Milliseconds left at `now`, or undefined before the first outcome (no pace yet) and once nothing is
 * left. The pace is the job's own since it was created: targets run side by side, so the time per
 * outcome is the elapsed time over the outcomes, not one target's duration.
 */
/**
 * A finished job that started the job following it (발급 후 바로 예약: the 예약 of its parcels): the
 * operator's wait is not over, and a page following it follows that one on.
 */
export function handsOver(job: Pick<Job, 'status' | 'next'>): boolean {
  return job.status === 'done' && job.next !== undefined;
}

export function timeLeftMs(job: Pick<Job, 'createdAt' | 'targets'>, now: number): number | undefined {
  let settled = 0;
  let last = job.createdAt;
  for (const t of job.targets) {
    if (t.status === 'todo') continue;
    settled++;
    if (t.at !== undefined && t.at > last) last = t.at;
  }
  const left = job.targets.length - settled;
  if (!settled || !left || last <= job.createdAt) return undefined;
  const perOutcome = (last - job.createdAt) / settled;
  return Math.max(0, left * perOutcome - Math.max(0, now - last));
}
