// The tracking scheduler: when a parcel is worth a call, and what a run spends its budget on.
import { describe, expect, it } from 'vitest';
import { nextCheckAt, planTracking, runBudget, type Trackable } from '../../../lib/shipments/track-plan';

const H = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 30, 0, 0, 0); // 09:00 KST
const parcel = (over: Partial<Trackable> & { id?: string } = {}) => ({ id: 'p', state: 'reserved' as const, createdAt: T0, ...over });

describe('when a parcel is worth a tracking call', () => {
  it('not before its pickup can have happened: 3 h after 예약, and an unreserved number only twice a day', () => {
    expect(nextCheckAt(parcel({ reservedAt: T0 }), 3)).toBe(T0 + 3 * H);
    expect(nextCheckAt(parcel({ state: 'issued' }), 3)).toBe(T0 + 12 * H);
    // nothing scanned at the first look: again in 6 h
    expect(nextCheckAt(parcel({ reservedAt: T0, lastCheckedAt: T0 + 3 * H, trackPhase: 'none' }), 3)).toBe(T0 + 9 * H);
  });

  it('often while out for delivery, every 4 h while moving, once a day when stuck', () => {
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - H, trackPhase: 'outForDelivery' }), 3)).toBe(T0 + 2 * H);
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - H, trackPhase: 'moving' }), 3)).toBe(T0 + 4 * H);
    expect(nextCheckAt(parcel({ lastCheckedAt: T0, lastEventAt: T0 - 4 * 24 * H, trackPhase: 'moving' }), 3)).toBe(T0 + 24 * H);
  });

  it('a number godomall already shows as 배송중 (typed by hand) is looked at at once', () => {
    expect(nextCheckAt(parcel({ state: 'shipping' }), 3)).toBe(T0);
  });
});

describe('a run within its budget', () => {
  it("the day's budget is spread over the runs left before KST midnight", () => {
    // 09:00 KST, a run every 2 h: 8 runs left today (09, 11, …, 23)
    expect(runBudget({ dailyBudget: 10_000, usedToday: 0, now: T0, intervalMinutes: 120 })).toBe(1250);
    expect(runBudget({ dailyBudget: 10_000, usedToday: 9_990, now: T0, intervalMinutes: 120 })).toBe(1);
    expect(runBudget({ dailyBudget: 10_000, usedToday: 10_000, now: T0, intervalMinutes: 120 })).toBe(0);
  });

  it('a budget that binds goes to what matters first: out for delivery, then moving, then the rest', () => {
    const now = T0 + 10 * H;
    const parcels = [
      parcel({ id: 'none', reservedAt: T0 }),
      parcel({ id: 'moving', lastCheckedAt: T0, lastEventAt: T0, trackPhase: 'moving' }),
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
