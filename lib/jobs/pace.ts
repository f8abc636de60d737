// How long a running job still needs, from the pace of its outcomes so far (each target records when
// it ended): what the operator reads next to done / total on a long job.
import type { Job } from '../db/types';

/**
 * Milliseconds left at `now`, or undefined before the first outcome (no pace yet) and once nothing is
 * left. The pace is the job's own since it was created: targets run side by side, so the time per
 * outcome is the elapsed time over the outcomes, not one target's duration.
 */
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
