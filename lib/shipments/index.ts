// The shipments domain's entry API: joins Korea Post (lib/epost) and the godomall admin (lib/godomall)
// over the journal (lib/db), and runs every workflow as a persisted, resumable job (lib/jobs).
// The background calls these verbs from message handlers and alarms; it keeps no state of its own.
import type { Job, JobTarget, Shipment, SyncRun } from '../db/types';
import type { Box } from '../settings';
import type { JobRequestTarget, JobSeen, OrderParcels, RowShipment, StartJobRequest } from '../message-data';
import { putJob, getJob as readJob, getJobRecord, unfinishedJobs } from '../db/repo/jobs';
import { createJobRunner, type TargetOutcome } from '../jobs/runner';
import { createJobWatch } from '../jobs/watch';
import { DEFAULT_RETRY } from '../retry';
import type { Ctx, ShipmentsDeps } from './context';
import { issueBaseKey, pickupTargetKey } from './keys';
import { issueTarget } from './issue';
import { pickupTarget } from './pickup';
import { reserveTarget } from './reserve';
import { cancelTarget } from './cancel';
import { markPrinted, reconcileForLabels } from './print';
import { shopRhythm, syncAll } from './sync';
import { LATE_COMMIT_MS, settleSweep } from './settle';
import type { Rhythm } from './rhythm';
import { flushPendingWrites, type FlushResult } from './godomall-writes';
import { recordTypedInvoices, type TypedInvoiceRow } from './typed';
import { dashboardCounts, orderParcels, rowShipments, type DashboardCounts } from './queries';
import { adminPlace, stoppedZips, type AdminPlace } from './safe-calls';
import { receiverGroups, type ReceiverGroup } from './receiver-groups';
import { liveShipment, shipmentsByKeys, shipmentsInStates } from '../db/repo/shipments';
import { lifeOf, may } from './lifecycle';

export type { ShipmentsDeps } from './context';
export interface Shipments {
  /** persists a job (one target per order/item for issue, per shipment key otherwise) and starts it; resolves with its id at once */
  startJob(req: StartJobRequest): Promise<string>;
  /** runs every unfinished job in the journal (call on service-worker start) */
  resumeJobs(): Promise<Job[]>;
  /** runs one job to the end (joins a run already going) */
  runJob(id: string): Promise<Job | undefined>;
  /**
   * The job; with `seen`, once it differs from what the page saw (an outcome or its end), or after
   * `maxWaitMs`: the page hears of the job's end when it happens, not at its next poll
   */
  getJob(id: string, seen?: JobSeen, maxWaitMs?: number): Promise<Job | undefined>;
  /** the newest unfinished job of this admin (its shop or supplier pages) */
  runningJob(place: AdminPlace): Promise<Job | undefined>;
  /** orders among these that go to one receiver, read from the admin (the issue job's offer to combine) */
  receiverGroups(place: AdminPlace, orderNos: string[], listNames?: Record<string, string>): Promise<ReceiverGroup[]>;
  rowShipments(origin: string, orderNos: string[]): Promise<RowShipment[]>;
  /** the order page's panel: one order's parcels with their scans, and its audit */
  orderParcels(origin: string, orderNo: string): Promise<OrderParcels>;
  markPrinted(keys: string[], reprint: boolean, operatorId: string): Promise<{ moved: number }>;
  /** before labels are shown: parcels not yet reconciled with their key family are; returns those not to print */
  reconcileForLabels(keys: string[], operatorId: string): Promise<Array<{ key: string; reason: string }>>;
  /** tracking for every live parcel + godomall updates (one at a time: the caller's SyncControl sees to it) */
  syncAll(trigger: SyncRun['trigger']): Promise<SyncRun>;
  /**
   * looks again at every send whose outcome was unknown once a late commit can no longer land (the
   * settle alarm's run); returns when the next is due
   */
  settleSweep(): Promise<{ settled: number; errors: string[]; next?: number }>;
  /** the shop's delivery rhythm the sync plans with (where the sync alarm's runs belong) */
  rhythm(): Promise<Rhythm>;
  flushPendingWrites(origin?: string): Promise<FlushResult>;
  recordTypedInvoices(origin: string, rows: TypedInvoiceRow[], operatorId?: string): Promise<number>;
  dashboardCounts(): Promise<DashboardCounts>;
}

export function createShipments(deps: ShipmentsDeps): Shipments {
  const ctx: Ctx = {
    db: deps.db,
    epost: deps.epost,
    tracking: deps.tracking,
    adminFor: deps.adminFor,
    settings: deps.settings,
    now: deps.now ?? Date.now,
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    insertAttempts: deps.insertAttempts ?? 4,
    settleMs: deps.settleMs ?? 15_000,
    lateCommitMs: deps.lateCommitMs ?? LATE_COMMIT_MS,
    onSettleDue: deps.onSettleDue ?? (() => undefined),
    inFlight: new Set(),
    flushing: new Set(),
  };
  const watch = createJobWatch();
  const runner = createJobRunner({
    db: deps.db,
    now: ctx.now,
    onChange: watch.changed,
    follow: (job) => (job.kind === 'issue' && job.thenReserve ? reserveIssued(job) : Promise.resolve(undefined)),
    // targets in flight: twice the setting. Korea Post still sees at most its client's limit at once
    // (lib/epost/transport.ts); the extra targets' godomall reads and writes overlap those calls, so the
    // Korea Post pipe stays full instead of idling while an order page loads
    concurrency: async () => (await deps.settings()).concurrency * 2,
    handle: (job, target): Promise<TargetOutcome> => {
      if (job.kind === 'issue') return issueTarget(ctx, job, target);
      if (job.kind === 'reserve') return reserveTarget(ctx, job, target);
      if (job.kind === 'cancel') return cancelTarget(ctx, job, target);
      if (job.kind === 'pickup') return pickupTarget(ctx, job, target);
      return Promise.resolve({ status: 'failed', message: `알 수 없는 작업입니다 (${job.kind}).` });
    },
  });

  async function startJob(req: StartJobRequest): Promise<string> {
    const targets =
      req.kind === 'issue'
        ? await withBoxes(
            jobTargetsOf(req.mode, req.targets ?? [], req.combine, req.reship === true),
            req.mode,
            req.targets ?? [],
            req.reship === true,
          )
        : req.kind === 'pickup'
          ? pickupTargetsOf(req.targets ?? [])
          : await keyTargets(req.keys ?? []);
    const box = req.kind === 'issue' && req.box ? await boxNamed(req.box) : undefined;
    const now = ctx.now();
    const id = `${req.kind}-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await putJob(deps.db, {
      id,
      kind: req.kind,
      status: 'queued',
      ...adminPlace(req),
      operatorId: req.operatorId,
      mode: req.mode,
      ...(box ? { box } : {}),
      ...(req.kind === 'pickup' && req.claim ? { claim: req.claim } : {}),
      ...(req.kind === 'issue' && req.thenReserve ? { thenReserve: true } : {}),
      ...(req.kind === 'issue' && req.reship ? { reship: true as const } : {}),
      targets,
      createdAt: now,
      updatedAt: now,
    });
    // the 접수중지 list every issue target consults: asked now, beside the first order reads, not after them
    if (req.kind === 'issue') void stoppedZips(ctx);
    void runner.run(id).catch(() => undefined); // progress is in the journal; resumeJobs() picks up a crash
    return id;
  }

  /**
   * 발급 후 바로 예약: the 예약 job of the parcels an issue job made (its done targets' live rows that
   * may be reserved), under a key derived from the issue job's so a resumed end does not start two.
   */
  async function reserveIssued(job: Job): Promise<string | undefined> {
    const id = `${job.id}-reserve`;
    if (await getJobRecord(deps.db, id)) return id;
    const made = await Promise.all(job.targets.filter((t) => t.status === 'done').map((t) => liveShipment(deps.db, t.key)));
    const rows = made.filter((r): r is Shipment => r !== undefined && may(lifeOf(r), 'reserve').ok);
    if (!rows.length) return undefined;
    const now = ctx.now();
    await putJob(deps.db, {
      id,
      kind: 'reserve',
      status: 'queued',
      ...adminPlace(job),
      operatorId: job.operatorId,
      mode: job.mode,
      // the rows just read are the targets (keyTargets would read them again)
      targets: rows.map((r) => ({ key: r.key, orderNo: r.orderNo, itemSnos: r.itemSnos, status: 'todo' as const })),
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  /**
   * Pending rows no job will finish (their job gave up while Korea Post could not be asked): one
   * system issue job per origin settles them — GetResInfo first, as always. Returns its id, if any.
   */
  async function orphanPending(finished: Job[]): Promise<string | undefined> {
    // what a job still holds: an issue target names its base key, a pickup target its order (pickup.ts)
    const todo = (kind: Job['kind']) =>
      new Set(finished.filter((j) => j.kind === kind).flatMap((j) => j.targets.filter((t) => t.status === 'todo').map((t) => t.key)));
    const [issues, pickups] = [todo('issue'), todo('pickup')];
    const pending = (await shipmentsInStates(deps.db, ['pending'])).filter((r) =>
      r.pickup ? !pickups.has(pickupTargetKey(r.orderNo)) : !issues.has(r.baseKey) && !ctx.inFlight.has(r.baseKey),
    );
    const first = pending[0];
    if (!first) return undefined;
    // one job of one kind per call: a return pickup is settled by a pickup job, never by an issue job
    const mine = pending.filter(
      (r) =>
        r.adminOrigin === first.adminOrigin &&
        r.adminBase === first.adminBase &&
        r.mode === first.mode &&
        r.pickup?.claim === first.pickup?.claim &&
        r.reship === first.reship,
    );
    const now = ctx.now();
    const kind = first.pickup ? 'pickup' : 'issue';
    const id = `${kind}-${now.toString(36)}-resume`;
    await putJob(deps.db, {
      id,
      kind,
      status: 'queued',
      ...adminPlace(first),
      operatorId: first.operatorId,
      mode: first.mode,
      ...(first.pickup ? { claim: first.pickup.claim } : {}),
      ...(first.reship ? { reship: true as const } : {}),
      createdAt: now,
      updatedAt: now,
      targets: mine.map((r) => ({
        key: r.pickup ? pickupTargetKey(r.orderNo) : r.baseKey,
        orderNo: r.orderNo,
        itemSnos: r.wholeOrder ? [] : r.itemSnos,
        status: 'todo' as const,
      })),
    });
    return id;
  }

  async function watchedJob(id: string, seen: JobSeen | undefined, maxWaitMs = 20_000): Promise<Job | undefined> {
    if (!seen) return readJob(deps.db, id);
    // listen before reading: a change between the read and the wait is not missed
    const next = watch.next(id, maxWaitMs);
    if (await movedOn(id, seen)) {
      next.stop();
      return readJob(deps.db, id);
    }
    // outcomes come in a stream: one answer for those of the next JOB_ANSWER_COALESCE_MS rather than one
    // per target (each answer carries the whole job and re-renders the page's panel); the job's end is
    // answered at once
    let why = await next.changed;
    const until = Date.now() + JOB_ANSWER_COALESCE_MS;
    while (why === 'step' && Date.now() < until) why = await watch.next(id, until - Date.now()).changed;
    return readJob(deps.db, id);
  }

  /** whether the job is no longer as the page saw it: every outcome and status counts in its row's rev */
  async function movedOn(id: string, seen: JobSeen): Promise<boolean> {
    const row = await getJobRecord(deps.db, id);
    return !row || row.status !== seen.status || (row.rev ?? 0) !== (seen.rev ?? 0);
  }

  async function runningJob(place: AdminPlace): Promise<Job | undefined> {
    const mine = (await unfinishedJobs(deps.db)).filter((j) => j.adminOrigin === place.adminOrigin && j.adminBase === place.adminBase);
    const newest = mine[mine.length - 1];
    return newest ? readJob(deps.db, newest.id) : undefined;
  }

  /** The preset of that name, as the settings hold it now; an unknown name starts nothing. */
  async function boxNamed(name: string): Promise<Box> {
    const box = (await deps.settings()).boxes.find((b) => b.name === name);
    if (!box) throw new Error(`박스 규격 「${name.slice(0, 20)}」이(가) 설정에 없습니다. 옵션의 박스 규격을 확인해 주세요.`);
    return box;
  }

  /** Each issue target's own box (the job's preview), resolved by name now: an unknown name starts nothing. */
  async function withBoxes(
    targets: JobTarget[],
    mode: StartJobRequest['mode'],
    req: JobRequestTarget[],
    reship: boolean,
  ): Promise<JobTarget[]> {
    const named = new Map<string, string>();
    for (const t of req)
      if (t.box && (mode === 'order' || t.itemSnos.length === 1) && (!reship || t.itemSnos.length > 0))
        named.set(issueBaseKey(mode, t.orderNo, t.itemSnos, reship), t.box);
    if (!named.size) return targets;
    return Promise.all(targets.map(async (t) => (named.has(t.key) ? { ...t, box: await boxNamed(named.get(t.key)!) } : t)));
  }

  async function keyTargets(keys: string[]): Promise<JobTarget[]> {
    const unique = [...new Set(keys)];
    const rows = await shipmentsByKeys(deps.db, unique);
    return unique.map((key, i) => ({ key, orderNo: rows[i]?.orderNo ?? '', itemSnos: rows[i]?.itemSnos ?? [], status: 'todo' as const }));
  }

  return {
    startJob,
    resumeJobs: async () => {
      const jobs = await runner.resumeAll();
      const orphans = await orphanPending(jobs);
      if (orphans) jobs.push(...[await runner.run(orphans)].filter((j): j is Job => j !== undefined));
      await flushPendingWrites(ctx); // writes a dead worker queued but never sent
      return jobs;
    },
    runJob: (id) => runner.run(id),
    getJob: watchedJob,
    runningJob,
    receiverGroups: (place, orderNos, listNames) => receiverGroups(ctx, place, orderNos, listNames),
    rowShipments: (origin, orderNos) => rowShipments(deps.db, origin, orderNos),
    orderParcels: (origin, orderNo) => orderParcels(deps.db, origin, orderNo),
    markPrinted: (keys, reprint, operatorId) => markPrinted(ctx, keys, reprint, operatorId),
    reconcileForLabels: (keys, operatorId) => reconcileForLabels(ctx, keys, operatorId),
    // one sync at a time is the background's SyncControl (lib/background/sync.ts), the one guard
    syncAll: (trigger) => syncAll(ctx, trigger),
    settleSweep: () => settleSweep(ctx),
    rhythm: async () => shopRhythm(ctx, ctx.now(), (await ctx.settings()).syncIntervalMinutes),
    flushPendingWrites: (origin) => flushPendingWrites(ctx, origin),
    recordTypedInvoices: (origin, rows, operatorId) => recordTypedInvoices(ctx, origin, rows, operatorId),
    dashboardCounts: () => dashboardCounts(deps.db),
  };
}

/** how long an answer about a changed job waits for the other targets in flight to end too */
const JOB_ANSWER_COALESCE_MS = 250;

/**
 * One target per baseKey; a selection naming the same order/item twice is one target. Orders the
 * operator chose to combine (주문별) are one target: the group's lowest order number carries the others.
 */
function jobTargetsOf(mode: StartJobRequest['mode'], req: JobRequestTarget[], combine: string[][] = [], reship = false): JobTarget[] {
  const leadOf = new Map<string, string>();
  const others = new Map<string, string[]>();
  if (mode === 'order')
    for (const group of combine) {
      const [lead, ...rest] = [...group].sort();
      for (const o of rest) leadOf.set(o, lead!);
      others.set(lead!, rest);
    }
  const out = new Map<string, JobTarget>();
  for (const t of req) {
    const snos = mode === 'item' ? (t.itemSnos.length ? t.itemSnos.map((s) => [s]) : [[]]) : [t.itemSnos];
    for (const itemSnos of snos) {
      let key: string;
      try {
        key = issueBaseKey(mode, t.orderNo, itemSnos, reship);
      } catch {
        key = `${t.orderNo}-?`;
      }
      if (leadOf.has(t.orderNo)) continue; // carried by its group's lead
      const combined = others.get(t.orderNo);
      if (!out.has(key))
        out.set(key, { key, orderNo: t.orderNo, itemSnos, status: 'todo', ...(combined?.length ? { combine: combined } : {}) });
    }
  }
  return [...out.values()];
}

/**
 * 반품 회수: one target per order, with the claim rows chosen of it (none = every item of the claim still
 * waiting for pickup). The pickup's key is decided when the order's claim tab is read (pickup.ts).
 */
function pickupTargetsOf(req: JobRequestTarget[]): JobTarget[] {
  const byOrder = new Map<string, Set<string> | undefined>();
  for (const t of req) {
    const had = byOrder.has(t.orderNo) ? byOrder.get(t.orderNo) : new Set<string>();
    // an order row (no items) asks for the whole claim, whatever else was chosen of it
    byOrder.set(t.orderNo, had && t.itemSnos.length ? new Set([...had, ...t.itemSnos]) : undefined);
  }
  return [...byOrder].map(([orderNo, snos]) => ({
    key: pickupTargetKey(orderNo),
    orderNo,
    itemSnos: snos ? [...snos] : [],
    status: 'todo' as const,
  }));
}
