// Messages from the overlay on the admin page: badges for visible rows, jobs, typed-in numbers and
// opening the label page. A content script only ever speaks about its own admin origin (sender gate).
import { getKv, setKv } from '../../db/repo/journal';
import type { Job } from '../../db/types';
import type { JobRequestTarget, JobSeen, OrderParcels, RowShipment, StartJobRequest } from '../../message-data';
import type { ReceiverGroup } from '../../shipments/receiver-groups';
import type { BackgroundContext } from '../context';
import { queuedWriteCount } from '../../db/repo/pending-writes';

const LAST_OPERATOR_KV = 'lastOperatorId';

const KINDS = new Set(['issue', 'reserve', 'cancel', 'pickup']);
/** kinds whose targets are orders and items of the admin (the others name shipments by key) */
const ORDER_KINDS = new Set(['issue', 'pickup']);
const MODES = new Set(['order', 'item']);
const ORDER_NO = /^\d{1,30}$/;
const ITEM_SNO = /^\d{1,15}$/;

export async function rowShipments(ctx: BackgroundContext, data: { adminOrigin: string; orderNos: string[] }): Promise<RowShipment[]> {
  const orderNos = Array.isArray(data?.orderNos) ? data.orderNos.filter((o) => typeof o === 'string').slice(0, 2000) : [];
  return ctx.shipments.rowShipments(String(data.adminOrigin), orderNos);
}

/** The order page's panel: one order of this admin, its parcels, scans and audit. */
export async function orderParcels(ctx: BackgroundContext, data: { adminOrigin: string; orderNo: string }): Promise<OrderParcels> {
  const orderNo = String(data?.orderNo ?? '');
  if (!ORDER_NO.test(orderNo)) throw new Error('주문번호 형식이 올바르지 않습니다.');
  return ctx.shipments.orderParcels(String(data.adminOrigin), orderNo);
}

/** What the page says it saw of a job, checked (anything else: answer at once, as to a first look). */
export function jobSeenOf(seen: unknown): JobSeen | undefined {
  const s = seen as Partial<JobSeen> | undefined;
  if (!s || typeof s.status !== 'string') return undefined;
  return { status: s.status, ...(Number.isInteger(s.rev) ? { rev: s.rev } : {}) };
}

/** The newest unfinished job of this admin (the page's own origin: the sender gate checked it). */
export async function runningJob(ctx: BackgroundContext, data: { adminOrigin: string; adminBase?: string }): Promise<Job | undefined> {
  const adminOrigin = String(data?.adminOrigin ?? '');
  if (data?.adminBase !== undefined && data.adminBase !== `${adminOrigin}/provider/order/`)
    throw new Error('관리자 주소가 올바르지 않습니다.');
  return ctx.shipments.runningJob({ adminOrigin, ...(data?.adminBase ? { adminBase: data.adminBase } : {}) });
}

/** Orders among these that go to one receiver (the overlay offers to send each group as one parcel). */
export async function receiverGroups(
  ctx: BackgroundContext,
  data: { adminOrigin: string; adminBase?: string; orderNos: string[]; listNames?: Record<string, string> },
): Promise<ReceiverGroup[]> {
  const orderNos = (Array.isArray(data?.orderNos) ? data.orderNos : [])
    .map(String)
    .filter((o) => ORDER_NO.test(o))
    .slice(0, 1000);
  // the list's 수령자 names of those orders (a hint that spares page reads): strings only, as short as names
  const given = data?.listNames && typeof data.listNames === 'object' ? data.listNames : {};
  const listNames: Record<string, string> = {};
  for (const o of orderNos) if (typeof given[o] === 'string' && given[o].length <= 100) listNames[o] = given[o];
  const adminOrigin = String(data?.adminOrigin ?? '');
  if (data?.adminBase !== undefined && data.adminBase !== `${adminOrigin}/provider/order/`)
    throw new Error('관리자 주소가 올바르지 않습니다.');
  return ctx.shipments.receiverGroups({ adminOrigin, ...(data?.adminBase ? { adminBase: data.adminBase } : {}) }, orderNos, listNames);
}

/** Parses the request at the edge; starts the job; `onFinished` hears when it ends (notification, badge). */
export async function startJob(
  ctx: BackgroundContext,
  req: StartJobRequest,
  onFinished: (job: Job | undefined) => void,
): Promise<{ jobId: string }> {
  if (!KINDS.has(req?.kind)) throw new Error('알 수 없는 작업입니다.');
  if (!MODES.has(req.mode)) throw new Error('발급방법(주문별/상품별)을 확인해 주세요.');
  if (typeof req.adminOrigin !== 'string' || !req.adminOrigin) throw new Error('관리자 주소가 없습니다.');
  // a supplier's jobs stay under its own /provider/order/ pages of the same admin
  if (req.adminBase !== undefined && req.adminBase !== `${req.adminOrigin}/provider/order/`)
    throw new Error('관리자 주소가 올바르지 않습니다.');
  const targets: JobRequestTarget[] | undefined = req.targets?.map((t) => ({
    orderNo: String(t.orderNo),
    itemSnos: Array.isArray(t.itemSnos) ? t.itemSnos.map(String) : [],
    // a parcel's own box preset (the issue preview): a name of settings.boxes, checked when the job starts
    ...(req.kind === 'issue' && typeof t.box === 'string' && t.box ? { box: t.box.slice(0, 20) } : {}),
  }));
  // godomall's numbers are digits (orderNo 16, sno up to 10): anything else is not a row of the admin,
  // and would become a Korea Post key over its 50 bytes. The whole request is refused, nothing started.
  const bad = targets?.find((t) => !ORDER_NO.test(t.orderNo) || t.itemSnos.some((s) => !ITEM_SNO.test(s)));
  if (bad) throw new Error(`주문번호 형식이 올바르지 않아 작업을 시작하지 않았습니다: ${bad.orderNo.slice(0, 40)}`);
  const combine = combineOf(req, targets);
  const keys = req.keys?.map(String);
  if (ORDER_KINDS.has(req.kind) ? !targets?.length : !keys?.length) throw new Error('선택한 주문이 없습니다.');
  if (req.kind === 'pickup' && req.claim !== 'b' && req.claim !== 'e') throw new Error('반품·교환 목록에서만 회수를 접수할 수 있습니다.');
  const operatorId = String(req.operatorId ?? '').slice(0, 50) || '운영자';
  await setKv(ctx.db, LAST_OPERATOR_KV, operatorId);
  const box = req.box === undefined || req.box === '' ? undefined : String(req.box).slice(0, 20);
  const jobId = await ctx.shipments.startJob({
    ...req,
    operatorId,
    targets,
    keys,
    combine,
    ...(box ? { box } : { box: undefined }),
    ...(req.kind === 'pickup' ? { claim: req.claim } : { claim: undefined }),
    thenReserve: req.kind === 'issue' && req.thenReserve === true ? true : undefined,
    ...(req.kind === 'issue' && req.reship === true ? { reship: true } : { reship: undefined }),
  });
  // the job that follows it (발급 후 바로 예약) is told too, when it ends
  const finished = (job: Job | undefined): void => {
    onFinished(job);
    if (job?.next) ctx.shipments.runJob(job.next).then(finished, () => onFinished(undefined));
  };
  ctx.shipments.runJob(jobId).then(finished, () => onFinished(undefined));
  return { jobId };
}

export async function lastOperatorId(ctx: BackgroundContext): Promise<string> {
  return (await getKv<string>(ctx.db, LAST_OPERATOR_KV)) ?? '운영자';
}

export async function reportTypedInvoices(
  ctx: BackgroundContext,
  data: { adminOrigin: string; rows: Array<{ orderNo: string; itemSnos: string[]; invoiceNo: string; status: string }> },
): Promise<RowShipment[]> {
  const rows = (Array.isArray(data?.rows) ? data.rows : []).slice(0, 2000).map((r) => ({
    orderNo: String(r.orderNo),
    itemSnos: Array.isArray(r.itemSnos) ? r.itemSnos.map(String) : [],
    invoiceNo: String(r.invoiceNo),
    status: String(r.status),
  }));
  if (!rows.length) return [];
  await ctx.shipments.recordTypedInvoices(data.adminOrigin, rows, await lastOperatorId(ctx));
  // the journal's view of those orders now: the overlay repaints them without asking again
  return ctx.shipments.rowShipments(String(data.adminOrigin), [...new Set(rows.map((r) => r.orderNo))]);
}

/** `print`: the page opens the print dialog as soon as its labels are shown (the job panel's 「출력」). */
export async function openLabels(data: { keys: string[]; print?: boolean }): Promise<void> {
  const keys = (Array.isArray(data?.keys) ? data.keys : []).map(String).filter(Boolean);
  if (!keys.length) throw new Error('출력할 송장이 없습니다.');
  const print = data.print === true ? '&print=1' : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`/labels.html?keys=${keys.map(encodeURIComponent).join(',')}${print}`) });
}

/**
 * An admin page talking to us means its session is probably alive: flush the godomall writes that
 * waited for a login (at most once a minute per origin).
 */
export function createWriteFlusher(ctx: BackgroundContext, minIntervalMs = 60_000) {
  const last = new Map<string, number>();
  return (origin: string) => {
    const now = Date.now();
    if ((last.get(origin) ?? 0) + minIntervalMs > now) return;
    last.set(origin, now);
    void queuedWriteCount(ctx.db, origin)
      .then((n) => (n ? ctx.shipments.flushPendingWrites(origin) : undefined))
      .catch(() => undefined);
  };
}

/** The operator's groups to combine, checked: 주문별 issue only, each group 2–20 orders of the job, no order in two groups. */
function combineOf(req: StartJobRequest, targets: JobRequestTarget[] | undefined): string[][] | undefined {
  if (req.combine === undefined) return undefined;
  const selected = new Set((targets ?? []).map((t) => t.orderNo));
  const seen = new Set<string>();
  const groups = Array.isArray(req.combine) ? req.combine.map((g) => (Array.isArray(g) ? [...new Set(g.map(String))] : [])) : [];
  const bad =
    !Array.isArray(req.combine) ||
    req.kind !== 'issue' ||
    req.mode !== 'order' ||
    groups.some((g) => g.length < 2 || g.length > 20 || g.some((o) => !selected.has(o) || seen.has(o) || !seen.add(o)));
  if (bad) throw new Error('한 송장으로 합칠 주문 묶음이 올바르지 않아 작업을 시작하지 않았습니다.');
  return groups;
}
