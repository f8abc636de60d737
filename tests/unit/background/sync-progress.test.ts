// The popup's sync progress: the running sync's calls of the parcels it planned (its journal row).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Shipment } from '../../../lib/db/types';
import { OPTIONS_SENDER, startTestBackground, type TestBackground } from './helpers';
import { bareShipment } from '../bare-shipment';

let bg: TestBackground;
beforeEach(async () => {
  bg = await startTestBackground();
});
afterEach(async () => bg.close());

function parcel(n: number, patch: Partial<Shipment>): Shipment {
  const key = `26112800000000${String(n).padStart(2, '0')}`;
  return bareShipment(key, {
    liveBaseKey: key,
    state: 'reserved',
    regiNo: `68921223160${String(n).padStart(2, '0')}`,
    godomallStatus: 'g1',
    ...patch,
  });
}

describe('sync progress', () => {
  it('an alarm run counts what it planned, not every live parcel; each call once; nothing once it ends', async () => {
    const now = Date.now();
    await bg.ctx.db.shipments.bulkPut([
      parcel(1, { state: 'shipping' }), // a number godomall shows as 배송중, never looked at: due at once
      parcel(2, { state: 'shipping' }),
      parcel(3, { reservedAt: now, createdAt: now }), // just reserved: nothing to learn before tomorrow
      parcel(4, { test: true, regiNo: 'TESTREGINOAPI' }),
      parcel(5, { state: 'delivered' }),
    ]);
    await bg.send('saveSettings', { settings: {}, secrets: { traceKey: bg.epost.control.keys.traceKey } }, OPTIONS_SENDER);
    bg.epost.control.setFaults({ latencyMs: 150 });
    const done = bg.sync.start('alarm').done;
    const seen: Array<{ checked: number; total: number }> = [];
    while (bg.sync.isRunning()) {
      const p = (await bg.send('dashboard', undefined, OPTIONS_SENDER)).res.syncProgress;
      if (p) seen.push(p);
      await new Promise((r) => setTimeout(r, 20));
    }
    const run = await done;
    expect(run?.calls).toBe(2);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.total === 2 && p.checked <= 2)).toBe(true);
    expect(seen.some((p) => p.checked < 2)).toBe(true);
    expect((await bg.send('dashboard', undefined, OPTIONS_SENDER)).res.syncProgress).toBeUndefined();
  });

  it('a real manual sync over the simulator checks every live parcel', async () => {
    await bg.ctx.db.shipments.bulkPut([parcel(1, {}), parcel(2, {})]);
    await bg.send('saveSettings', { settings: {}, secrets: { traceKey: bg.epost.control.keys.traceKey } }, OPTIONS_SENDER);
    expect((await bg.send('syncNow', undefined, OPTIONS_SENDER)).res).toEqual({ started: true });
    expect((await bg.send('dashboard', undefined, OPTIONS_SENDER)).res.syncing).toBe(true);
    const run = await bg.sync.start('manual').done;
    expect(run?.checked).toBe(2);
    const after = (await bg.send('dashboard', undefined, OPTIONS_SENDER)).res;
    expect(after.syncing).toBe(false);
    expect(after.syncProgress).toBeUndefined();
    expect(after.lastSync.checked).toBe(2);
  });
});
