// When a parcel is worth a tracking call, and which ones a run spends its share of the day's budget on.
// A parcel is checked when it can have changed: not before its pickup can have happened, often while
// out for delivery, every few hours while moving, rarely when stuck, never after 배달완료 or cancel
// (those leave the tracked states). Pure: the sync asks it, the bench simulates a month with it.
import type { Shipment } from '../db/types';

const HOUR = 60 * 60 * 1000;

/** What the last tracking said about a parcel, kept on the shipment so planning reads no events. */
type TrackPhase = NonNullable<Shipment['trackPhase']>;

/** Lower = more urgent when the budget binds: out for delivery first (배달완료 is what the shop waits for). */
const PRIORITY: Record<TrackPhase, number> = { outForDelivery: 0, moving: 1, exception: 2, accepted: 2, none: 3 };

/** How long after a check the parcel is worth another, by what the last check said. */
const EVERY: Record<TrackPhase, number> = {
  outForDelivery: 2 * HOUR,
  moving: 6 * HOUR,
  accepted: 6 * HOUR,
  exception: 12 * HOUR,
  none: 6 * HOUR,
};
/**
 * Parcels are delivered 08:00–21:00 KST. Outside those hours nothing the shop waits for happens (hub
 * scans at night change nothing in godomall), so no check is spent there: a check that falls due at
 * night waits for the morning.
 */
const DELIVERY_HOURS = { from: 8, to: 21 };

/** 08:00 KST of the delivery day `at` belongs to (the same day from 08:00 on, else the day before's). */
function deliveryDayStart(at: number): number {
  const kst = at + 9 * HOUR;
  const start = kst - (kst % (24 * HOUR)) + DELIVERY_HOURS.from * HOUR - 9 * HOUR;
  return start <= at ? start : start - 24 * HOUR;
}

/** `at`, or the next start of the delivery hours (KST) when `at` falls outside them. */
function inDeliveryHours(at: number): number {
  const kstHour = ((at + 9 * HOUR) % (24 * HOUR)) / HOUR;
  if (kstHour >= DELIVERY_HOURS.from && kstHour < DELIVERY_HOURS.to) return at;
  const toMorning = (DELIVERY_HOURS.from - kstHour + 24) % 24;
  return at + toMorning * HOUR;
}
/**
 * A number nobody has scanned yet: the post office picks it up hours after 예약 and it travels overnight,
 * so the first look that can tell the shop anything is the next delivery morning.
 */
const FIRST_CHECK_AFTER_RESERVE = 16 * HOUR;
/** issued but not reserved: the parcel may sit at the shop for days */
const UNRESERVED_EVERY = 12 * HOUR;
/** no new scan for this long: stuck, looked at once a day */
const STUCK_EVERY = 24 * HOUR;

export type Trackable = Pick<Shipment, 'state' | 'createdAt' | 'reservedAt' | 'printedAt' | 'lastEventAt' | 'lastCheckedAt' | 'trackPhase'>;

/** When this parcel is next worth a call (epoch ms). */
export function nextCheckAt(s: Trackable, stuckDays: number): number {
  const phase = s.trackPhase ?? 'none';
  if (phase === 'none' && !s.lastEventAt) {
    // a number godomall already shows as 배송중 (typed by hand, adopted) is on its way: look at once
    if (s.state === 'shipping' && !s.reservedAt && !s.lastCheckedAt) return s.createdAt;
    const handedOver = s.reservedAt ?? s.printedAt;
    if (!handedOver) return inDeliveryHours((s.lastCheckedAt ?? s.createdAt) + UNRESERVED_EVERY);
    const first = handedOver + FIRST_CHECK_AFTER_RESERVE;
    return inDeliveryHours(s.lastCheckedAt && s.lastCheckedAt >= first ? s.lastCheckedAt + EVERY.none : first);
  }
  const last = s.lastCheckedAt ?? 0;
  const stuck = stuckDays > 0 && s.lastEventAt !== undefined && last - s.lastEventAt > stuckDays * 24 * HOUR;
  if (stuck) return inDeliveryHours(last + STUCK_EVERY);
  if (phase === 'moving' && s.lastEventAt !== undefined) {
    // parcels go out for delivery in the morning: one whose last hub scan is from before this delivery
    // day's start is on its delivery day (every 2 h); one scanned during the day travels tonight
    const today = deliveryDayStart(last);
    return s.lastEventAt < today ? inDeliveryHours(last + EVERY.outForDelivery) : today + 24 * HOUR;
  }
  return inDeliveryHours(last + EVERY[phase]);
}

function trackPriority(s: Trackable): number {
  return PRIORITY[s.trackPhase ?? 'none'];
}

/**
 * This run's share of what is left of the day's budget: twice the even share of the runs left in
 * today's delivery hours (deliveries bunch in the morning and midday, and what a run leaves unspent
 * carries over), never more than is left, at least one call so a tight budget still moves the most
 * urgent parcel.
 */
export function runBudget(opts: { dailyBudget: number; usedToday: number; now: number; intervalMinutes: number }): number {
  const left = Math.max(0, opts.dailyBudget - opts.usedToday);
  if (left === 0) return 0;
  const kstHour = ((opts.now + 9 * HOUR) % (24 * HOUR)) / HOUR;
  const hoursLeft = Math.max(0, DELIVERY_HOURS.to - Math.max(kstHour, DELIVERY_HOURS.from));
  const runsLeft = Math.max(1, Math.ceil((hoursLeft * 60) / opts.intervalMinutes));
  return Math.min(left, Math.max(1, Math.floor((2 * left) / runsLeft)));
}

/**
 * The parcels this run checks: those due (every live one when `all`: the operator's 수동 업데이트),
 * most urgent first, then the longest unchecked, within `budget`.
 */
export function planTracking<T extends Trackable>(
  parcels: readonly T[],
  opts: { now: number; stuckDays: number; budget: number; all?: boolean },
): T[] {
  return parcels
    .filter((p) => opts.all || nextCheckAt(p, opts.stuckDays) <= opts.now)
    .sort((a, b) => trackPriority(a) - trackPriority(b) || (a.lastCheckedAt ?? 0) - (b.lastCheckedAt ?? 0))
    .slice(0, Math.max(0, opts.budget));
}
