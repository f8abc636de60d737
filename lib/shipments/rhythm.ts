// The shop's delivery rhythm, learned from what its own parcels' scans show: when the delivery rounds
// have left (the latest out-for-delivery scan of a day) and when parcels are delivered (a day's
// 배달완료 scans per 10 minutes). The tracking plan (track-plan.ts) takes from it the first look of a
// delivery day and how long a parcel not yet out is worth another look; the sync alarm takes where its
// runs sit in the day. Until a few days have been seen, the defaults stand (rounds out by noon, first
// look at 10:00) and the alarm stays where it was made. Pure: the sync keeps the days in the journal,
// the bench simulates a month with it.
import { kstAtHour, kstDaysBetween, kstHourOf, kstYmd } from '../epost/kst';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

/** What one KST day showed: the latest out-for-delivery scan (KST hours) and deliveries per 10 minutes. */
export interface DayRhythm {
  lastOut?: number;
  /** 배달완료 scans in each 10 minutes of the day (144 slots, KST) */
  delivered?: number[];
}

export interface Rhythm {
  /** the sync's interval the rhythm was worked out for */
  intervalMinutes: number;
  /** the hour (KST) by which the delivery rounds have left: a parcel not out by then goes out tomorrow */
  roundsOutBy: number;
  /** the time (KST hours) a delivery day's first look is due */
  firstLook: number;
  /** the time of day (KST hours) the sync alarm runs fall on, once deliveries have been learned */
  alignAt?: number;
}

/** Parcels are delivered 08:00–21:00 KST. */
export const DELIVERY_HOURS = { from: 8, to: 21 };
/** 배달완료 is to reach godomall within this of the delivery (the goal the plan keeps). */
export const SEEN_WITHIN = 2 * HOUR;
/** A look due within this of a run is made by that run: runs start a little late or early, never exactly. */
export const RUN_SLACK = 10 * MINUTE;

const SLOTS_PER_HOUR = 6;
const SLOTS = 24 * SLOTS_PER_HOUR;
/**
 * Rounds go out 08–10 and the first parcels arrive about an hour later, so a look before 10:00 finds
 * nothing new; one at 10:00 still sees whatever was delivered before it within 2 h.
 */
const FIRST_LOOK = 10;
/**
 * A parcel not out for delivery by noon stays at its delivery office until the next morning's round
 * (one round a day). The most the plan assumes; the shop's own scans can tighten it.
 */
const ROUNDS_OUT_BY = 12;
/** days of observed scans before they are trusted over the defaults, and how far back they count */
const MIN_DAYS = 3;
const LOOKBACK_DAYS = 14;
/**
 * Deliveries seen before their times are trusted (a small shop learns over more days). The earliest of
 * 50 stands for about the 2% quantile, so while few are known the first look may see 2% late, not 1%;
 * at 100 a shop of 30 parcels a day kept the 10:00 default for four or five days, a look each parcel more.
 */
const MIN_DELIVERIES = 50;
/**
 * The share of deliveries the first look may see more than 2 h late. The goal is ≥ 95% within 2 h;
 * this spends 1% of it, so rounds that leave a little earlier than learned still keep the rest.
 */
const EARLY_SHARE = 0.01;
/** how far before a first look falls due the alarm's run is placed, so that run does not make it */
const ALIGN_BEFORE = RUN_SLACK + 5 * MINUTE;
/** an alarm this close to its place is left alone */
const ALIGNED_WITHIN = 5 * MINUTE;
const LATEST_FIRST_LOOK = 14;

export const DEFAULT_RHYTHM: Rhythm = { intervalMinutes: 120, roundsOutBy: ROUNDS_OUT_BY, firstLook: FIRST_LOOK };

/**
 * The KST days whose scans count at `now`: the two weeks before today. Today is left out: a day's
 * deliveries seen so far are its early ones only, which pulled the learned first look earlier every
 * afternoon and back every morning, and each such move of the alarm added a run (a call for every parcel
 * out for delivery; 0.09 calls per parcel in the late-rounds month).
 */
export function rhythmDays(now: number): string[] {
  return kstDaysBetween(now - LOOKBACK_DAYS * 24 * HOUR, now - 24 * HOUR);
}

/** Notes one scan of a parcel to a customer in `days` (KST day → what it showed). */
export function noteScan(days: Map<string, DayRhythm>, scan: { status: string; at: number }): void {
  if (scan.status !== 'outForDelivery' && scan.status !== 'delivered') return;
  const key = kstYmd(new Date(scan.at));
  const day = days.get(key) ?? {};
  const hour = kstHourOf(scan.at);
  if (scan.status === 'outForDelivery') day.lastOut = Math.max(day.lastOut ?? 0, hour);
  else {
    day.delivered ??= new Array<number>(SLOTS).fill(0);
    day.delivered[Math.min(SLOTS - 1, Math.floor(hour * SLOTS_PER_HOUR))]! += 1;
  }
  days.set(key, day);
}

/** What was kept for a day and what a run saw of it: the later round, the deliveries added. */
export function mergeDay(kept: DayRhythm | undefined, seen: DayRhythm): DayRhythm {
  const lastOut = Math.max(kept?.lastOut ?? 0, seen.lastOut ?? 0) || undefined;
  const a = kept?.delivered;
  const b = seen.delivered;
  const delivered = a && b ? a.map((n, i) => n + (b[i] ?? 0)) : (a ?? b);
  return { ...(lastOut !== undefined && { lastOut }), ...(delivered && { delivered }) };
}

/**
 * The rhythm the last two weeks show, for a sync every `intervalMinutes`.
 * - Rounds: the latest out-for-delivery hour of those days, rounded up, between the default first look
 *   and noon. One late round keeps the noon re-look for two weeks: a wrong guess costs a parcel's
 *   delivery seen a day late, a cautious one a single extra call.
 * - First look: `early`, the time by which 1% of the deliveries were made. A look is worth nothing
 *   before that, and every look made before a parcel is delivered is a call spent. The first look is due
 *   so that the first run making it, wherever the runs fall, comes no later than 2 h after `early`; and
 *   the alarm's runs are placed so one falls just before it is due, which makes the first look at
 *   `early` + 2 h exactly: the deliveries before `early` are seen late, the rest in time, with the
 *   fewest looks the interval allows.
 */
export function rhythmFrom(days: readonly DayRhythm[], intervalMinutes: number): Rhythm {
  const outs = days.flatMap((d) => (d.lastOut !== undefined ? [d.lastOut] : []));
  const roundsOutBy = outs.length < MIN_DAYS ? ROUNDS_OUT_BY : Math.min(ROUNDS_OUT_BY, Math.max(FIRST_LOOK, Math.ceil(Math.max(...outs))));
  const withDeliveries = days.flatMap((d) => (d.delivered ? [d.delivered] : []));
  const total = withDeliveries.reduce((n, d) => n + d.reduce((a, b) => a + b, 0), 0);
  if (withDeliveries.length < MIN_DAYS || total < MIN_DELIVERIES) return { intervalMinutes, roundsOutBy, firstLook: FIRST_LOOK };
  let seen = 0;
  let slot = 0;
  for (; slot < SLOTS; slot++) {
    seen += withDeliveries.reduce((n, d) => n + (d[slot] ?? 0), 0);
    if (seen > EARLY_SHARE * total) break;
  }
  const early = slot / SLOTS_PER_HOUR; // the start of the 10 minutes in which the 1% was passed
  const interval = intervalMinutes / 60;
  const slack = RUN_SLACK / HOUR;
  const firstLook = Math.min(LATEST_FIRST_LOOK, Math.max(DELIVERY_HOURS.from, early + SEEN_WITHIN / HOUR - interval + slack));
  return { intervalMinutes, roundsOutBy, firstLook, alignAt: firstLook - ALIGN_BEFORE / HOUR };
}

/**
 * Where the sync alarm's next run goes so its runs fall on the rhythm's place in the day (`alignAt`,
 * every interval from it): the first such time more than a minute after `now`, or undefined
 * when the alarm already runs there (`scheduledTime` within 5 minutes of it) or nothing is learned yet.
 * Called right after a run, so the next run comes no later than one interval after this one began.
 */
export function alignedRunAt(rhythm: Rhythm, opts: { now: number; scheduledTime?: number }): number | undefined {
  if (rhythm.alignAt === undefined) return undefined;
  const every = rhythm.intervalMinutes * MINUTE;
  const from = opts.now + MINUTE;
  const anchor = kstAtHour(from, rhythm.alignAt);
  const at = anchor + Math.ceil((from - anchor) / every) * every;
  if (opts.scheduledTime !== undefined) {
    const off = (((opts.scheduledTime - at) % every) + every) % every;
    if (Math.min(off, every - off) <= ALIGNED_WITHIN) return undefined;
  }
  return at;
}
