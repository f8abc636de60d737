// A simulated month of a shop shipping EPG_BENCH_PARCELS_A_DAY (5,000) parcels a day under the tracking
// scheduler (lib/shipments/track-plan.ts): the automatic sync every 2 h, the day's budget
// (EPG_BENCH_TRACKING_BUDGET, default 20,000 and 10,000), each parcel's real life drawn from a seeded
// PRNG (pickup hours after 예약, two hub scans, out for delivery next morning, delivered hours later;
// EPG_BENCH_UNDELIVERED, default 5%, 미배달 at the first attempt and delivered from the next day's round;
// no 예약, pickup or round on Sundays), and the same for a small shop of 30 parcels a day.
// The sync learns the shop's rhythm from what it sees (lib/shipments/rhythm.ts) and the alarm moves its
// runs to it, as in the extension. Reports tracking calls per parcel over its life, the busiest day's
// calls and the calls by the phase the last look had found, how many 배달완료 events reached the journal
// within 2 hours (of all, and of those after a 미배달), the worst delay, the learned first look and how
// often the alarm moved. Reported, not asserted.
import { bench, describe } from 'vitest';
import { planTracking, runBudget } from '../../lib/shipments/track-plan';
import { alignedRunAt, noteScan, rhythmDays, rhythmFrom, type DayRhythm } from '../../lib/shipments/rhythm';
import type { Shipment } from '../../lib/db/types';
import { seededRandom } from '../sandbox/prng';

const PER_DAY = Number(process.env.EPG_BENCH_PARCELS_A_DAY ?? 5000);
const DAYS = 30;
const H = 60 * 60 * 1000;
const RUN_EVERY = 2 * H;
const START = Date.UTC(2026, 10, 1, 15, 0, 0); // 00:00 KST

interface SimParcel {
  state: Shipment['state'];
  createdAt: number;
  reservedAt: number;
  lastCheckedAt?: number;
  lastEventAt?: number;
  trackPhase?: Shipment['trackPhase'];
  /** the real scans: [at, phase] */
  life: Array<[number, NonNullable<Shipment['trackPhase']> | 'delivered']>;
  deliveredAt: number;
  seenDeliveredAt?: number;
  calls: number;
  /** calls by what the last look had said (the plan's phase when the call was made) */
  byPhase: Partial<Record<CallPhase, number>>;
  /** delivered at the second attempt, after a 미배달 */
  redelivered?: boolean;
}

/** What the plan knew when it made a call: nothing scanned yet, or the phase the last look found. */
type CallPhase = 'unscanned' | NonNullable<Shipment['trackPhase']>;
const PHASE_NAMES: Array<[CallPhase, string]> = [
  ['unscanned', '첫 조회'],
  ['accepted', '접수'],
  ['moving', '이동'],
  ['outForDelivery', '배달준비'],
  ['undelivered', '미배달'],
  ['exception', '정체'],
];

/** When delivery rounds leave (KST hours, from + up to span) and how long after it a parcel is delivered. */
interface Rounds {
  name: string;
  outFrom: number;
  outSpan: number;
  deliveredAfter: number;
  deliveredSpan: number;
}
/** the model the scheduler's defaults were written for: rounds 08–10, delivered 1–7 h later */
const MORNING: Rounds = { name: 'rounds 08–10, delivered 1–7 h later', outFrom: 8, outSpan: 2, deliveredAfter: 1, deliveredSpan: 6 };
/** another shop's delivery office, which the scheduler must learn rather than assume */
const LATE: Rounds = { name: 'rounds 10–12, delivered 2–9 h later', outFrom: 10, outSpan: 2, deliveredAfter: 2, deliveredSpan: 7 };

/** The share of parcels the courier cannot deliver at the first attempt (미배달): out again on the next day's round. */
const UNDELIVERED = Number(process.env.EPG_BENCH_UNDELIVERED ?? 0.05);

/** Korea Post neither collects nor delivers on Sundays (KST); its hubs sort overnight all the same. */
const isSunday = (at: number) => new Date(at + 9 * H).getUTCDay() === 0;
/** the same time on the next day that is not a Sunday */
const nextWorkingDay = (at: number) => (isSunday(at + 24 * H) ? at + 48 * H : at + 24 * H);

function lifeOf(reservedAt: number, r: () => number, rounds: Rounds, undelivered = 0): SimParcel {
  let pickup = reservedAt + (2 + r() * 4) * H; // the post office collects in the afternoon
  if (isSunday(pickup)) pickup = nextWorkingDay(pickup);
  const hub1 = pickup + (3 + r() * 3) * H;
  const hub2 = hub1 + (4 + r() * 4) * H;
  // out for delivery in the first round at least 3 h after the last hub scan, delivered some hours later
  const ready = hub2 + 3 * H;
  const kstDay = Math.floor((ready + 9 * H) / (24 * H));
  let out = kstDay * 24 * H - 9 * H + (rounds.outFrom + r() * rounds.outSpan) * H;
  if (out < ready) out += 24 * H;
  if (isSunday(out)) out = nextWorkingDay(out);
  const attempt = out + (rounds.deliveredAfter + r() * rounds.deliveredSpan) * H;
  const life: SimParcel['life'] = [
    [pickup, 'accepted'],
    [hub1, 'moving'],
    [hub2, 'moving'],
    [out, 'outForDelivery'],
  ];
  let delivered = attempt;
  if (r() < undelivered) {
    // 미배달, then out again in the next day's round (its own out-for-delivery scan) and delivered
    const again = nextWorkingDay(out) + (r() - 0.5) * rounds.outSpan * H;
    delivered = again + (rounds.deliveredAfter + r() * rounds.deliveredSpan) * H;
    life.push([attempt, 'undelivered'], [again, 'outForDelivery']);
  }
  life.push([delivered, 'delivered']);
  return {
    state: 'reserved',
    createdAt: reservedAt - H,
    reservedAt,
    deliveredAt: delivered,
    calls: 0,
    byPhase: {},
    life,
    redelivered: delivered !== attempt,
  };
}

/** `everyRun`: what the sync did before the scheduler — every live parcel on every run, no budget. */
function simulate(budget: number, everyRun = false, rounds = MORNING, perDay = PER_DAY, undelivered = UNDELIVERED) {
  const r = seededRandom(7);
  const live: SimParcel[] = [];
  const done: SimParcel[] = [];
  const callsPerDay = new Map<number, number>();
  /** per KST day, the rounds and deliveries the sync saw (as the sync learns them) */
  const rhythmSeen = new Map<string, DayRhythm>();
  let nextIssue = START;
  let firstLook = 0;
  let realigned = 0;
  for (let now = START; now < START + DAYS * 24 * H;) {
    const rhythm = rhythmFrom(
      rhythmDays(now).flatMap((d) => rhythmSeen.get(d) ?? []),
      RUN_EVERY / 60_000,
    );
    firstLook = rhythm.firstLook;
    // 예약 happens between 10:00 and 16:00 KST on each day but Sunday
    while (nextIssue <= now) {
      const day = Math.floor((nextIssue - START) / (24 * H));
      for (let i = 0; i < (isSunday(nextIssue) ? 0 : perDay); i++) {
        live.push(lifeOf(START + day * 24 * H + (10 + r() * 6) * H, r, rounds, undelivered));
      }
      nextIssue += 24 * H;
    }
    const visible = live.filter((p) => p.reservedAt <= now);
    const day = Math.floor((now - START) / (24 * H));
    const used = callsPerDay.get(day) ?? 0;
    const plan = everyRun
      ? visible
      : planTracking(visible, {
          now,
          stuckDays: 3,
          budget: runBudget({ dailyBudget: budget, usedToday: used, now, intervalMinutes: 120 }),
          rhythm,
        });
    callsPerDay.set(day, used + plan.length);
    for (const p of plan) {
      p.calls++;
      const phase: CallPhase = p.lastEventAt === undefined ? 'unscanned' : (p.trackPhase ?? 'none');
      p.byPhase[phase] = (p.byPhase[phase] ?? 0) + 1;
      p.lastCheckedAt = now;
      const seen = p.life.filter(([at]) => at <= now);
      const last = seen[seen.length - 1];
      if (!last) continue;
      p.lastEventAt = last[0];
      const out = seen.find(([, phase]) => phase === 'outForDelivery');
      if (out) noteScan(rhythmSeen, { status: 'outForDelivery', at: out[0] });
      if (last[1] === 'delivered') {
        p.seenDeliveredAt = now;
        noteScan(rhythmSeen, { status: 'delivered', at: last[0] });
      } else p.trackPhase = last[1];
    }
    for (let i = live.length - 1; i >= 0; i--) {
      if (live[i]!.seenDeliveredAt !== undefined) done.push(...live.splice(i, 1));
    }
    // the alarm: every 2 h, moved after a run to where the learned rhythm puts its runs (as the
    // background's alignSyncAlarm does)
    const aligned = everyRun ? undefined : alignedRunAt(rhythm, { now, scheduledTime: now + RUN_EVERY });
    if (aligned !== undefined) realigned++;
    now = aligned ?? now + RUN_EVERY;
  }
  const delivered = done.length;
  const late = (p: SimParcel) => p.seenDeliveredAt! - p.deliveredAt;
  const within2h = done.filter((p) => late(p) <= 2 * H).length;
  const again = done.filter((p) => p.redelivered);
  const calls = done.reduce((n, p) => n + p.calls, 0);
  const phaseShare = (phase: CallPhase) => done.reduce((n, p) => n + (p.byPhase[phase] ?? 0), 0) / delivered;
  return {
    scheme: everyRun ? 'every parcel, every run (before)' : 'scheduler',
    deliveries: `${rounds.name}, ${perDay}/day, ${Math.round(undelivered * 100)}% 미배달, none on Sundays`,
    'daily budget': everyRun ? '-' : budget,
    'parcels delivered': delivered,
    'calls / parcel (life)': +(calls / delivered).toFixed(2),
    // one endpoint: the tracking look (trace or data.go.kr's getLongitudinalDomesticList, as set), one per call
    'by phase (tracking calls)': PHASE_NAMES.flatMap(([k, name]) =>
      phaseShare(k) >= 0.005 ? [`${name} ${phaseShare(k).toFixed(2)}`] : [],
    ).join(', '),
    'busiest day (calls)': Math.max(...callsPerDay.values()),
    '배달완료 seen ≤ 2 h': `${((within2h / delivered) * 100).toFixed(1)}%`,
    '미배달 → 배달완료 seen ≤ 2 h': again.length
      ? `${((again.filter((p) => late(p) <= 2 * H).length / again.length) * 100).toFixed(1)}%`
      : '-',
    'worst delay (h)': +(done.reduce((m, p) => Math.max(m, late(p)), 0) / H).toFixed(1),
    'still live at the end': live.length,
    'first look (KST)': everyRun ? '-' : `${Math.floor(firstLook)}:${String(Math.round((firstLook % 1) * 60)).padStart(2, '0')}`,
    'alarm moves': everyRun ? '-' : realigned,
  };
}

describe(`tracking for a month at ${PER_DAY} parcels a day`, () => {
  bench(
    'scheduler',
    () => {
      const budgets = process.env.EPG_BENCH_TRACKING_BUDGET ? [Number(process.env.EPG_BENCH_TRACKING_BUDGET)] : [1e9, 20_000, 10_000];
      console.table([
        simulate(0, true),
        ...budgets.map((b) => simulate(b)),
        simulate(1e9, false, LATE),
        // a small shop: 30 parcels a day, too few deliveries to trust for days (rhythm.ts MIN_DELIVERIES)
        simulate(1e9, false, MORNING, 30),
        simulate(1e9, false, LATE, 30),
      ]);
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
