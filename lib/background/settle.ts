// The settle sweep's alarm (shipments/settle.ts): set for the moment the earliest unknown send can no
// longer be committed at Korea Post, so the look happens even when Chrome has stopped the worker and
// every admin tab is closed. One-shot: each sweep sets it again for the next one due.
export const SETTLE_ALARM = 'epost-settle';

/** Sets the alarm for `at`, unless it is already set to fire sooner. */
export async function armSettleAlarm(at: number): Promise<void> {
  const existing = await browser.alarms.get(SETTLE_ALARM);
  if (existing && existing.scheduledTime <= at) return;
  await browser.alarms.create(SETTLE_ALARM, { when: at });
}

/**
 * Registers the alarm listener (synchronously, at worker start) and sweeps once now: a worker that was
 * stopped when the alarm fired, or was killed mid-send, settles what is due as soon as it starts.
 */
export function scheduleSettle(sweep: () => Promise<unknown>): void {
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= sweep()
      .catch(() => undefined)
      .finally(() => (running = undefined));
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SETTLE_ALARM) run();
  });
  run();
}
