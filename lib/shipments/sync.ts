// 배송상태 업데이트 (every 2 h and on the manual button): tracking for every live parcel with a real
// number (typed-in numbers too), events stored, godomall moved along: moving → d1 (only while still
// before 배송중), 배달완료 → d2. Exceptions (미배달, returned, stuck, cancelled) are made visible. Every
// status write re-reads the order first (see godomall-writes): a manual change since our last write
// unlinks the order. Records one SyncRun with counts and errors.
import type { Shipment, SyncRun } from '../db/types';
import {
  addKv,
  deleteKvBefore,
  addTrackingEvents,
  updateSyncRun,
  getKv,
  setKv,
  startSyncRun,
  trackingEventsFor,
  unfinishedSyncRun,
} from '../db/repo/journal';
import { EpostError } from '../epost/errors';
import { kstYmd } from '../epost/kst';
import type { TrackingEvent } from '../epost/types';
import { planTracking, runBudget } from './track-plan';
import { mergeDay, noteScan, rhythmDays, rhythmFrom, type DayRhythm, type Rhythm } from './rhythm';
import { shipmentsInStates, updateShipment } from '../db/repo/shipments';
import { createLimiter } from '../jobs/limiter';
import { errorText, type Ctx } from './context';
import { deliverShipment, shipShipment, voidShipment } from './transitions';
import { flushPendingWrites } from './godomall-writes';
import { isRealRegiNo } from './keys';
import { reconcileFamily } from './family';
import { archiveDelivered } from '../db/repo/archive';
import { parcelPhase } from './rules';
import { BEFORE_SHIPPING_GROUPS, familyUnsettled, isTracked, TRACKED_STATES } from './lifecycle';
import { queuedShipmentKeys } from '../db/repo/pending-writes';

const DAY = 24 * 60 * 60 * 1000;
/** Changed since this sync read it (cancelled, unlinked by a concurrent write)? Then leave it alone. */
const tracked = (r: Shipment) => TRACKED_STATES.includes(r.state);
const SYSTEM = 'system';
/** delivered shipments moved to the archive per run at most: a first run over a year's journal stays short */
const ARCHIVE_PER_RUN = 5_000;

/** The journal key of the day's tracking-call count (KST day). */
export const trackingCallsKey = (now: number) => `trackingCalls:${kstYmd(new Date(now))}`;
/** The journal key of what a KST day's scans showed of the shop's delivery rhythm (rhythm.ts). */
const rhythmKey = (ymd: string) => `rhythm:${ymd}`;

/** The shop's delivery rhythm as the last two weeks' scans show it, for a sync every `intervalMinutes`. */
export async function shopRhythm(ctx: Pick<Ctx, 'db'>, now: number, intervalMinutes: number): Promise<Rhythm> {
  const days = await Promise.all(rhythmDays(now).map((d) => getKv<DayRhythm>(ctx.db, rhythmKey(d))));
  return rhythmFrom(
    days.filter((d): d is DayRhythm => d !== undefined),
    intervalMinutes,
  );
}

/**
 * One sync run. A run the worker left unfinished (killed mid-sync) is resumed, not restarted: its row
 * and counts carry on, and only the parcels it had not checked yet are planned again (each check writes
 * the parcel's lastCheckedAt as it lands, and every call is counted against the day's budget as it is
 * made). `trigger` applies to a new run; a resumed one keeps its own.
 */
export async function syncAll(ctx: Ctx, trigger: SyncRun['trigger']): Promise<SyncRun> {
  const settings = await ctx.settings();
  const now = ctx.now();
  const unfinished = await unfinishedSyncRun(ctx.db);
  const run: SyncRun = unfinished ?? { startedAt: now, trigger, checked: 0, delivered: 0, moving: 0, exceptions: 0, calls: 0, errors: [] };
  const id = unfinished?.id ?? (await startSyncRun(ctx.db, run));
  const live = (await shipmentsInStates(ctx.db, [...TRACKED_STATES])).filter(
    (s) => isTracked(s) && isRealRegiNo(s.regiNo) && !(unfinished && (s.lastCheckedAt ?? 0) >= unfinished.startedAt),
  );
  // only what can have changed, most urgent first, within this run's share of the day's budget; the
  // operator's 수동 업데이트 checks every live parcel, within what is left of the day's budget
  const usedToday = (await getKv<number>(ctx.db, trackingCallsKey(now))) ?? 0;
  const budget = runBudget({
    dailyBudget: settings.trackingDailyBudget,
    usedToday,
    now,
    intervalMinutes: run.trigger === 'manual' ? 24 * 60 : settings.syncIntervalMinutes,
  });
  // when this shop's rounds leave and its parcels arrive, as its parcels' scans of the last two weeks show
  const rhythm = await shopRhythm(ctx, now, settings.syncIntervalMinutes);
  const parcels = planTracking(live, { now, stuckDays: settings.stuckDays, budget, all: run.trigger === 'manual', rhythm });
  run.deferred = live.length - parcels.length;
  run.planned = (run.calls ?? 0) + parcels.length;
  await updateSyncRun(ctx.db, id, { ...run }); // the popup's progress: calls made of those planned
  const slot = createLimiter(settings.concurrency);
  const gate: RunState = {
    blocked: false,
    queued: await queuedShipmentKeys(ctx.db),
    rhythm: new Map(),
    plannedAt: now,
  };
  await Promise.all(
    parcels.map((s) =>
      slot(async () => {
        await syncOne(ctx, s, settings.stuckDays, run, gate);
        await updateSyncRun(ctx.db, id, { ...run }); // the counts a resumed run carries on from (one small row)
      }),
    ),
  );
  await saveRhythm(ctx, gate.rhythm, now);
  const flushed = await flushPendingWrites(ctx);
  await archiveDelivered(ctx.db, now - settings.archiveAfterDays * DAY, ARCHIVE_PER_RUN);
  for (const origin of flushed.loginNeeded) run.errors.push(`${origin}: 고도몰 로그인 필요 (변경 ${flushed.remaining}건 대기)`);
  run.finishedAt = ctx.now();
  await updateSyncRun(ctx.db, id, run);
  return { ...run, id };
}

/**
 * The sync is a touch too: a number we issued is reconciled with its key family once (a fresh issue
 * skipped the twin check), again while twins are left, and again while its godomall write is queued
 * (other PCs cannot see the number then, and may send their own).
 */
function needsReconcile(s: Shipment, queued: ReadonlySet<string>): boolean {
  return familyUnsettled(s) || (s.source === 'issued' && !s.test && queued.has(s.key));
}

/** What one run shares between its parcels: the load-block gate and which shipments have writes queued. */
interface RunState {
  blocked: boolean;
  /** keys of shipments with a godomall write queued as the run began (read once, not per parcel) */
  queued: ReadonlySet<string>;
  /** per KST day, the rounds and deliveries this run saw (saved once at its end) */
  rhythm: Map<string, DayRhythm>;
  /**
   * when this run's plan was made: a parcel's lastCheckedAt, so the next plan counts its intervals from
   * the run, not from how far into a long run the call happened to come
   */
  plannedAt: number;
}

/** Adds what this run saw to each day's kept rhythm; days older than the plan reads are dropped. */
async function saveRhythm(ctx: Ctx, seen: ReadonlyMap<string, DayRhythm>, now: number): Promise<void> {
  for (const [day, rhythm] of seen) await setKv(ctx.db, rhythmKey(day), mergeDay(await getKv<DayRhythm>(ctx.db, rhythmKey(day)), rhythm));
  await deleteKvBefore(ctx.db, rhythmKey(''), rhythmDays(now)[0]!);
  await deleteKvBefore(ctx.db, 'roundsOut:', '~'); // what versions before the learned first look kept
}

async function syncOne(ctx: Ctx, s: Shipment, stuckDays: number, run: SyncRun, gate: RunState): Promise<void> {
  // Korea Post said ERR-131 (load block) to this run: the rest waits for the next run
  if (gate.blocked) {
    run.deferred = (run.deferred ?? 0) + 1;
    return;
  }
  if (needsReconcile(s, gate.queued)) {
    try {
      const r = await reconcileFamily(ctx, s, SYSTEM);
      if (r.kind === 'ok') s = r.shipment;
      if (r.kind === 'ok' && r.stuck.length) run.errors.push(`${s.orderNo}: ${r.note}`);
    } catch (err) {
      run.errors.push(`${s.regiNo}: 우체국 접수 확인 실패 (${errorText(err)})`);
    }
  }
  let result;
  run.calls = (run.calls ?? 0) + 1;
  await addKv(ctx.db, trackingCallsKey(ctx.now()), 1); // counted before the call: a killed worker never under-counts
  try {
    result = await ctx.tracking.track(s.regiNo); // the tracking client retries ERR-131 / transport errors itself
  } catch (err) {
    if (err instanceof EpostError && err.isLoadBlock && !gate.blocked) {
      gate.blocked = true;
      run.errors.push(`우체국 조회 제한(ERR-131): 이번 업데이트를 멈추고 다음 업데이트에서 이어갑니다.`);
    } else if (!(err instanceof EpostError && err.isLoadBlock)) run.errors.push(`${s.regiNo}: ${errorText(err)}`);
    return;
  }
  run.checked++;
  if (result.found) await addTrackingEvents(ctx.db, s.regiNo, result.events);
  const events = await trackingEventsFor(ctx.db, s.regiNo);
  const phase = parcelPhase(events, { pickup: s.pickup !== undefined });
  // a parcel to a customer: when its delivery office's round left, and when it was delivered (counted
  // once, the check that finds it; a pickup's rounds are the shop's own)
  if (!s.pickup) {
    for (const e of events) if (e.status === 'outForDelivery') noteScan(gate.rhythm, e);
    const delivered = phase === 'delivered' && events.find((e) => e.status === 'delivered');
    if (delivered) noteScan(gate.rhythm, delivered);
  }
  const last = events[events.length - 1];
  const lastEventAt = last?.at ?? s.lastEventAt;
  const base = { lastEventAt, updatedAt: ctx.now(), lastCheckedAt: gate.plannedAt, trackPhase: trackPhaseOf(phase, last) };

  if (phase === 'delivered') {
    run.delivered++;
    await deliverShipment(ctx, s, {
      deliveredAt: events.find((e) => e.status === 'delivered')?.at ?? ctx.now(),
      patch: base,
      status: statusOpts(s),
      unless: (r) => !tracked(r),
    });
    return;
  }
  if (phase === 'cancelled') {
    run.exceptions++;
    const reason = '우체국에서 접수가 취소된 번호입니다. 새 송장번호를 발급하세요.';
    // the sync flushes every queued write once at its end
    await voidShipment(ctx, s, {
      reason,
      operatorId: SYSTEM,
      exception: { kind: 'cancelled', reason },
      flush: false,
      unless: (r) => !tracked(r),
    });
    return;
  }
  if (phase === 'undelivered' || phase === 'returned') {
    run.exceptions++;
    const reason =
      phase === 'returned' ? `반송: ${last?.detail || last?.statusText || ''}`.trim() : `미배달: ${last?.detail || '사유 없음'}`;
    await updateShipment(ctx.db, s.key, (r) => (!tracked(r) ? undefined : { ...r, ...base, exception: { kind: phase, reason } }));
    return;
  }
  if (phase === 'moving') {
    run.moving++;
    const next = await shipShipment(ctx, s, {
      patch: base,
      exception: (r) => stuck(r, lastEventAt, stuckDays, ctx.now()),
      status: statusOpts(s),
      beforeShipping: BEFORE_SHIPPING_GROUPS,
      unless: (r) => !tracked(r),
    });
    if (next?.exception) run.exceptions++;
    return;
  }
  // nothing moving yet: a reserved parcel with no scan for stuckDays is shown as stuck
  const next = await updateShipment(ctx.db, s.key, (r) =>
    !tracked(r) ? undefined : { ...r, ...base, exception: stuck(r, lastEventAt, stuckDays, ctx.now()) },
  );
  if (next?.exception) run.exceptions++;
}

/** What the plan needs to know of this check (track-plan.ts). */
function trackPhaseOf(phase: ReturnType<typeof parcelPhase>, last: TrackingEvent | undefined): NonNullable<Shipment['trackPhase']> {
  if (phase === 'none') return 'none';
  if (phase === 'undelivered') return 'undelivered';
  if (phase === 'returned') return 'exception';
  if (last?.status === 'outForDelivery') return 'outForDelivery';
  return phase === 'moving' ? 'moving' : 'accepted';
}

/**
 * The 연동 해제 check of a row written before the statuses at issue were kept (no itemStatuses): the old
 * rule, only once the order was ours to move (after 예약). Rows with a baseline are judged by it
 * (lifecycle.ts manualChange, in the write itself).
 */
function statusOpts(s: Shipment): { expect?: string; operatorId: string } {
  const linked = s.state === 'reserved' || s.state === 'shipping';
  return linked && s.godomallStatus ? { expect: s.godomallStatus, operatorId: SYSTEM } : { operatorId: SYSTEM };
}

function stuck(s: Shipment, lastEventAt: number | undefined, days: number, now: number): Shipment['exception'] {
  if (s.state === 'issued' && lastEventAt === undefined) return s.exception?.kind === 'stuck' ? undefined : s.exception;
  const since = lastEventAt ?? s.reservedAt ?? s.createdAt;
  if (days > 0 && now - since > days * DAY)
    return { kind: 'stuck', reason: `${Math.floor((now - since) / DAY)}일째 배송 조회 변동이 없습니다.` };
  return s.exception?.kind === 'stuck' ? undefined : s.exception;
}
