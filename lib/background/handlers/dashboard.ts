// The popup: counts, sync times and state, rows needing action, running jobs; and 「배송상태 수동 업데이트」.
import type { DashboardData } from '../../messages';
import type { BackgroundContext } from '../context';
import { getKv } from '../../db/repo/journal';
import { trackingCallsKey } from '../../shipments/sync';
import { nextSyncAt, type SyncControl } from '../sync';

export async function dashboard(ctx: BackgroundContext, sync: SyncControl): Promise<DashboardData> {
  const [settings, counts, next, runningJobs, usedToday] = await Promise.all([
    ctx.loadSettings(),
    ctx.shipments.dashboardCounts(),
    nextSyncAt(),
    ctx.db.jobs.where('status').anyOf(['queued', 'running']).toArray(),
    getKv<number>(ctx.db, trackingCallsKey(Date.now())),
  ]);
  return {
    testMode: settings.testMode,
    connection: settings.connection,
    counts: counts.counts,
    ...(counts.lastSync ? { lastSync: counts.lastSync } : {}),
    ...(next ? { nextSyncAt: next } : {}),
    syncing: sync.isRunning(),
    ...(sync.isRunning() && ctx.syncProgress.current() ? { syncProgress: ctx.syncProgress.current()! } : {}),
    needsAction: counts.needsAction.slice(0, 100),
    runningJobs,
    tracking: { usedToday: usedToday ?? 0, dailyBudget: settings.trackingDailyBudget },
  };
}

export function syncNow(sync: SyncControl): { started: boolean } {
  return { started: sync.start('manual').started };
}
