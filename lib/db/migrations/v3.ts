// v3: a journal that stays fast after a busy shop's year.
// - Job targets in their own table. A job's progress used to rewrite the whole job row (every target in
//   it) for each outcome; now one target row changes per outcome. Keyed [jobId+seq] for the job's
//   order, indexed by [jobId+key] (the outcome's write) and [jobId+status] (what a resumed job still has
//   to do).
// - `attention` on shipments (indexed): the rows that ask something of the operator, so the popup reads
//   those and not every parcel under way.
// - `orderRows`: the few fields the overlay shows of each shipment, so a 500-row page reads small rows.
// - `stateCounts`: per-state counts kept by putShipment, first counted here (a missing one is counted
//   on its first read).
// - `archive`: delivered shipments past the retention setting, kept with the indexes the overlay and
//   the export need.
import type { JobRecord, JobTarget, Shipment, StoredJobTarget } from '../types';
import { SHIPMENT_STATES } from '../types';
import { asksOperator } from '../attention';
import { orderRowsOf } from '../order-row';
import type { MigrationStep } from './step';

export const v3: MigrationStep = {
  version: 3,
  stores: {
    shipments:
      '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt, &liveBaseKey, [adminOrigin+orderNo], attention',
    jobTargets: '[jobId+seq], [jobId+key], [jobId+status]',
    stateCounts: '&state',
    orderRows: '&rowKey, [adminOrigin+orderNo]',
    archive: '&key, [adminOrigin+orderNo], regiNo, reqYmd, updatedAt',
  },
  async upgrade(tx) {
    const jobs = (await tx.table('jobs').toArray()) as Array<JobRecord & { targets?: JobTarget[] }>;
    for (const { targets = [], ...job } of jobs) {
      const rows: StoredJobTarget[] = targets.map((t, seq) => ({ ...t, jobId: job.id, seq }));
      await tx.table('jobTargets').bulkPut(rows);
      await tx.table('jobs').put(job);
    }
    const shipments = tx.table<Shipment, string>('shipments');
    const counts = new Map<string, number>();
    await shipments.each((row) => {
      counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
      void tx.table('orderRows').bulkPut(orderRowsOf(row));
    });
    // counted here, once, while every row is read anyway: the first popup after the upgrade stays fast
    for (const state of SHIPMENT_STATES) await tx.table('stateCounts').put({ state, n: counts.get(state) ?? 0 });
    // only rows not delivered can ask anything; a dead one whose order has a live shipment is history
    const open = await shipments.where('state').noneOf(['delivered']).toArray();
    const liveBases = new Set(open.filter((r) => r.liveBaseKey).map((r) => r.baseKey));
    for (const row of open) {
      if (!asksOperator(row)) continue;
      if (!row.liveBaseKey && (liveBases.has(row.baseKey) || (await shipments.where('liveBaseKey').equals(row.baseKey).count()) > 0))
        continue;
      await shipments.update(row.key, { attention: 1 });
    }
  },
};
