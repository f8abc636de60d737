// The background's concerns, one setup function each. entrypoints/background calls them synchronously
// at start so every listener exists before Chrome delivers the event that woke the worker.
import { IS_SANDBOX_BUILD, keptSettings, watchSettings } from '../settings';
import { openJournal } from '../db/db';
import type { Job } from '../db/types';
import { unfinishedSyncRun } from '../db/repo/journal';
import { createBackgroundContext, type BackgroundContext } from './context';
import type { GodomallAdmin } from '../godomall/types';
import { createSecretStore } from './secrets';
import { messageTable } from './handlers';
import { registerMessages } from './router';
import { createSyncControl, scheduleSync, type SyncControl } from './sync';
import { createBadgeRefresher } from './badge';
import { jobNotice, notify, syncNotice } from './notifications';
import { pruneAdminOrigins } from './admin-registration';
import { armJobWatchdog, watchJobs } from './job-watchdog';
import { stampWorkerBuild } from '../build-stamp';
import { scheduleSettle } from './settle';
import { prepareOffscreenReader } from './offscreen-reader';

export interface Background {
  ctx: BackgroundContext;
  sync: SyncControl;
  refreshBadge(): void;
}

export function createBackground(adminFor: (origin: string) => GodomallAdmin): Background {
  const db = openJournal();
  const settings = keptSettings();
  const ctx = createBackgroundContext({
    db,
    secrets: createSecretStore(db),
    sandbox: IS_SANDBOX_BUILD,
    loadSettings: settings.load,
    saveSettings: settings.save,
    adminFor,
  });
  const refreshBadge = createBadgeRefresher(ctx.shipments);
  const sync = createSyncControl(
    (trigger) => ctx.shipments.syncAll(trigger),
    (run, error) => {
      void notify(syncNotice(run, error), `sync-${run?.id ?? Date.now()}`);
      refreshBadge();
    },
  );
  return { ctx, sync, refreshBadge };
}

/** Says which build this worker is, before anything else (pages compare it with their own: build-stamp.ts). */
export function setupBuildStamp(): void {
  void stampWorkerBuild().catch(() => undefined);
}

export function setupMessages(bg: Background): void {
  registerMessages(
    messageTable(bg.ctx, {
      sync: bg.sync,
      onJobFinished: (job) => onJobFinished(bg, job),
      refreshBadge: bg.refreshBadge,
      armJobWatchdog: () => void armJobWatchdog().catch(() => undefined),
      prepareReader: () => void prepareOffscreenReader().catch(() => undefined),
    }),
    {
      runtimeId: () => browser.runtime.id,
      grantedOrigins: async () => (await bg.ctx.loadSettings()).adminOrigins,
      sandbox: bg.ctx.sandbox,
    },
  );
}

function onJobFinished(bg: Background, job: Job | undefined) {
  if (job) void notify(jobNotice(job), `job-${job.id}`);
  bg.refreshBadge();
}

export function setupSync(bg: Background): void {
  scheduleSync({
    control: bg.sync,
    intervalMinutes: async () => (await bg.ctx.loadSettings()).syncIntervalMinutes,
    watchInterval: (cb) => {
      watchSettings((s) => cb(s.syncIntervalMinutes));
    },
    rhythm: () => bg.ctx.shipments.rhythm(),
  });
  // a worker stopped mid-sync: the new one carries the run on at once instead of waiting for the alarm
  void unfinishedSyncRun(bg.ctx.db)
    .then((run) => run && bg.sync.start(run.trigger))
    .catch(() => undefined);
}

/** Sends whose outcome was unknown are looked at again once Korea Post can no longer commit them (an alarm). */
export function setupSettle(bg: Background): void {
  scheduleSettle(async () => {
    await bg.ctx.shipments.settleSweep();
    bg.refreshBadge();
  });
}

/** A worker killed mid-job resumes it on the next start, woken by the job watchdog alarm if need be. */
export function setupJobs(bg: Background): void {
  watchJobs(
    bg.ctx.db,
    () => bg.ctx.shipments.resumeJobs(),
    (job) => onJobFinished(bg, job),
  );
}

export function setupBadge(bg: Background): void {
  bg.refreshBadge();
}

export function setupNotifications(): void {
  // a failed sync is most often a key or connection problem: its notification opens 「우체국택배 신청/관리」;
  // a job's failures are listed per order on the admin page itself, so that click only dismisses
  browser.notifications.onClicked.addListener((id) => {
    void browser.notifications.clear(id);
    if (id.startsWith('sync-')) void browser.runtime.openOptionsPage().catch(() => undefined);
  });
}

export function setupAdminOrigins(bg: Background): void {
  // operator-removed permissions: drop their registrations so no content script lingers
  void bg.ctx
    .loadSettings()
    .then(async (s) => {
      const keep = await pruneAdminOrigins(s.adminOrigins, bg.ctx.sandbox);
      if (keep.length !== s.adminOrigins.length) await bg.ctx.saveSettings({ adminOrigins: keep });
    })
    .catch(() => undefined);
}
