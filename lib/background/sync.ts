// The delivery-status sync schedule (배송상태 자동 업데이트, every 2 h by default) and the manual
// 「배송상태 수동 업데이트」. The alarm is looked up before it is created so a worker restart keeps
// the schedule instead of pushing it back; it is re-created only when the interval changes.
import type { SyncRun } from '../db/types';
import { alignedRunAt, type Rhythm } from '../shipments/rhythm';

export const SYNC_ALARM = 'epost-sync';

export type RunSync = (trigger: SyncRun['trigger']) => Promise<SyncRun | undefined>;

export async function ensureSyncAlarm(minutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing && existing.periodInMinutes === minutes) return;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}

/**
 * Moves the alarm's runs to where the shop's rhythm wants them in the day (rhythm.ts): called after an
 * alarm run, so the next run comes no later than one interval after the last. A changed interval is
 * ensureSyncAlarm's to apply, not this.
 */
export async function alignSyncAlarm(rhythm: Rhythm, now = Date.now()): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (!existing || existing.periodInMinutes !== rhythm.intervalMinutes) return;
  const when = alignedRunAt(rhythm, { now, scheduledTime: existing.scheduledTime });
  if (when !== undefined) await browser.alarms.create(SYNC_ALARM, { when, periodInMinutes: rhythm.intervalMinutes });
}

export async function nextSyncAt(): Promise<number | undefined> {
  return (await browser.alarms.get(SYNC_ALARM))?.scheduledTime;
}

export interface SyncControl {
  /** starts a sync unless one is running in this worker; never throws */
  start(trigger: SyncRun['trigger']): { started: boolean; done: Promise<SyncRun | undefined> };
  isRunning(): boolean;
}

/**
 * One sync at a time. The flag is in memory on purpose: a sync lives exactly as long as the worker
 * running it, so a restarted worker correctly sees no sync in progress.
 */
export function createSyncControl(run: RunSync, onFinished: (run: SyncRun | undefined, error?: unknown) => void): SyncControl {
  let running: Promise<SyncRun | undefined> | undefined;
  return {
    isRunning: () => !!running,
    start(trigger) {
      if (running) return { started: false, done: running };
      const done = run(trigger).then(
        (r) => {
          onFinished(r);
          return r;
        },
        (err) => {
          onFinished(undefined, err);
          return undefined;
        },
      );
      running = done.finally(() => {
        running = undefined;
      });
      return { started: true, done };
    },
  };
}

/**
 * Registers the alarm listener (synchronously) and keeps the alarm in step with the setting and, after
 * each of its runs, with the shop's rhythm.
 */
export function scheduleSync(opts: {
  control: SyncControl;
  intervalMinutes(): Promise<number>;
  watchInterval(cb: (minutes: number) => void): void;
  rhythm(): Promise<Rhythm>;
}): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void opts.control
      .start('alarm')
      .done.then(() => opts.rhythm())
      .then((rhythm) => alignSyncAlarm(rhythm))
      .catch(() => undefined);
  });
  void opts.intervalMinutes().then(ensureSyncAlarm);
  let last: number | undefined;
  opts.watchInterval((minutes) => {
    if (minutes === last) return;
    last = minutes;
    void ensureSyncAlarm(minutes);
  });
}
