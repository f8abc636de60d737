// The tracking scheduler: when a parcel is worth a call, and what a run spends its budget on.
import { describe, expect, it } from 'vitest';
import { nextCheckAt, planTracking, runBudget, type Trackable } from '../../../lib/shipments/track-plan';
import { DEFAULT_RHYTHM } from '../../../lib/shipments/rhythm';

const H = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 30, 0, 0, 0); // 09:00 KST
const parcel = (over: Partial<Trackable> & { id?: string } = {}) => ({ id: 'p', state: 'reserved' as const, createdAt: T0, ...over });

describe('when a parcel is worth a tracking call', () => {
  it('a hub scan early in the delivery day can still make a round that leaves late: every run until the rounds have left', () => {
    // scanned 08:30 KST, rounds out by noon: it may go out at 11:30 — looked at every run, not tomorrow
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - 30 * 60_000, trackPhase: 'moving' }), 3)).toBe(T0);
    // scanned 09:30: too late for a round leaving by noon — tomorrow's first look
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + H, lastEventAt: T0 + 30 * 60_000, trackPhase: 'moving' }), 3)).toBe(T0 + 25 * H);
  });

  it("미배달: from the next delivery day's first look, every run that day; a day later twice a day", () => {
    // 미배달 scanned 16:00 KST, seen at 17:00: nothing until tomorrow's first look (10:00), not 12 h later (05:00 → 08:00)
    const seen = parcel({ lastCheckedAt: T0 + 8 * H, lastEventAt: T0 + 7 * H, trackPhase: 'undelivered' });
    expect(nextCheckAt(seen, 3)).toBe(T0 + 25 * H);
    // on the redelivery day, every run (2 h less the 2-hour interval: the next run), afternoon too
    expect(nextCheckAt({ ...seen, lastCheckedAt: T0 + 29 * H }, 3)).toBe(T0 + 29 * H);
    // the day after the redelivery day, still undelivered (a customer away): 12 h later, 08:30 → 20:30
    expect(nextCheckAt({ ...seen, lastCheckedAt: T0 + 47 * H + 30 * 60_000 }, 3)).toBe(T0 + 59 * H + 30 * 60_000);
  });

  it('never a look on a Sunday (KST) for a parcel waiting for a round: Korea Post neither collects nor delivers then', () => {
    const D = 24 * H;
    const monday = T0 + 7 * D + H; // 10:00 KST, Monday 2026-12-07
    // reserved Saturday 09:00: its first look would be Sunday's
    expect(nextCheckAt(parcel({ reservedAt: T0 + 5 * D }), 3)).toBe(monday);
    // last scanned at a hub on Saturday afternoon: tomorrow's first look is Monday's
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 5 * D + 8 * H, lastEventAt: T0 + 5 * D + 6 * H, trackPhase: 'moving' }), 3)).toBe(
      monday,
    );
    // scanned early on Sunday: no round leaves that day, so not every run
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 6 * D, lastEventAt: T0 + 6 * D - 6 * H, trackPhase: 'moving' }), 3)).toBe(monday);
    // 미배달 on Saturday: redelivered from Monday's round
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 5 * D + 8 * H, lastEventAt: T0 + 5 * D + 7 * H, trackPhase: 'undelivered' }), 3)).toBe(
      monday,
    );
    // a parcel out for delivery is looked at whatever the day
    const sundayOut = parcel({ lastCheckedAt: T0 + 6 * D, lastEventAt: T0 + 6 * D - H, trackPhase: 'outForDelivery' });
    expect(nextCheckAt(sundayOut, 3)).toBe(T0 + 6 * D);
  });

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

  it('every run out for delivery or on its delivery day, the next morning when still travelling, once a day when stuck', () => {
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - H, trackPhase: 'outForDelivery' }), 3)).toBe(T0);
    expect(
      planTracking([parcel({ lastCheckedAt: T0, lastEventAt: T0 - H, trackPhase: 'outForDelivery' })], {
        now: T0 + 2 * H - 5 * 60_000,
        stuckDays: 3,
        budget: 1,
      }),
    ).toHaveLength(1); // a run 5 minutes early still makes it
    // last hub scan at 03:00 KST, before this delivery day began: it goes out today
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - 6 * H, trackPhase: 'moving' }), 3)).toBe(T0);
    // scanned at 10:00 KST today: it travels tonight, the next look is tomorrow's first look (10:00)
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 2 * H, lastEventAt: T0 + H, trackPhase: 'moving' }), 3)).toBe(T0 + 25 * H);
    // last scanned before the day began and still not out for delivery at noon: tomorrow's round
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 3 * H, lastEventAt: T0 - 6 * H, trackPhase: 'moving' }), 3)).toBe(T0 + 25 * H);
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - 4 * 24 * H, trackPhase: 'moving' }), 3)).toBe(T0 + 24 * H);
    // a check falling due at night waits for 08:00
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 12 * H, lastEventAt: T0 + 10 * H, trackPhase: 'outForDelivery' }), 3)).toBe(
      T0 + 23 * H,
    );
  });

  it("the noon re-look follows when the shop's rounds really leave (rhythm.ts)", () => {
    // last scanned before the day began, not out at the 10:00 look: with rounds out by 10:00 it waits
    // for tomorrow's first look; with the default noon, the next run (12:00) looks again
    const notOut = parcel({ lastCheckedAt: T0 + H, lastEventAt: T0 - 6 * H, trackPhase: 'moving' });
    expect(nextCheckAt(notOut, 3)).toBe(T0 + H);
    expect(planTracking([notOut], { now: T0 + 3 * H, stuckDays: 3, budget: 10 })).toEqual([notOut]);
    const roundsBy10 = { ...DEFAULT_RHYTHM, roundsOutBy: 10 };
    expect(nextCheckAt(notOut, 3, roundsBy10)).toBe(T0 + 25 * H);
    expect(planTracking([notOut], { now: T0 + 3 * H, stuckDays: 3, budget: 10, rhythm: roundsBy10 })).toEqual([]);
  });

  it("a delivery day's first look is the rhythm's, for parcels just handed over and those still travelling", () => {
    const late = { ...DEFAULT_RHYTHM, firstLook: 11.5 };
    expect(nextCheckAt(parcel({ reservedAt: T0 }), 3, late)).toBe(T0 + 26.5 * H);
    expect(nextCheckAt(parcel({ lastCheckedAt: T0 + 2 * H, lastEventAt: T0 + H, trackPhase: 'moving' }), 3, late)).toBe(T0 + 26.5 * H);
  });

  it('out for delivery: looked at on every run at 2 h, so a 수동 업데이트 in between never stretches the gap past 2 h', () => {
    // checked by the operator's button at 10:30 KST; the alarm's run at 11:00 looks again (waiting for
    // 13:00 would leave a delivery at 10:31 unseen for almost 2.5 h)
    const out = parcel({ lastCheckedAt: T0 + 1.5 * H, lastEventAt: T0 - 0.5 * H, trackPhase: 'outForDelivery' });
    expect(planTracking([out], { now: T0 + 2 * H, stuckDays: 3, budget: 10 })).toEqual([out]);
    // with a run every 30 minutes, every third run is enough
    const halfHourly = { ...DEFAULT_RHYTHM, intervalMinutes: 30 };
    expect(nextCheckAt(out, 3, halfHourly)).toBe(T0 + 3 * H);
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
