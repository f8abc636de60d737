// The 2-hour schedule survives worker restarts (get-then-create) and follows the setting.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { alignSyncAlarm, createSyncControl, ensureSyncAlarm, nextSyncAt, scheduleSync, SYNC_ALARM } from '../../../lib/background/sync';
import { DEFAULT_RHYTHM, type Rhythm } from '../../../lib/shipments/rhythm';
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

describe("sync alarm in the shop's rhythm", () => {
  const H = 60 * 60 * 1000;
  // runs learned to belong at 10:55 KST (01:55 UTC) and every 2 h from there
  const learned: Rhythm = { ...DEFAULT_RHYTHM, firstLook: 11 + 10 / 60, alignAt: 10 + 55 / 60 };
  const kst = (h: number) => Date.UTC(2026, 10, 30, h - 9, Math.round((h % 1) * 60));

  it('after a run the alarm moves to its place in the day, keeping its period; once there it stays', async () => {
    await fakeBrowser.alarms.create(SYNC_ALARM, { when: kst(11.5), periodInMinutes: 120 });
    await alignSyncAlarm(learned, kst(9.5)); // the run at 09:30 just ended
    const moved = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect([moved?.scheduledTime, moved?.periodInMinutes]).toEqual([kst(10 + 55 / 60), 120]);
    await alignSyncAlarm(learned, kst(10 + 56 / 60)); // the run at 10:55 ended: 12:55 is already next
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(kst(10 + 55 / 60));
  });

  it('nothing learned, or an interval the rhythm was not worked out for: the alarm is left as it is', async () => {
    await fakeBrowser.alarms.create(SYNC_ALARM, { when: kst(11.5), periodInMinutes: 120 });
    await alignSyncAlarm(DEFAULT_RHYTHM, kst(9.5));
    await alignSyncAlarm({ ...learned, intervalMinutes: 60 }, kst(9.5));
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(kst(11.5));
  });

  it('the alarm run starts the sync and then aligns the alarm', async () => {
    const started: string[] = [];
    const control = createSyncControl(
      async (trigger) => {
        started.push(trigger);
        return undefined;
      },
      () => undefined,
    );
    let rhythmAsked = 0;
    // the alarm as it was: every 2 h, an hour off the learned grid
    const grid = kst(10 + 55 / 60);
    const slot = grid + Math.ceil((Date.now() - grid) / (2 * H)) * 2 * H;
    const when = slot + H - 2 * H > Date.now() ? slot - H : slot + H;
    await fakeBrowser.alarms.create(SYNC_ALARM, { when, periodInMinutes: 120 });
    scheduleSync({
      control,
      intervalMinutes: async () => 120,
      watchInterval: () => undefined,
      rhythm: async () => {
        rhythmAsked++;
        return learned;
      },
    });
    await new Promise((r) => setTimeout(r, 5));
    const before = (await fakeBrowser.alarms.get(SYNC_ALARM))!;
    await fakeBrowser.alarms.onAlarm.trigger(before);
    await new Promise((r) => setTimeout(r, 5));
    const after = (await fakeBrowser.alarms.get(SYNC_ALARM))!;
    expect(before.scheduledTime).toBe(when);
    expect(started).toEqual(['alarm']);
    expect(rhythmAsked).toBe(1);
    // now on the 10:55 KST grid, every 2 h, within one interval of this run
    const off = (((after.scheduledTime - grid) % (2 * H)) + 2 * H) % (2 * H);
    expect(off).toBe(0);
    expect(after.scheduledTime - Date.now()).toBeLessThanOrEqual(2 * H);
    expect(after.periodInMinutes).toBe(120);
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
