// The overlay's state: signals outside components, changed only by the verb-named actions below.
// It knows the page only as ListRow values and the background only through `OverlayBackend`, so it
// runs the same in the content script, in unit tests and in the benchmark.
import { batch, computed, signal } from '@preact/signals';
import type { IssueMode, Job } from '../db/types';
import type { ListRow } from '../godomall/types';
import type { JobRequestTarget, JobSeen, RowShipment, StartJobRequest } from '../message-data';
import type { Notice, OverlayDeps } from './deps';
import { badgeFor, canCancel, canIssue, canPrint, canReserve, pickupBadgeFor, type Badge } from './badge';
import { baseKeyFor } from '../shipments/keys';
import { handsOver } from '../jobs/pace';
import { NO_FILTERS, type Filters, type IssueFilter, type ReserveFilter } from './filters';
import {
  issueTargets,
  matchShipments,
  ordersWithParcel,
  pickupTargets,
  refusals,
  reshipTargets,
  shipmentKeys,
  typedInvoiceRows,
  type RowView,
} from './targets';
import { STALE_WORKER_MESSAGE } from '../build-stamp';

export type { OverlayBackend, OverlayDeps, Notice } from './deps';

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const id = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(id), reject(signal.reason)), { once: true });
  });
}

/** asks for a job's state that fail in a row (a stopped worker) before the page gives up following it */
const FOLLOW_RETRIES = 4;

/** the longest pause between two re-reads of rows still waiting on the background: 12 × 5 s = 1 min */
const SETTLE_BACKOFF_CAP = 12;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createOverlayModel(deps: OverlayDeps) {
  const { backend, t } = deps;
  const trace = deps.trace ?? (() => undefined);
  const rows = signal<ListRow[]>([]);
  const shipments = signal<RowShipment[]>([]);
  const searchRows = signal<ListRow[] | undefined>(undefined);
  const searchShipments = signal<RowShipment[]>([]);
  const selectedKeys = signal<ReadonlySet<string>>(new Set());
  const filters = signal<Filters>(NO_FILTERS);
  const mode = signal<IssueMode>(deps.mode);
  /** the box preset the next issue job sends ('' = the default weight and size) */
  const box = signal('');
  const job = signal<Job | undefined>(undefined);
  /**
   * The issue preview (박스 지정 발급): the parcels the next issue job would send, each with the box the
   * operator chose for it ('' = the toolbar's box), keyed by previewKey
   */
  const preview = signal<{ targets: JobRequestTarget[]; boxes: Readonly<Record<string, string>> } | undefined>(undefined);
  const starting = signal(false);
  const notice = signal<Notice | undefined>(undefined);
  const backendReachable = signal(true);
  /** why the journal could not be read (the 확인 불가 badges' tooltip) */
  const unreadReason = signal('');
  /** whether the running worker is another build's, asked once per page */
  let staleCheck: Promise<boolean> | undefined;

  // a claim list shows its claims' return pickups; every other list, the parcels to the customer
  const claim = deps.claim;
  // the 교환추가 list issues 교환 재배송 parcels; a replacement item's row (z: that list's, and the
  // 주문통합 list's) shows its replacement parcel, every other row the order's own parcels
  const reship = deps.reship === true;
  const isReplacementRow = (r: ListRow) => reship || r.statusGroup === 'z';
  const toViews = (list: ListRow[], ships: RowShipment[]): RowView[] => {
    const mine = ships.filter((s) => s.pickup === claim);
    const matched = new Map([
      ...matchShipments(
        list.filter((r) => !isReplacementRow(r)),
        mine.filter((s) => !s.reship),
      ),
      ...matchShipments(
        list.filter(isReplacementRow),
        mine.filter((s) => s.reship),
      ),
    ]);
    const badge = claim ? pickupBadgeFor : badgeFor;
    // without the journal a row godomall shows no number for is not known to be 미발급
    const unread = (b: Badge): Badge =>
      backendReachable.value || b.kind !== 'unissued' ? b : { ...b, kind: 'unknown', detail: unreadReason.value };
    return list.map((row) => ({ row, badge: unread(badge(row, matched.get(row.key))) }));
  };
  const views = computed(() => toViews(rows.value, shipments.value));
  const selectedViews = computed(() => views.value.filter((v) => selectedKeys.value.has(v.row.key)));
  const searchViews = computed(() => (searchRows.value ? toViews(searchRows.value, searchShipments.value) : undefined));
  const busy = computed(() => starting.value || job.value?.status === 'queued' || job.value?.status === 'running');
  /**
   * The step after a finished job, for that job's own parcels on every page of the search: 예약 after
   * an issue, 출력 after a 예약. godomall pages its lists by item rows (at most 500), so a 500-order
   * search does not fit one page and the page's select-all box reaches only part of the job.
   */
  const nextStep = computed((): { action: 'reserve' | 'print'; keys: string[] } | undefined => {
    const j = job.value;
    // a job that started its own next step (발급 후 바로 예약) offers none: the page follows that job on
    if (!j || j.status !== 'done' || handsOver(j) || claim) return undefined;
    const done = new Set(j.targets.filter((x) => x.status === 'done').map((x) => x.key));
    if (j.kind === 'reserve') return done.size ? { action: 'print', keys: [...done] } : undefined;
    if (j.kind !== 'issue') return undefined;
    // an issue target's key is its base key; the parcel it made is the row of that base key
    const baseOf = new Map([...shipments.value, ...searchShipments.value].map((s) => [s.key, s.baseKey]));
    const issued = (searchViews.value ?? views.value).filter((v) => done.has(baseOf.get(v.badge.shipmentKey ?? '') ?? ''));
    const keys = shipmentKeys(issued, canReserve);
    return keys.length ? { action: 'reserve', keys } : undefined;
  });
  // Until the whole search is read, the counts are of this page (better than nothing, labelled as is).
  // a replacement row on another list (주문통합) is issued from the 교환추가 list or the order page
  const targetsOf = (list: readonly RowView[]) =>
    reship
      ? reshipTargets(list, mode.value, canIssue)
      : issueTargets(
          list.filter((v) => !isReplacementRow(v.row)),
          mode.value,
          canIssue,
        );
  const issueAllTargets = computed(() => targetsOf(searchViews.value ?? views.value));
  const reserveAllKeys = computed(() => shipmentKeys(searchViews.value ?? views.value, canReserve));
  const pickupAllTargets = computed(() => (claim ? pickupTargets(searchViews.value ?? views.value, claim, canIssue) : []));
  // 상품별 needs item rows: the grouped 상품준비중/입금대기 lists give one row per order (simple :120-138)
  // 주문별 counts orders (the grouped 결제완료 list has a box per item, simple :79-83); 상품별 counts rows
  const selectionCount = computed(() =>
    mode.value === 'order' ? new Set(selectedViews.value.map((v) => v.row.orderNo)).size : selectedViews.value.length,
  );
  const needsItemView = computed(() => mode.value === 'item' && rows.value.some((r) => !r.sno));

  const orderNosOf = (list: ListRow[]) => [...new Set(list.map((r) => r.orderNo))];

  async function fetchShipments(list: ListRow[]): Promise<RowShipment[]> {
    if (list.length === 0) return [];
    const got = await backend.rowShipments({ adminOrigin: deps.adminOrigin, orderNos: orderNosOf(list) }).catch(() => undefined);
    // a worker of another build answers in its own shape (issue 19): read as no answer
    staleCheck ??= deps.workerIsStale?.().catch(() => false) ?? Promise.resolve(false);
    const stale = await staleCheck;
    if (got && !stale) {
      backendReachable.value = true;
      return got;
    }
    // No background (or not this build's): keep showing what the page says; rows without a number read 확인 불가.
    unreadReason.value = stale ? STALE_WORKER_MESSAGE : t('overlayBackgroundUnavailable');
    backendReachable.value = false;
    // keep a more specific error already shown (e.g. why a job did not start)
    if (notice.value?.level !== 'error') notice.value = { level: 'error', text: unreadReason.value };
    return [];
  }

  // typed numbers already told to the background (once per page: a number it does not adopt stays typed)
  const reported = new Set<string>();

  /**
   * Re-reads the page's rows while one of them waits on the background (see OverlayDeps.settlePollMs).
   * A write usually lands within seconds; one held by an expired godomall session can wait for hours,
   * so while the same rows stay unsettled the pause doubles, up to SETTLE_BACKOFF_CAP times the first.
   */
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let settleWaiting = '';
  let settleRound = 0;
  function watchUnsettled(): void {
    const every = deps.settlePollMs ?? 5_000;
    if (settleTimer || every <= 0 || deps.signal?.aborted) return;
    const waiting = shipments.value
      .filter((s) => s.savePending || s.state === 'pending')
      .map((s) => s.key)
      .sort()
      .join(' ');
    if (!waiting) return void (settleWaiting = '');
    settleRound = waiting === settleWaiting ? settleRound + 1 : 0;
    settleWaiting = waiting;
    settleTimer = setTimeout(
      () => {
        settleTimer = undefined;
        if (!deps.signal?.aborted) void refreshShipments();
      },
      every * Math.min(2 ** settleRound, SETTLE_BACKOFF_CAP),
    );
  }
  deps.signal?.addEventListener('abort', () => clearTimeout(settleTimer), { once: true });

  async function refreshShipments(): Promise<void> {
    shipments.value = await fetchShipments(rows.value);
    watchUnsettled();
    // a replacement's number typed by hand stays 직접 입력: adopting it would track it as the order's own
    // parcel (typed.ts knows nothing of 교환추가), moving the order's d statuses instead of z
    const typed = typedInvoiceRows(views.value.filter((v) => !isReplacementRow(v.row))).filter(
      (r) => !reported.has(`${r.orderNo}|${r.itemSnos.join(',')}|${r.invoiceNo}`),
    );
    if (!typed.length || !backendReachable.value) return;
    for (const r of typed) reported.add(`${r.orderNo}|${r.itemSnos.join(',')}|${r.invoiceNo}`);
    const adopted = await backend.reportTypedInvoices({ adminOrigin: deps.adminOrigin, rows: typed }).catch(() => undefined);
    // the journal now tracks them: show its state (예약 전 / 배송중 …) instead of 직접 입력
    if (!adopted) return;
    const orders = new Set(typed.map((r) => r.orderNo));
    shipments.value = [...shipments.value.filter((s) => !orders.has(s.orderNo)), ...adopted];
  }

  async function refreshSearch(): Promise<void> {
    if (!deps.fetchSearchRows) return;
    try {
      trace('search');
      const all = await deps.fetchSearchRows();
      const ships = await fetchShipments(all);
      batch(() => {
        searchRows.value = all;
        searchShipments.value = ships;
      });
      trace('search:read', { rows: all.length });
    } catch (e) {
      notice.value = { level: 'error', text: t('overlayCountFailed', reason(e)) };
    }
  }

  /**
   * Follows a job until it ends. Each ask tells the background what this page has seen, and the
   * background answers when the job has changed: an outcome or the job's end shows at once, not at a
   * poll. Remembered so a reloaded page keeps showing it (and stays disabled).
   */
  async function follow(jobId: string): Promise<void> {
    deps.jobMemory?.save(jobId);
    let seen: JobSeen | undefined;
    let j: Job | undefined;
    for (let misses = 0; ;) {
      try {
        j = await backend.getJob({ jobId, ...(seen ? { seen } : {}) });
        misses = 0;
      } catch (e) {
        // a worker Chrome stopped drops the question; asking again wakes it (and it resumes the job)
        if (deps.signal?.aborted || ++misses > FOLLOW_RETRIES) throw e;
        await wait(500 * misses, deps.signal);
        continue;
      }
      batch(() => {
        job.value = j;
        // a finished job that started the next (발급 후 바로 예약) is followed on at once: until that one
        // answers the page stays busy, so nothing can be started in between
        starting.value = !!j && handsOver(j);
      });
      trace('job:seen', { status: j?.status, settled: j?.targets.filter((x) => x.status !== 'todo').length });
      if (!j || j.status === 'done' || j.status === 'failed') break;
      seen = { status: j.status, ...(j.rev !== undefined ? { rev: j.rev } : {}) };
      // a floor between answers, should a background answer at once (an older build, a test double)
      await wait(deps.pollMs ?? 150, deps.signal);
    }
    deps.jobMemory?.save(undefined);
    // 발급 후 바로 예약: the background started the 예약 of this job's parcels as it ended
    if (j?.next) await follow(j.next);
  }

  async function runJob(req: Omit<StartJobRequest, 'adminOrigin' | 'operatorId' | 'mode'>): Promise<void> {
    if (busy.value) return; // double click, or a second button while one job runs
    starting.value = true;
    notice.value = undefined;
    try {
      const full: StartJobRequest = {
        ...req,
        adminOrigin: deps.adminOrigin,
        ...(deps.adminBase ? { adminBase: deps.adminBase } : {}),
        operatorId: deps.operatorId(),
        mode: mode.value,
      };
      trace('job:start');
      const { jobId } = await backend.startJob(full);
      trace('job:created', { jobId });
      await follow(jobId);
    } catch (e) {
      if (deps.signal?.aborted) return;
      notice.value = { level: 'error', text: t('overlayJobStartFailed', reason(e)) };
    } finally {
      starting.value = false;
    }
    await Promise.all([refreshShipments(), refreshSearch()]);
    trace('job:refreshed');
  }

  /**
   * After a reload, or back on the list from elsewhere: show the job this tab started, else the
   * admin's running job (it went on in the background meanwhile), until it ends.
   */
  async function resumeJob(): Promise<void> {
    if (busy.value) return;
    starting.value = true;
    try {
      const jobId =
        deps.jobMemory?.load() ??
        (await backend.runningJob?.({ adminOrigin: deps.adminOrigin, ...(deps.adminBase ? { adminBase: deps.adminBase } : {}) }))?.id;
      if (jobId) await follow(jobId);
    } catch {
      deps.jobMemory?.save(undefined);
    } finally {
      starting.value = false;
    }
    await refreshShipments();
  }

  /**
   * 주문별: orders of this job that go to one receiver are listed and the operator is asked whether to
   * send each group as one parcel (확인) or each order on its own (취소). Never combined silently; an
   * unanswered lookup combines nothing.
   */
  async function combineOffer(targets: readonly JobRequestTarget[]): Promise<string[][]> {
    // a replacement goes on its own (issue.ts): it is never combined with another order
    if (reship || mode.value !== 'order' || targets.length < 2 || !backend.receiverGroups) return [];
    starting.value = true;
    trace('receivers');
    try {
      const groups = await backend
        .receiverGroups({
          adminOrigin: deps.adminOrigin,
          ...(deps.adminBase ? { adminBase: deps.adminBase } : {}),
          orderNos: targets.map((x) => x.orderNo),
          listNames: listedReceivers(targets),
        })
        .catch(() => []);
      trace('receivers:read', { orders: targets.length, groups: groups.length });
      if (!groups.length) return [];
      const list = groups.map((g) => `· ${g.receiver}: ${g.orderNos.join(', ')}`).join('\n');
      return deps.confirm(t('overlayCombineConfirm', groups.length, list)) ? groups.map((g) => g.orderNos) : [];
    } finally {
      starting.value = false;
    }
  }

  /** The 수령자 names the list printed for these orders (none when the operator's grid has no such column). */
  function listedReceivers(targets: readonly JobRequestTarget[]): Record<string, string> {
    const wanted = new Set(targets.map((x) => x.orderNo));
    const out: Record<string, string> = {};
    for (const r of [...rows.value, ...(searchRows.value ?? [])])
      if (r.receiverName && wanted.has(r.orderNo)) out[r.orderNo] = r.receiverName;
    return out;
  }

  /** An issue job: asks about same-receiver orders, then the count, then starts it. */
  async function startIssue(targets: JobRequestTarget[], question: string): Promise<void> {
    const combine = await combineOffer(targets);
    // 발급 후 바로 예약 (settings.reserveAfterIssue): the one question names both steps
    const thenReserve = deps.reserveAfterIssue?.() === true;
    const yes = deps.confirm(
      thenReserve ? `${t(question, targets.length)}\n\n${t('overlayThenReserveNote')}` : t(question, targets.length),
    );
    trace('confirmed', { yes });
    if (!yes) return;
    await runJob({
      kind: 'issue',
      targets,
      ...(box.value ? { box: box.value } : {}),
      ...(combine.length ? { combine } : {}),
      ...(thenReserve ? { thenReserve } : {}),
      ...(reship ? { reship } : {}),
    });
  }

  /** A pickup job on a claim list: one target per order (pickupTargets), asked first with their count. */
  async function startPickup(targets: JobRequestTarget[]): Promise<void> {
    if (busy.value || !claim) return;
    if (targets.length === 0) return nothingToDo();
    if (!deps.confirm(t('overlayPickupConfirm', targets.length))) return;
    await runJob({ kind: 'pickup', claim, targets });
  }

  function nothingToDo(): void {
    notice.value = { level: 'info', text: t('overlayNothingToDo') };
  }

  return {
    // read-only views for components
    views,
    selectedViews,
    filters: computed(() => filters.value),
    mode: computed(() => mode.value),
    boxes: deps.boxes ?? [],
    box: computed(() => box.value),
    preview: computed(() => preview.value),
    job: computed(() => job.value),
    busy,
    notice: computed(() => notice.value),
    needsItemView,
    selectionCount,
    issueAllCount: computed(() => issueAllTargets.value.length),
    reserveAllCount: computed(() => reserveAllKeys.value.length),
    /** the claim list this page is (반품 b / 교환 e), or undefined */
    claim,
    pickupAllCount: computed(() => pickupAllTargets.value.length),
    searchCounted: computed(() => searchRows.value !== undefined || !deps.fetchSearchRows),
    backendReachable: computed(() => backendReachable.value),

    async loadRows(list: ListRow[]): Promise<void> {
      rows.value = list;
      await refreshShipments();
    },
    refreshShipments,
    refreshSearch,
    resumeJob,
    setSelection(keys: Iterable<string>): void {
      selectedKeys.value = new Set(keys);
    },
    setIssueFilter(issue: IssueFilter): void {
      filters.value = { ...filters.value, issue };
    },
    setReserveFilter(reserve: ReserveFilter): void {
      filters.value = { ...filters.value, reserve };
    },
    chooseBox(name: string): void {
      box.value = (deps.boxes ?? []).includes(name) ? name : '';
    },
    chooseMode(next: IssueMode): void {
      mode.value = next;
      void backend.setIssueMode({ issueMode: next }).catch(() => undefined);
    },
    /** a problem of the shop's setup the operator must fix before issuing (shown until dismissed) */
    warn(text: string): void {
      notice.value = { level: 'error', text };
    },
    dismissNotice(): void {
      notice.value = undefined;
    },
    /** hides a finished job's results (a running job cannot be dismissed) */
    dismissJob(): void {
      if (!busy.value) job.value = undefined;
    },
    // Every job asks first, with its count, as godomall's own bulk actions do (orderList.js): a job is
    // an operator's decision, never a side effect of a stray click or of a script on the admin page.
    async issueSelected(): Promise<void> {
      if (busy.value || needsItemView.value) return;
      const all = targetsOf(selectedViews.value);
      // 주문별: an order whose own parcel exists has its key taken (the background would skip it); an
      // item added to it since — godomall's 동일상품교환 adds the replacement as a new p1 item of the
      // same order — goes 상품별, under its own key
      const held = mode.value === 'order' && !reship ? ordersWithParcel([...shipments.value, ...searchShipments.value]) : new Set();
      const targets = all.filter((x) => !held.has(x.orderNo));
      if (targets.length === 0)
        return all.length ? void (notice.value = { level: 'info', text: t('overlayOrderHasParcel', all.length) }) : nothingToDo();
      await startIssue(targets, 'overlayIssueConfirm');
    },
    async issueAllSearched(): Promise<void> {
      if (busy.value || needsItemView.value) return;
      const targets = issueAllTargets.value;
      if (targets.length === 0) return nothingToDo();
      await startIssue(targets, 'overlayIssueAllConfirm');
    },
    /** 박스 지정 발급: the selected parcels listed, each with a box to choose, before anything is sent */
    previewSelected(): void {
      if (busy.value || needsItemView.value) return;
      const targets = targetsOf(selectedViews.value);
      if (targets.length === 0) return nothingToDo();
      preview.value = { targets, boxes: {} };
    },
    choosePreviewBox(key: string, name: string): void {
      const p = preview.value;
      if (!p) return;
      preview.value = { ...p, boxes: { ...p.boxes, [key]: (deps.boxes ?? []).includes(name) ? name : '' } };
    },
    closePreview(): void {
      preview.value = undefined;
    },
    /** issues the previewed parcels, each with its chosen box (the toolbar's box for the rest) */
    async issuePreview(): Promise<void> {
      const p = preview.value;
      if (!p || busy.value) return;
      const targets = p.targets.map((x) => (p.boxes[previewKey(x)] ? { ...x, box: p.boxes[previewKey(x)] } : x));
      preview.value = undefined;
      await startIssue(targets, 'overlayIssueConfirm');
    },
    async reserveSelected(): Promise<void> {
      if (busy.value) return;
      const keys = shipmentKeys(selectedViews.value, canReserve);
      if (keys.length === 0) return nothingToDo();
      if (!deps.confirm(t('overlayReserveConfirm', keys.length))) return;
      await runJob({ kind: 'reserve', keys });
    },
    nextStep: computed(() => (nextStep.value ? { action: nextStep.value.action, count: nextStep.value.keys.length } : undefined)),
    /** the finished job's next step (nextStep): 예약 asks first like every job; 출력 opens the label page */
    async runNextStep(): Promise<void> {
      const next = nextStep.value;
      if (busy.value || !next) return;
      if (next.action === 'print') {
        await backend.openLabels({ keys: next.keys, print: true }).catch((e: unknown) => {
          notice.value = { level: 'error', text: t('overlayJobStartFailed', reason(e)) };
        });
        return;
      }
      const yes = deps.confirm(t('overlayReserveConfirm', next.keys.length));
      trace('confirmed', { yes });
      if (!yes) return;
      await runJob({ kind: 'reserve', keys: next.keys });
    },
    async reserveAll(): Promise<void> {
      if (busy.value) return;
      const keys = reserveAllKeys.value;
      if (keys.length === 0) return nothingToDo();
      if (!deps.confirm(t('overlayReserveConfirm', keys.length))) return;
      await runJob({ kind: 'reserve', keys });
    },
    // 발급·예약 취소: issued and reserved parcels alike (the most common cancel is a wrong address noticed
    // right after issuing); the rows that cannot be cancelled are named with the lifecycle's reason
    async cancelSelected(): Promise<void> {
      if (busy.value) return;
      const keys = shipmentKeys(selectedViews.value, canCancel);
      const refused = refusals(selectedViews.value, 'cancel');
      const why = refused.map((r) => t('overlayRefusedLine', r.reason, r.count)).join('\n');
      if (keys.length === 0) {
        notice.value = { level: 'info', text: refused.length ? t('overlayCancelNone', why) : t('overlayNothingToDo') };
        return;
      }
      const question = t(claim ? 'overlayPickupCancelConfirm' : 'overlayCancelConfirm', keys.length);
      if (!deps.confirm(refused.length ? `${question}\n\n${t('overlayCancelSkipped', why)}` : question)) return;
      await runJob({ kind: 'cancel', keys });
    },
    // 반품 회수 접수 (claim lists): a Korea Post return pickup per order's claim items
    pickupSelected: () => startPickup(claim ? pickupTargets(selectedViews.value, claim, canIssue) : []),
    pickupAllSearched: () => startPickup(pickupAllTargets.value),
    async printSelected(): Promise<void> {
      const keys = shipmentKeys(selectedViews.value, canPrint);
      if (keys.length === 0) return nothingToDo();
      await backend.openLabels({ keys }).catch((e: unknown) => {
        notice.value = { level: 'error', text: t('overlayJobStartFailed', reason(e)) };
      });
    },
  };
}

export type OverlayModel = ReturnType<typeof createOverlayModel>;

/** A previewed parcel's key: its base key (the order in 주문별, order and item in 상품별), as the background keys its box. */
export function previewKey(t: JobRequestTarget): string {
  return baseKeyFor(t.itemSnos.length ? 'item' : 'order', t.orderNo, t.itemSnos);
}
