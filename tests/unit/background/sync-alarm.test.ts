// The 2-hour schedule survives worker restarts (get-then-create) and follows the setting.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createSyncControl, ensureSyncAlarm, nextSyncAt, SYNC_ALARM } from '../../../lib/background/sync';
import type { SyncRun } from '../../../lib/db/types';

beforeEach(() => fakeBrowser.reset());

describe('sync alarm', () => {
  it('creates the alarm once and keeps its schedule across restarts', async () => {
    await ensureSyncAlarm(120);
    const first = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(first?.periodInMinutes).toBe(120);
    await new Promise((r) => setTimeout(r, 5));
    await ensureSyncAlarm(120); // a restarted worker
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
    expect(await nextSyncAt()).toBe(first?.scheduledTime);
  });

  it('re-creates it when the interval changes', async () => {
    await ensureSyncAlarm(120);
    await ensureSyncAlarm(60);
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(60);
  });
});

describe('sync control', () => {
  it('runs one sync at a time and reports how it ended', async () => {
    let release!: () => void;
    const ended: Array<SyncRun | undefined> = [];
    const run: SyncRun = { startedAt: 1, finishedAt: 2, trigger: 'manual', checked: 3, delivered: 1, moving: 0, exceptions: 0, errors: [] };
    const control = createSyncControl(
      () => new Promise((resolve) => (release = () => resolve(run))),
      (r) => ended.push(r),
    );
    const a = control.start('manual');
    const b = control.start('alarm');
    expect([a.started, b.started, control.isRunning()]).toEqual([true, false, true]);
    release();
    await a.done;
    await new Promise((r) => setTimeout(r, 0));
    expect(ended).toEqual([run]);
    expect(control.isRunning()).toBe(false);
    expect(control.start('manual').started).toBe(true);
  });

  it('a failing sync is reported, not thrown', async () => {
    const errors: unknown[] = [];
    const control = createSyncControl(
      () => Promise.reject(new Error('우체국 서버 오류')),
      (_r, e) => errors.push(e),
    );
    await expect(control.start('alarm').done).resolves.toBeUndefined();
    expect((errors[0] as Error).message).toBe('우체국 서버 오류');
  });
});
