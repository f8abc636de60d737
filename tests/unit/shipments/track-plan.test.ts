// The tracking scheduler: when a parcel is worth a call, and what a run spends its budget on.
import { describe, expect, it } from 'vitest';
import {
  nextCheckAt,
  noteRoundOut,
  planTracking,
  roundsDays,
  roundsOutByFrom,
  runBudget,
  type Trackable,
} from '../../../lib/shipments/track-plan';

const H = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 30, 0, 0, 0); // 09:00 KST
const parcel = (over: Partial<Trackable> & { id?: string } = {}) => ({ id: 'p', state: 'reserved' as const, createdAt: T0, ...over });

describe('when a parcel is worth a tracking call', () => {
  it('not before it can tell anything: the next delivery morning after 예약, and never at night', () => {
    // 예약 at 09:00 KST: picked up in the afternoon, travels overnight — first look 10:00 KST next day
    expect(nextCheckAt(parcel({ reservedAt: T0 }), 3)).toBe(T0 + 25 * H);
    // 예약 at 23:00 KST: picked up the next afternoon at the earliest — first look two mornings later
    expect(nextCheckAt(parcel({ reservedAt: T0 + 14 * H }), 3)).toBe(T0 + 49 * H);
    // issued, not reserved: 12 h later, moved out of the night to 08:00
    expect(nextCheckAt(parcel({ state: 'issued' }), 3)).toBe(T0 + 23 * H);
    // nothing scanned at the first look: not picked up yet, so again at the next day's first look
    expect(nextCheckAt(parcel({ reservedAt: T0, lastCheckedAt: T0 + 25 * H, trackPhase: 'none' }), 3)).toBe(T0 + 49 * H);
  });

  it('every 2 h out for delivery or on its delivery day, the next morning when still travelling, once a day when stuck', () => {
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - H, trackPhase: 'outForDelivery' }), 3)).toBe(T0 + 2 * H);
    // last hub scan at 03:00 KST, before this delivery day began: it goes out today
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - 6 * H, trackPhase: 'moving' }), 3)).toBe(T0 + 2 * H);
    // scanned at 10:00 KST today: it travels tonight, the next look is tomorrow's first look (10:00)
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 2 * H, lastEventAt: T0 + H, trackPhase: 'moving' }), 3)).toBe(T0 + 25 * H);
    // last scanned before the day began and still not out for delivery at noon: tomorrow's round
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 3 * H, lastEventAt: T0 - 6 * H, trackPhase: 'moving' }), 3)).toBe(T0 + 25 * H);
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - 4 * 24 * H, trackPhase: 'moving' }), 3)).toBe(T0 + 24 * H);
    // a check falling due at night waits for 08:00
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 11 * H, lastEventAt: T0 + 10 * H, trackPhase: 'outForDelivery' }), 3)).toBe(
      T0 + 23 * H,
    );
  });

  it("the noon re-look follows when the shop's rounds really leave, once a few days show it", () => {
    expect(roundsOutByFrom([])).toBe(12);
    expect(roundsOutByFrom([9.5, 9.9])).toBe(12); // two days are not enough to trust
    expect(roundsOutByFrom([9.2, 9.8, 9.99])).toBe(10);
    expect(roundsOutByFrom([9.2, 10.3, 9.1])).toBe(11); // one round left at 10:18: re-looked until 11:00
    expect(roundsOutByFrom([8.1, 8.5, 8.9])).toBe(10); // never before the first look
    expect(roundsOutByFrom([13.2, 9, 9])).toBe(12); // never later than noon
    // last scanned before the day began, not out at the 10:00 look: with rounds out by 10:00 it waits
    // for tomorrow's first look; with the default noon, it is looked at again at 12:00
    const notOut = parcel({ lastCheckedAt: T0 + H, lastEventAt: T0 - 6 * H, trackPhase: 'moving' });
    expect(nextCheckAt(notOut, 3)).toBe(T0 + 3 * H);
    expect(nextCheckAt(notOut, 3, 10)).toBe(T0 + 25 * H);
    expect(planTracking([notOut], { now: T0 + 3 * H, stuckDays: 3, budget: 10, roundsOutBy: 10 })).toEqual([]);
  });

  it('keeps per KST day the latest out-for-delivery scan, over the last two weeks', () => {
    const seen = new Map<string, number>();
    noteRoundOut(seen, T0 + 0.5 * H); // 09:30 KST on 2026-11-30
    noteRoundOut(seen, T0 - 0.25 * H); // 08:45 the same day
    noteRoundOut(seen, T0 - 14 * H); // 19:00 KST on 2026-11-29
    expect([...seen]).toEqual([
      ['20261130', 9.5],
      ['20261129', 19],
    ]);
    const days = roundsDays(T0);
    expect([days.length, days[0], days[days.length - 1]]).toEqual([14, '20261117', '20261130']);
  });

  it('a number godomall already shows as 배송중 (typed by hand) is looked at at once', () => {
    expect(nextCheckAt(parcel({ state: 'shipping' }), 3)).toBe(T0);
  });
});

describe('a run within its budget', () => {
  it("the day's budget goes to the runs left in today's delivery hours, front-loaded", () => {
    // 09:00 KST, a run every 2 h: 6 runs left before 21:00; a run may spend twice its even share
    expect(runBudget({ dailyBudget: 10_000, usedToday: 0, now: T0, intervalMinutes: 120 })).toBe(3333);
    expect(runBudget({ dailyBudget: 10_000, usedToday: 9_990, now: T0, intervalMinutes: 120 })).toBe(3);
    // 20:00 KST: the last run of the day may spend all that is left
    expect(runBudget({ dailyBudget: 10_000, usedToday: 4_000, now: T0 + 11 * H, intervalMinutes: 120 })).toBe(6_000);
    expect(runBudget({ dailyBudget: 10_000, usedToday: 10_000, now: T0, intervalMinutes: 120 })).toBe(0);
  });

  it('a budget that binds goes to what matters first: out for delivery, then moving, then the rest', () => {
    const now = T0 + 10 * H;
    const parcels = [
      parcel({ id: 'none', reservedAt: T0 - 24 * H }),
      parcel({ id: 'moving', lastCheckedAt: T0, lastEventAt: T0 - 6 * H, trackPhase: 'moving' }),
      parcel({ id: 'out', lastCheckedAt: T0 + 5 * H, lastEventAt: T0 + 4 * H, trackPhase: 'outForDelivery' }),
      parcel({ id: 'notYet', lastCheckedAt: now - H, lastEventAt: now - 2 * H, trackPhase: 'moving' }),
    ];
    expect(planTracking(parcels, { now, stuckDays: 3, budget: 2 }).map((p) => p.id)).toEqual(['out', 'moving']);
    expect(planTracking(parcels, { now, stuckDays: 3, budget: 10 }).map((p) => p.id)).toEqual(['out', 'moving', 'none']);
    // the operator's 수동 업데이트: every live parcel, still most urgent first
    expect(planTracking(parcels, { now, stuckDays: 3, budget: 10, all: true }).map((p) => p.id)).toEqual([
      'out',
      'moving',
      'notYet',
      'none',
    ]);
  });
});
