// When a parcel is worth a tracking call, and which ones a run spends its share of the day's budget on.
// A parcel is checked when it can have changed: not before its pickup can have happened, often while
// out for delivery, every few hours while moving, rarely when stuck, never after 배달완료 or cancel
// (those leave the tracked states). Pure: the sync asks it, the bench simulates a month with it.
import type { Shipment } from '../db/types';
import { kstAtHour, kstHourOf } from '../epost/kst';
import { DEFAULT_RHYTHM, DELIVERY_HOURS, RUN_SLACK, SEEN_WITHIN, type Rhythm } from './rhythm';

const HOUR = 60 * 60 * 1000;

/** What the last tracking said about a parcel, kept on the shipment so planning reads no events. */
type TrackPhase = NonNullable<Shipment['trackPhase']>;

/** Lower = more urgent when the budget binds: out for delivery first (배달완료 is what the shop waits for). */
const PRIORITY: Record<TrackPhase, number> = { outForDelivery: 0, undelivered: 0, moving: 1, exception: 2, accepted: 2, none: 3 };

/**
 * How long after a check the parcel is worth another, by what the last check said. Out for delivery:
 * 배달완료 must reach godomall within SEEN_WITHIN (2 h), so the look is due once waiting for the next run
 * would leave more than that since this one (every run at the default 2 h, the run after a 수동
 * 업데이트 too).
 */
const EVERY: Record<Exclude<TrackPhase, 'outForDelivery' | 'undelivered'>, number> = {
  moving: 6 * HOUR,
  accepted: 6 * HOUR,
  exception: 12 * HOUR,
  none: 6 * HOUR,
};

/** 08:00 KST of the delivery day `at` belongs to (the same day from 08:00 on, else the day before's). */
function deliveryDayStart(at: number): number {
  const start = kstAtHour(at, DELIVERY_HOURS.from);
  return start <= at ? start : start - 24 * HOUR;
}

/**
 * `at`, or the next start of the delivery hours (KST, rhythm.ts DELIVERY_HOURS) when `at` falls outside
 * them: then nothing the shop waits for happens (hub scans at night change nothing in godomall), so a
 * check that falls due at night waits for the morning.
 */
function inDeliveryHours(at: number): number {
  const kstHour = kstHourOf(at);
  if (kstHour >= DELIVERY_HOURS.from && kstHour < DELIVERY_HOURS.to) return at;
  const toMorning = (DELIVERY_HOURS.from - kstHour + 24) % 24;
  return at + toMorning * HOUR;
}
/**
 * Korea Post neither collects nor takes parcels out for delivery on Sundays (KST): a parcel not yet out
 * on Saturday night is out on Monday at the earliest, so a look on Sunday finds nothing the shop waits
 * for. Public holidays are not assumed: a day wrongly taken for one would see that day's deliveries a
 * day late, a day rightly taken costs one call per parcel waiting for a round.
 */
function noRounds(at: number): boolean {
  return new Date(at + 9 * HOUR).getUTCDay() === 0;
}

/** The rhythm's first look at or after `at`, on a day with delivery rounds. */
function firstLookFrom(at: number, rhythm: Rhythm): number {
  let look = kstAtHour(at, rhythm.firstLook);
  if (look < at) look += 24 * HOUR;
  while (noRounds(look)) look += 24 * HOUR;
  return look;
}
/**
 * A number nobody has scanned yet: the post office picks it up in the afternoon after 예약 and it travels
 * overnight, so nothing can be delivered before the first look of a day at least this long after 예약.
 */
const FIRST_CHECK_AFTER_RESERVE = 12 * HOUR;
/** from a parcel's last hub scan to a delivery round it can go out with (sorting at the delivery office) */
const TO_ROUND = 3 * HOUR;
/** issued but not reserved: the parcel may sit at the shop for days */
const UNRESERVED_EVERY = 12 * HOUR;
/** no new scan for this long: stuck, looked at once a day */
const STUCK_EVERY = 24 * HOUR;

export type Trackable = Pick<Shipment, 'state' | 'createdAt' | 'reservedAt' | 'printedAt' | 'lastEventAt' | 'lastCheckedAt' | 'trackPhase'>;

/** When this parcel is next worth a call (epoch ms), in the shop's delivery rhythm (rhythm.ts). */
export function nextCheckAt(s: Trackable, stuckDays: number, rhythm: Rhythm = DEFAULT_RHYTHM): number {
  const phase = s.trackPhase ?? 'none';
  if (phase === 'none' && !s.lastEventAt) {
    // a number godomall already shows as 배송중 (typed by hand, adopted) is on its way: look at once
    if (s.state === 'shipping' && !s.reservedAt && !s.lastCheckedAt) return s.createdAt;
    const handedOver = s.reservedAt ?? s.printedAt;
    if (!handedOver) return inDeliveryHours((s.lastCheckedAt ?? s.createdAt) + UNRESERVED_EVERY);
    // not scanned at its first look: not picked up yet, so it cannot arrive before the next day's look
    const first = firstLookFrom(handedOver + FIRST_CHECK_AFTER_RESERVE, rhythm);
    return s.lastCheckedAt && s.lastCheckedAt >= first ? firstLookFrom(s.lastCheckedAt + HOUR, rhythm) : first;
  }
  const last = s.lastCheckedAt ?? 0;
  const stuck = stuckDays > 0 && s.lastEventAt !== undefined && last - s.lastEventAt > stuckDays * 24 * HOUR;
  if (stuck) return inDeliveryHours(last + STUCK_EVERY);
  if (phase === 'undelivered' && s.lastEventAt !== undefined) {
    // 미배달: the courier takes it out again on the next delivery day's round, at whatever hour (a
    // redelivery need not follow the morning rounds). From that day's first look it is looked at every
    // run, like a parcel out for delivery, so its 배달완료 reaches godomall within 2 h too (it used to
    // wait 12 h, and was seen 5–17 h late); still undelivered a day later (a customer away), twice a day
    let redelivery = deliveryDayStart(s.lastEventAt) + 24 * HOUR;
    while (noRounds(redelivery)) redelivery += 24 * HOUR;
    const first = firstLookFrom(redelivery, rhythm);
    if (last < first) return first;
    if (last < redelivery + 24 * HOUR) return inDeliveryHours(last + outForDeliveryEvery(rhythm));
    return inDeliveryHours(last + EVERY.exception);
  }
  if ((phase === 'moving' || phase === 'accepted') && s.lastEventAt !== undefined) {
    // parcels go out for delivery in the morning round. One scanned during the delivery day travels
    // tonight; one last scanned before the day began goes out today if it is out by noon, and otherwise
    // waits at its delivery office for tomorrow's round: either way the next look worth making is
    // tomorrow's first look, and only the morning's parcels are looked at every 2 h — those last scanned
    // before the day began, or early enough in it to make a round that leaves late (rounds 10–12: a hub
    // scan at 08:30 goes out at 11:30, and was seen a day late); on a Sunday none goes out
    const today = deliveryDayStart(last);
    const roundsOut = today + (rhythm.roundsOutBy - DELIVERY_HOURS.from) * HOUR;
    const mayGoOutToday = !noRounds(today) && s.lastEventAt < roundsOut - TO_ROUND && last < roundsOut;
    if (mayGoOutToday) return inDeliveryHours(last + outForDeliveryEvery(rhythm));
    return firstLookFrom(today + 24 * HOUR, rhythm);
  }
  return inDeliveryHours(last + (phase === 'outForDelivery' || phase === 'undelivered' ? outForDeliveryEvery(rhythm) : EVERY[phase]));
}

function outForDeliveryEvery(rhythm: Rhythm): number {
  return Math.max(0, SEEN_WITHIN - rhythm.intervalMinutes * 60 * 1000);
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
 * The parcels this run checks: those due by now or within RUN_SLACK (a run a few minutes early must not
 * push a 2-hourly look to the run after), every live one when `all` (the operator's 수동 업데이트); most
 * urgent first, then the longest unchecked, within `budget`.
 */
export function planTracking<T extends Trackable>(
  parcels: readonly T[],
  opts: { now: number; stuckDays: number; budget: number; all?: boolean; rhythm?: Rhythm },
): T[] {
  return parcels
    .filter((p) => opts.all || nextCheckAt(p, opts.stuckDays, opts.rhythm) <= opts.now + RUN_SLACK)
    .sort((a, b) => trackPriority(a) - trackPriority(b) || (a.lastCheckedAt ?? 0) - (b.lastCheckedAt ?? 0))
    .slice(0, Math.max(0, opts.budget));
}
