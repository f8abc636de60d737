// The sync under a daily tracking budget and Korea Post's load block, end to end on both simulators.
import { afterEach, describe, expect, it } from 'vitest';
import { getKv, lastSyncRun, setKv } from '../../../lib/db/repo/journal';
import { trackingCallsKey } from '../../../lib/shipments/sync';
import { kstYmd } from '../../../lib/epost/kst';
import { noteScan, rhythmDays, type DayRhythm } from '../../../lib/shipments/rhythm';
import { ordinaryOrders, startHarness, waitJob, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function reservedParcels(n: number) {
  h = await startHarness({ rows: 60 });
  const orders = ordinaryOrders(h, 'p1').slice(0, n);
  const s = h.shipments();
  const targets = orders.map((o) => ({ orderNo: o.orderNo, itemSnos: [] }));
  await waitJob(s, await s.startJob({ kind: 'issue', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', targets }));
  const keys = (
    await s.rowShipments(
      h.origin,
      orders.map((o) => o.orderNo),
    )
  ).map((r) => r.key);
  await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys }));
  return { s, keys };
}

describe('sync within the daily tracking budget', () => {
  it('nothing is tracked before its pickup can have happened; a binding budget is honoured and counted per KST day', async () => {
    const { s, keys } = await reservedParcels(6);
    const early = await s.syncAll('alarm');
    expect(early.calls).toBe(0); // just reserved: nothing to learn before the next delivery morning
    expect(early.deferred).toBe(keys.length);
    h!.ep.control.advanceHours(40); // past the first look after 예약 (at most 36 h later), whatever the hour now
    h!.settings.trackingDailyBudget = 4;
    const run = await s.syncAll('alarm');
    expect(run.calls).toBeGreaterThanOrEqual(1);
    expect(run.calls).toBeLessThanOrEqual(4);
    expect(run.deferred).toBe(keys.length - run.calls!);
    const used = (await getKv<number>(h!.db, trackingCallsKey(h!.ep.control.now()))) ?? 0;
    expect(used).toBe(run.calls);
    // the day's budget spent: the next run makes no call at all
    h!.settings.trackingDailyBudget = used;
    expect((await s.syncAll('alarm')).calls).toBe(0);
  });

  it('ERR-131 backs off the whole run: the rest waits for the next run, with one Korean line', async () => {
    const { s, keys } = await reservedParcels(8);
    h!.ep.control.advanceHours(40); // past the first look after 예약 (at most 36 h later), whatever the hour now
    h!.ep.control.setFaults({ loadBlock: 1 }, 'trace');
    const run = await s.syncAll('alarm');
    expect(run.errors.filter((e) => e.includes('ERR-131'))).toHaveLength(1);
    expect(run.checked).toBe(0);
    expect(run.calls).toBeLessThan(keys.length); // stopped: not one blocked call per parcel
    h!.ep.control.clearFaults();
    const next = await s.syncAll('alarm');
    expect(next.checked).toBe(keys.length);
  });

  it('a worker stopped mid-sync: the next one carries the same run on, checking only what was left', async () => {
    const { s, keys } = await reservedParcels(6);
    h!.settings.concurrency = 1;
    let answered = 0;
    const dying = h!.shipments({
      tracking: {
        // the 4th call never answers: the worker died with it on the wire
        track: (regiNo) => (answered < 3 ? h!.tracking.track(regiNo).finally(() => answered++) : new Promise(() => undefined)),
      },
    });
    void dying.syncAll('manual');
    while (answered < 3) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const stopped = await lastSyncRun(h!.db);
    expect(stopped?.finishedAt).toBeUndefined();

    const run = await s.syncAll('alarm');
    expect(run.id).toBe(stopped!.id);
    expect(run.trigger).toBe('manual'); // the resumed run keeps its own kind
    expect(run.checked).toBe(keys.length); // 3 before the stop, 3 after: none twice
    expect(run.finishedAt).toBeDefined();
    // every call went against the day's budget, the one lost with the worker too
    expect(await getKv<number>(h!.db, trackingCallsKey(h!.ep.control.now()))).toBe(keys.length + 1);
    expect((await s.syncAll('alarm')).id).not.toBe(stopped!.id);
  });

  it("learns the shop's rhythm: each day's latest out-for-delivery scan, and each delivery once, for the plan", async () => {
    const { s, keys } = await reservedParcels(4);
    await setKv(h!.db, 'rhythm:20200101', { lastOut: 9 }); // a day the plan no longer reads
    await setKv(h!.db, 'roundsOut:20261101', 9.5); // what the versions before kept
    h!.ep.control.advanceSteps(5); // every parcel scanned through to 배달준비 (out for delivery)
    await s.syncAll('manual');
    expect([await getKv(h!.db, 'rhythm:20200101'), await getKv(h!.db, 'roundsOut:20261101')]).toEqual([undefined, undefined]);
    const scans = (word: string) =>
      keys.flatMap((k) => {
        const regiNo = (h!.ep.control.registrations(k)[0] ?? { regiNo: '' }).regiNo;
        return (h!.ep.control.parcel(regiNo)?.events ?? []).filter((e) => e.word.startsWith(word)).map((e) => e.at);
      });
    const outs = scans('배달준비');
    expect(outs.length).toBeGreaterThan(0);
    const byDay = new Map<string, DayRhythm>();
    for (const at of outs) noteScan(byDay, { status: 'outForDelivery', at });
    // the scan times Korea Post shows are to the minute
    for (const [day, seen] of byDay) expect((await getKv<DayRhythm>(h!.db, `rhythm:${day}`))?.lastOut).toBeCloseTo(seen.lastOut!, 1);
    // a later run that sees an earlier scan of the same day keeps the later hour
    const [day, seen] = [...byDay][0]!;
    await s.syncAll('manual');
    expect((await getKv<DayRhythm>(h!.db, `rhythm:${day}`))?.lastOut).toBeCloseTo(seen.lastOut!, 1);
    // delivered: each parcel counted once in its day, however many runs look afterwards
    h!.ep.control.advanceSteps(5);
    await s.syncAll('manual');
    await s.syncAll('manual');
    const deliveredDays = new Set(scans('배달완료').map((at) => kstYmd(new Date(at))));
    expect(scans('배달완료')).toHaveLength(keys.length);
    let counted = 0;
    for (const d of deliveredDays) counted += ((await getKv<DayRhythm>(h!.db, `rhythm:${d}`))?.delivered ?? []).reduce((a, b) => a + b, 0);
    expect(counted).toBe(keys.length);
  });

  it('plans with what the last two weeks taught: kept days make the first look and where the alarm runs', async () => {
    const { s } = await reservedParcels(1);
    expect(await s.rhythm()).toEqual({ intervalMinutes: 120, roundsOutBy: 12, firstLook: 10 }); // nothing learned yet
    // three days on which 60 parcels a day were delivered from 13:00 (slot 78 = 13:00–13:10)
    const delivered = new Array<number>(144).fill(0);
    for (let slot = 78; slot < 96; slot++) delivered[slot] = 60 / 18;
    for (const d of rhythmDays(h!.ep.control.now()).slice(-3)) await setKv(h!.db, `rhythm:${d}`, { lastOut: 9.5, delivered });
    const learned = await s.rhythm();
    expect(learned.roundsOutBy).toBe(10);
    expect(learned.firstLook).toBeCloseTo(13 + 10 / 60, 5);
    expect(learned.alignAt).toBeCloseTo(12 + 55 / 60, 5);
  });
});
