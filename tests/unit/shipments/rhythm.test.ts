// The shop's delivery rhythm: what its parcels' scans teach the plan and the sync alarm.
import { describe, expect, it } from 'vitest';
import { alignedRunAt, DEFAULT_RHYTHM, mergeDay, noteScan, rhythmDays, rhythmFrom, type DayRhythm } from '../../../lib/shipments/rhythm';

const H = 60 * 60 * 1000;
const M = 60 * 1000;
const T0 = Date.UTC(2026, 10, 30, 0, 0, 0); // 09:00 KST, 2026-11-30

/** A day on which `n` parcels were delivered evenly from `from` to `to` (KST hours) and rounds left by `out`. */
function day(from: number, to: number, n: number, out?: number): DayRhythm {
  const days = new Map<string, DayRhythm>();
  for (let i = 0; i < n; i++) noteScan(days, { status: 'delivered', at: T0 + (from - 9 + ((to - from) * i) / n) * H });
  if (out !== undefined) noteScan(days, { status: 'outForDelivery', at: T0 + (out - 9) * H });
  return days.get('20261130')!;
}

describe("the shop's delivery rhythm", () => {
  it('keeps per KST day the latest out-for-delivery scan and the deliveries per 10 minutes, over two weeks', () => {
    const seen = new Map<string, DayRhythm>();
    noteScan(seen, { status: 'outForDelivery', at: T0 + 0.5 * H }); // 09:30 KST on 2026-11-30
    noteScan(seen, { status: 'outForDelivery', at: T0 - 0.25 * H }); // 08:45 the same day
    noteScan(seen, { status: 'delivered', at: T0 + 2.1 * H }); // 11:06
    noteScan(seen, { status: 'delivered', at: T0 + 2.15 * H }); // 11:09, the same 10 minutes
    noteScan(seen, { status: 'moving', at: T0 }); // says nothing of the rhythm
    noteScan(seen, { status: 'outForDelivery', at: T0 - 14 * H }); // 19:00 KST on 2026-11-29
    expect(seen.get('20261129')).toEqual({ lastOut: 19 });
    const today = seen.get('20261130')!;
    expect(today.lastOut).toBe(9.5);
    expect(today.delivered![66]).toBe(2); // 11:00–11:10
    expect(today.delivered!.reduce((a, b) => a + b)).toBe(2);
    const days = rhythmDays(T0);
    // the two weeks before today: today's deliveries so far are its early ones only and would pull the first look earlier
    expect([days.length, days[0], days[days.length - 1]]).toEqual([14, '20261116', '20261129']);
  });

  it('what a run saw adds to what was kept: the later round, the deliveries summed', () => {
    const merged = mergeDay(day(11, 12, 3, 9.2), day(11, 12, 2, 9.8));
    expect(merged.lastOut).toBe(9.8);
    expect(merged.delivered!.reduce((a, b) => a + b)).toBe(5);
    expect(mergeDay(undefined, { lastOut: 9 })).toEqual({ lastOut: 9 });
  });

  it('rounds: the latest of the days, rounded up, between 10:00 and noon, once three days show it', () => {
    const rounds = (...outs: number[]) =>
      rhythmFrom(
        outs.map((lastOut) => ({ lastOut })),
        120,
      ).roundsOutBy;
    expect(rounds()).toBe(12);
    expect(rounds(9.5, 9.9)).toBe(12); // two days are not enough to trust
    expect(rounds(9.2, 9.8, 9.99)).toBe(10);
    expect(rounds(9.2, 10.3, 9.1)).toBe(11); // one round left at 10:18: re-looked until 11:00
    expect(rounds(8.1, 8.5, 8.9)).toBe(10); // never before the default first look
    expect(rounds(13.2, 9, 9)).toBe(12); // never later than noon
  });

  it("first look: 2 h after the first 1% of deliveries, less the interval; the alarm's runs just before it", () => {
    // deliveries from 11:00 to 17:00 on three days: 1% are made by 11:00–11:10
    const learned = rhythmFrom([day(11, 17, 200), day(11, 17, 200), day(11, 17, 200)], 120);
    expect(learned.firstLook).toBeCloseTo(11 + 10 / 60, 5); // due at 11:10, made by any run from 11:00
    expect(learned.alignAt).toBeCloseTo(10 + 55 / 60, 5); // a run at 10:55 is too early; the next, 12:55
    // hourly runs: the first look may come an hour earlier and still see 11:00's deliveries within 2 h
    expect(rhythmFrom([day(11, 17, 200), day(11, 17, 200), day(11, 17, 200)], 60).firstLook).toBeCloseTo(12 + 10 / 60, 5);
    // a few early deliveries are the 1% the look may see late; more than that move the look earlier
    const fewEarly = [day(11, 17, 300), day(11, 17, 300), day(8, 9, 2)];
    expect(rhythmFrom(fewEarly, 120).firstLook).toBeCloseTo(11 + 10 / 60, 5);
    const manyEarly = [day(11, 17, 300), day(11, 17, 300), day(8, 9, 30)];
    expect(rhythmFrom(manyEarly, 120).firstLook).toBeLessThan(9);
  });

  it('until three days and 50 deliveries are seen, the default first look stands and the alarm is not moved', () => {
    expect(rhythmFrom([day(13, 17, 200), day(13, 17, 200)], 120)).toEqual({ ...DEFAULT_RHYTHM });
    expect(rhythmFrom([day(13, 17, 16), day(13, 17, 16), day(13, 17, 16)], 120).alignAt).toBeUndefined();
    // a small shop's 51 deliveries over three days are enough: its earliest stands for the first 2%
    expect(rhythmFrom([day(13, 17, 17), day(13, 17, 17), day(13, 17, 17)], 120).firstLook).toBeCloseTo(13 + 10 / 60, 5);
    expect(alignedRunAt(DEFAULT_RHYTHM, { now: T0, scheduledTime: T0 + 37 * M })).toBeUndefined();
  });

  it('the alarm moves to the next place in the day after a run, and stays when it is there', () => {
    const rhythm = { ...DEFAULT_RHYTHM, firstLook: 11 + 10 / 60, alignAt: 10 + 55 / 60 };
    // a run at 09:30 KST, the next one scheduled at 11:30: it moves to 10:55 (never later than 2 h on)
    expect(alignedRunAt(rhythm, { now: T0 + 0.5 * H, scheduledTime: T0 + 2.5 * H })).toBe(T0 + 1 * H + 55 * M);
    // a run at 11:30 KST: the next place is 12:55
    expect(alignedRunAt(rhythm, { now: T0 + 2.5 * H, scheduledTime: T0 + 4.5 * H })).toBe(T0 + 3 * H + 55 * M);
    // scheduled at 12:57 (or at 10:53 the day after): close enough, left alone
    expect(alignedRunAt(rhythm, { now: T0 + 2 * H, scheduledTime: T0 + 3 * H + 57 * M })).toBeUndefined();
    expect(alignedRunAt(rhythm, { now: T0 + 2 * H, scheduledTime: T0 + 25 * H + 53 * M })).toBeUndefined();
  });
});
