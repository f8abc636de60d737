// The popup: counts, sync times and state, rows needing action, running jobs; and 「배송상태 수동 업데이트」.
import type { DashboardData } from '../../message-data';
import type { BackgroundContext } from '../context';
import { getKv, unfinishedSyncRun } from '../../db/repo/journal';
import { trackingCallsKey } from '../../shipments/sync';
import { nextSyncAt, type SyncControl } from '../sync';
import { unfinishedJobs } from '../../db/repo/jobs';

export async function dashboard(ctx: BackgroundContext, sync: SyncControl): Promise<DashboardData> {
  const [settings, counts, next, runningJobs, usedToday, running] = await Promise.all([
    ctx.loadSettings(),
    ctx.shipments.dashboardCounts(),
    nextSyncAt(),
    unfinishedJobs(ctx.db),
    getKv<number>(ctx.db, trackingCallsKey(Date.now())),
    sync.isRunning() ? unfinishedSyncRun(ctx.db) : undefined,
  ]);
  return {
    testMode: settings.testMode,
    connection: settings.connection,
    counts: counts.counts,
    ...(counts.lastSync ? { lastSync: counts.lastSync } : {}),
    ...(next ? { nextSyncAt: next } : {}),
    syncing: sync.isRunning(),
    // the running sync's row: the calls it made of the parcels it planned (an alarm run plans those due)
    ...(running?.planned !== undefined ? { syncProgress: { checked: running.calls ?? 0, total: running.planned } } : {}),
    needsAction: counts.needsAction.slice(0, 100),
    runningJobs,
    tracking: { usedToday: usedToday ?? 0, dailyBudget: settings.trackingDailyBudget },
  };
}

export function syncNow(sync: SyncControl): { started: boolean } {
  return { started: sync.start('manual').started };
}
