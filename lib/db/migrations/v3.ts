// v3: job targets in their own table. A job's progress used to rewrite the whole job row (every target
// in it) for each outcome — quadratic for a 1,000-order job; now one target row changes per outcome.
// Keyed [jobId+seq] for the job's order, indexed by [jobId+key] (the outcome's write) and
// [jobId+status] (what a resumed job still has to do).
import type { JobRecord, JobTarget, StoredJobTarget } from '../types';
import type { MigrationStep } from './step';

export const v3: MigrationStep = {
  version: 3,
  stores: {
    jobTargets: '[jobId+seq], [jobId+key], [jobId+status]',
  },
  async upgrade(tx) {
    const jobs = (await tx.table('jobs').toArray()) as Array<JobRecord & { targets?: JobTarget[] }>;
    for (const { targets = [], ...job } of jobs) {
      const rows: StoredJobTarget[] = targets.map((t, seq) => ({ ...t, jobId: job.id, seq }));
      await tx.table('jobTargets').bulkPut(rows);
      await tx.table('jobs').put(job);
    }
  },
};
