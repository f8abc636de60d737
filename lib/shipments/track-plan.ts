// When a parcel is worth a tracking call, and which ones a run spends its share of the day's budget on.
// A parcel is checked when it can have changed: not before its pickup can have happened, often while
// out for delivery, every few hours while moving, rarely when stuck, never after 배달완료 or cancel
// (those leave the tracked states). Pure: the sync asks it, the bench simulates a month with it.
import type { Shipment } from '../db/types';
import { kstAtHour, kstDaysBetween, kstHourOf, kstYmd } from '../epost/kst';

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
  const start = kstAtHour(at, DELIVERY_HOURS.from);
  return start <= at ? start : start - 24 * HOUR;
}

/** `at`, or the next start of the delivery hours (KST) when `at` falls outside them. */
function inDeliveryHours(at: number): number {
  const kstHour = kstHourOf(at);
  if (kstHour >= DELIVERY_HOURS.from && kstHour < DELIVERY_HOURS.to) return at;
  const toMorning = (DELIVERY_HOURS.from - kstHour + 24) % 24;
  return at + toMorning * HOUR;
}
/**
 * The first look of a delivery day, 10:00 KST. Rounds go out 08–10 and the first parcels arrive about an
 * hour later, so a look before 10:00 finds nothing new; one at 10:00 still sees whatever was delivered
 * before it within 2 h, and from then on a parcel out for delivery is looked at every 2 h.
 */
const FIRST_LOOK_HOUR = 10;
/**
 * A parcel not out for delivery by noon KST stays at its delivery office until the next morning's round
 * (one round a day). If a shop's parcels do go out later, they are still seen the next morning, not lost.
 * This is the most the plan assumes; what the shop's own parcels show can tighten it (roundsOutByFrom).
 */
const ROUNDS_OUT_BY = 12;
/** days of observed rounds before they are trusted over ROUNDS_OUT_BY, and how far back they count */
const ROUNDS_MIN_DAYS = 3;
const ROUNDS_LOOKBACK_DAYS = 14;

/** The KST days whose rounds count at `now` (the last two weeks, today included). */
export function roundsDays(now: number): string[] {
  return kstDaysBetween(now - (ROUNDS_LOOKBACK_DAYS - 1) * 24 * HOUR, now);
}

/** Notes an out-for-delivery scan at `at` in `latest` (KST day → the day's latest such scan, in KST hours). */
export function noteRoundOut(latest: Map<string, number>, at: number): void {
  const day = kstYmd(new Date(at));
  latest.set(day, Math.max(latest.get(day) ?? 0, kstHourOf(at)));
}

/**
 * The hour (KST) by which this shop's delivery rounds have left, learned from the out-for-delivery
 * scans the sync saw: per KST day of the last two weeks, the latest such scan's hour (fractional).
 * The latest of those, rounded up to the hour, between the first look (10:00) and noon; noon until
 * there are a few days to tell from. One late round keeps the noon re-look for two weeks: a wrong guess
 * costs a parcel's delivery being seen a day late, a cautious one a single extra call.
 */
export function roundsOutByFrom(latestOutHourPerDay: readonly number[]): number {
  if (latestOutHourPerDay.length < ROUNDS_MIN_DAYS) return ROUNDS_OUT_BY;
  const latest = Math.ceil(Math.max(...latestOutHourPerDay));
  return Math.min(ROUNDS_OUT_BY, Math.max(FIRST_LOOK_HOUR, latest));
}

/** The first look (10:00 KST) at or after `at`. */
function firstLookFrom(at: number): number {
  const look = kstAtHour(at, FIRST_LOOK_HOUR);
  return look >= at ? look : look + 24 * HOUR;
}
/**
 * A number nobody has scanned yet: the post office picks it up in the afternoon after 예약 and it travels
 * overnight, so nothing can be delivered before the first look of a day at least this long after 예약.
 */
const FIRST_CHECK_AFTER_RESERVE = 12 * HOUR;
/** issued but not reserved: the parcel may sit at the shop for days */
const UNRESERVED_EVERY = 12 * HOUR;
/** no new scan for this long: stuck, looked at once a day */
const STUCK_EVERY = 24 * HOUR;

export type Trackable = Pick<Shipment, 'state' | 'createdAt' | 'reservedAt' | 'printedAt' | 'lastEventAt' | 'lastCheckedAt' | 'trackPhase'>;

/** When this parcel is next worth a call (epoch ms). `roundsOutBy`: the hour (KST) rounds have left by. */
export function nextCheckAt(s: Trackable, stuckDays: number, roundsOutBy = ROUNDS_OUT_BY): number {
  const phase = s.trackPhase ?? 'none';
  if (phase === 'none' && !s.lastEventAt) {
    // a number godomall already shows as 배송중 (typed by hand, adopted) is on its way: look at once
    if (s.state === 'shipping' && !s.reservedAt && !s.lastCheckedAt) return s.createdAt;
    const handedOver = s.reservedAt ?? s.printedAt;
    if (!handedOver) return inDeliveryHours((s.lastCheckedAt ?? s.createdAt) + UNRESERVED_EVERY);
    // not scanned at its first look: not picked up yet, so it cannot arrive before the next day's look
    const first = firstLookFrom(handedOver + FIRST_CHECK_AFTER_RESERVE);
    return s.lastCheckedAt && s.lastCheckedAt >= first ? firstLookFrom(s.lastCheckedAt + HOUR) : first;
  }
  const last = s.lastCheckedAt ?? 0;
  const stuck = stuckDays > 0 && s.lastEventAt !== undefined && last - s.lastEventAt > stuckDays * 24 * HOUR;
  if (stuck) return inDeliveryHours(last + STUCK_EVERY);
  if ((phase === 'moving' || phase === 'accepted') && s.lastEventAt !== undefined) {
    // parcels go out for delivery in the morning round. One scanned during the delivery day travels
    // tonight; one last scanned before the day began goes out today if it is out by noon, and otherwise
    // waits at its delivery office for tomorrow's round: either way the next look worth making is
    // tomorrow's first look, and only the morning's parcels are looked at every 2 h
    const today = deliveryDayStart(last);
    const roundsOut = today + (roundsOutBy - DELIVERY_HOURS.from) * HOUR;
    if (s.lastEventAt < today && last < roundsOut) return inDeliveryHours(last + EVERY.outForDelivery);
    return firstLookFrom(today + 24 * HOUR);
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
  const kstHour = kstHourOf(opts.now);
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
  opts: { now: number; stuckDays: number; budget: number; all?: boolean; roundsOutBy?: number },
): T[] {
  return parcels
    .filter((p) => opts.all || nextCheckAt(p, opts.stuckDays, opts.roundsOutBy) <= opts.now)
    .sort((a, b) => trackPriority(a) - trackPriority(b) || (a.lastCheckedAt ?? 0) - (b.lastCheckedAt ?? 0))
    .slice(0, Math.max(0, opts.budget));
}
