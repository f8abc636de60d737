// The settle sweep's alarm: set for the earliest unknown send's window, never pushed later by a later
// one, and a sweep on every firing and at every worker start.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { armSettleAlarm, scheduleSettle, SETTLE_ALARM } from '../../../lib/background/settle';

beforeEach(() => fakeBrowser.reset());

describe('settle alarm', () => {
  it('fires for the earliest due send: a later one never pushes it back, an earlier one brings it forward', async () => {
    const t = Date.now() + 120_000;
    await armSettleAlarm(t);
    await armSettleAlarm(t + 60_000);
    expect((await fakeBrowser.alarms.get(SETTLE_ALARM))?.scheduledTime).toBe(t);
    await armSettleAlarm(t - 30_000);
    expect((await fakeBrowser.alarms.get(SETTLE_ALARM))?.scheduledTime).toBe(t - 30_000);
  });

  it('sweeps at worker start and at each firing, one sweep at a time', async () => {
    let sweeps = 0;
    let release!: () => void;
    scheduleSettle(async () => {
      sweeps++;
      await new Promise<void>((r) => (release = r));
    });
    expect(sweeps).toBe(1); // at start: a worker stopped when the alarm fired settles what is due
    await fakeBrowser.alarms.onAlarm.trigger({ name: SETTLE_ALARM, scheduledTime: Date.now() });
    expect(sweeps).toBe(1); // the running sweep re-arms for what is left; no second one beside it
    release();
    await new Promise((r) => setTimeout(r, 5));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'epost-sync', scheduledTime: Date.now() });
    expect(sweeps).toBe(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SETTLE_ALARM, scheduledTime: Date.now() });
    expect(sweeps).toBe(2);
  });
});
