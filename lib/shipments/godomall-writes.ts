// Godomall writes go through the PendingWrite queue: queued in the journal, then flushed. An expired
// admin session keeps them queued ("고도몰 로그인 필요") until the next flush; nothing is lost. Before a
// status write the order is re-read: an operator's manual change since our last write unlinks it.
import type { PendingWrite, Shipment } from '../db/types';
import { AdminWriteError, SessionExpiredError, type OrderDetail } from '../godomall/types';
import { statusGroup } from '../godomall/statuses';
import {
  enqueueWrite,
  markWriteFailed,
  pendingWritesFor,
  pendingWritesForShipment,
  queueOfShipment,
  queuedWriteCount,
  removeWrite,
  writeAndShipment,
} from '../db/repo/pending-writes';
import { stateChangeTx, updateShipment } from '../db/repo/shipments';
import { errorText, type Ctx } from './context';
import { adminPlace, adminUrl, readOrder, tabOf } from './safe-calls';
import { manualChange } from './lifecycle';
import { unlinkShipment } from './unlink';

export const LOGIN_NEEDED = '고도몰 로그인 필요';

export interface FlushResult {
  written: number;
  remaining: number;
  loginNeeded: string[];
  unlinked: string[];
}

/**
 * The godomall orders a shipment's writes go to, with the items of each: its own order (the items it
 * covers, or the whole order) and, for a 묶음배송 parcel, every other order of the packet, whole.
 */
function writeTargets(s: Shipment, wholeOrder: boolean): Array<{ orderNo: string; itemSnos: string[] }> {
  return [
    { orderNo: s.orderNo, itemSnos: wholeOrder ? [] : s.itemSnos },
    ...(s.packetOrders ?? []).map((orderNo) => ({ orderNo, itemSnos: [] })),
  ];
}

async function enqueueFor(
  ctx: Ctx,
  s: Shipment,
  wholeOrder: boolean,
  w: Pick<PendingWrite, 'kind'> & Partial<PendingWrite>,
): Promise<void> {
  for (const target of writeTargets(s, wholeOrder)) {
    await enqueueWrite(ctx.db, { ...adminPlace(s), shipmentKey: s.key, createdAt: ctx.now(), ...w, ...target });
  }
}

/**
 * The number into the order's invoice. Never for a return pickup: godomall has no return invoice, and
 * the order's own invoice is the outbound parcel's (godomall drops it for claim items anyway,
 * OrderAdmin.php:5235–5245). This is the one place that decides it.
 */
export function queueInvoice(ctx: Ctx, s: Shipment, wholeOrder: boolean): Promise<void> {
  if (s.pickup) return Promise.resolve();
  return enqueueFor(ctx, s, wholeOrder, { kind: 'invoice', invoiceNo: s.regiNo, operatorId: s.operatorId });
}

/** Clears our (dead) number from the order's invoice; a return pickup's was never there (see queueInvoice). */
export function queueClearInvoice(ctx: Ctx, s: Shipment, wholeOrder: boolean): Promise<void> {
  if (s.pickup) return Promise.resolve();
  return enqueueFor(ctx, s, wholeOrder, { kind: 'clearInvoice', invoiceNo: s.regiNo });
}

export function queueStatus(
  ctx: Ctx,
  s: Shipment,
  to: string,
  opts: { expect?: string; onlyFromGroups?: string; onlyFrom?: string[]; operatorId: string },
): Promise<void> {
  return enqueueFor(ctx, s, false, {
    kind: 'status',
    status: to,
    operatorId: opts.operatorId,
    ...(opts.expect ? { expectStatus: opts.expect } : {}),
    ...(opts.onlyFromGroups ? { onlyFromGroups: opts.onlyFromGroups } : {}),
    ...(opts.onlyFrom ? { onlyFrom: opts.onlyFrom } : {}),
  });
}

async function unlink(ctx: Ctx, w: PendingWrite, seen: string, expected: string): Promise<void> {
  await unlinkShipment(ctx, w.shipmentKey, { orderNo: w.orderNo, seen, expected, ...(w.operatorId ? { operatorId: w.operatorId } : {}) });
}

/**
 * Performs one write: one read of the order (or the read the caller made a moment ago, right before
 * queueing it), then one POST. Returns 'unlinked' when the order was changed by hand instead; else, for
 * a status write, the statuses it left on the covered items (kept on the row as the write leaves the queue).
 */
async function perform(
  ctx: Ctx,
  w: PendingWrite,
  s: Shipment,
  justRead?: OrderDetail,
): Promise<'unlinked' | { itemStatuses?: Record<string, string> }> {
  const admin = ctx.adminFor(adminUrl(w));
  const items = w.itemSnos.length ? w.itemSnos : undefined;
  // a return pickup's items are on their claim tab (반품내역 / 교환내역), not on 주문내역
  const order = justRead?.orderNo === w.orderNo ? justRead : await readOrder(ctx, w, w.orderNo, tabOf(s));
  const covered = order.items.filter((i) => (items ? items.includes(i.sno) : !i.isGift));
  if (w.kind === 'invoice') {
    // the statuses the extension saw when it issued are the 연동 해제 baseline; a row issued without a
    // read in hand (resumed, adopted) takes them from this first read, before anything of ours changed them
    if (!s.itemStatuses && !s.pickup && w.orderNo === s.orderNo) await noteBaseline(ctx, s.key, covered);
    await admin.saveInvoice(order, w.invoiceNo ?? '', items);
    return {};
  }
  if (w.kind === 'clearInvoice') {
    // only clear our own (void) number: a number typed in meanwhile is the operator's
    const ours = covered.filter((i) => i.invoiceNo === w.invoiceNo);
    if (ours.length)
      await admin.clearInvoice(
        order,
        ours.map((i) => i.sno),
      );
    return {};
  }
  const to = w.status ?? '';
  // per item, what the extension saw at issue and its own writes left since (Shipment.itemStatuses):
  // anything else is an operator's change, issued or reserved alike (a return pickup's claim steps keep
  // their own exact-status rule). Rows from before the baseline was kept: the write's one expectStatus.
  const baseline = s.pickup ? undefined : s.itemStatuses;
  const judged = baseline !== undefined || w.expectStatus !== undefined;
  const expected = (sno: string) => baseline?.[sno] ?? w.expectStatus ?? '';
  // an item gone from the 주문내역 tab was cancelled, returned or exchanged by hand (its claim tab has it)
  const gone = items?.find((sno) => !covered.some((i) => i.sno === sno));
  if (gone && judged) {
    await unlink(ctx, w, '취소·반품·교환', expected(gone));
    return 'unlinked';
  }
  const stale = baseline
    ? manualChange(baseline, covered, to)
    : w.expectStatus
      ? covered
          .filter((i) => i.status !== w.expectStatus && i.status !== to)
          .map((i) => ({ sno: i.sno, from: w.expectStatus!, to: i.status }))[0]
      : undefined;
  if (stale) {
    await unlink(ctx, w, stale.to, stale.from);
    return 'unlinked';
  }
  const change = covered.filter(
    (i) =>
      i.status !== to &&
      (!w.onlyFromGroups || w.onlyFromGroups.includes(statusGroup(i.status))) &&
      (!w.onlyFrom || w.onlyFrom.includes(i.status)),
  );
  if (change.length)
    await admin.changeStatus(
      order,
      change.map((i) => i.sno),
      to,
    );
  const moved = new Set(change.map((i) => i.sno));
  return { itemStatuses: Object.fromEntries(covered.map((i) => [i.sno, moved.has(i.sno) ? to : i.status])) };
}

/**
 * A performed write leaves the queue; a status write's statuses are kept on its row (the 연동 해제
 * baseline) in the same transaction, so a worker stopped in between cannot leave one without the other.
 */
async function landed(ctx: Ctx, w: PendingWrite, itemStatuses: Record<string, string> | undefined): Promise<void> {
  if (!itemStatuses) return removeWrite(ctx.db, w.id!);
  await stateChangeTx(ctx.db, async () => {
    await updateShipment(ctx.db, w.shipmentKey, (r) => ({ ...r, itemStatuses: { ...r.itemStatuses, ...itemStatuses } }));
    await removeWrite(ctx.db, w.id!);
  });
}

/** Keeps what godomall holds now as the 연동 해제 baseline of a row that has none yet. */
async function noteBaseline(ctx: Ctx, key: string, items: ReadonlyArray<{ sno: string; status: string }>): Promise<void> {
  const seen = Object.fromEntries(items.map((i) => [i.sno, i.status]));
  await updateShipment(ctx.db, key, (r) => (r.itemStatuses ? undefined : { ...r, itemStatuses: seen }));
}

/** Writes every queued write (of one origin, or all), oldest first. Never throws. */
export async function flushPendingWrites(ctx: Ctx, origin?: string): Promise<FlushResult> {
  const { removed: _removed, ...result } = await flushQueue(ctx, await pendingWritesFor(ctx.db, origin));
  return { ...result, remaining: await queuedWriteCount(ctx.db, origin) };
}

/** What a flush did, before its caller counts what is left; `removed`: writes that left the queue. */
type Flushed = Omit<FlushResult, 'remaining'> & { removed: number };

/**
 * Performs these queued writes in order; `first`: the shipment of the queue's first write, read together
 * with the queue (that write then needs no read of its own). Never throws.
 */
async function flushQueue(ctx: Ctx, queue: PendingWrite[], justRead?: OrderDetail, first?: Shipment): Promise<Flushed> {
  const result: Flushed = { written: 0, loginNeeded: [], unlinked: [], removed: 0 };
  // one shipment's writes land in queue order: behind one that has not landed, the later ones wait
  // (a d1 that failed at print time must not land after the d2 that followed it)
  const held = new Set<string>();
  for (const [i, w] of queue.entries()) {
    if (held.has(w.shipmentKey)) continue;
    if (ctx.flushing.has(w.id!)) {
      held.add(w.shipmentKey);
      continue;
    }
    if (result.loginNeeded.includes(w.adminOrigin)) {
      // same origin, same expired session: don't knock again, but tell the operator on this row too
      await updateShipment(ctx.db, w.shipmentKey, (row) => (row.message === LOGIN_NEEDED ? undefined : { ...row, message: LOGIN_NEEDED }));
      continue;
    }
    ctx.flushing.add(w.id!); // a write is performed by one flush at a time (job workers + a manual flush)
    try {
      const [queued, s] = i === 0 && first ? [w, first] : await writeAndShipment(ctx.db, w);
      if (await flushOne(ctx, queued, s, result, justRead)) held.add(w.shipmentKey);
      justRead = undefined; // after a write the order is no longer what was read
    } finally {
      ctx.flushing.delete(w.id!);
    }
  }
  return result;
}

/** A message on the row that a landed write makes untrue. */
const writeTrouble = (message: string | undefined) => message === LOGIN_NEEDED || message?.startsWith('고도몰 저장 실패') === true;

/**
 * Performs one queued write (`w` as queued now: undefined once another flush did it; `s` its shipment);
 * whether it is still queued afterwards (failed, or left for an unlinked order).
 */
async function flushOne(
  ctx: Ctx,
  w: PendingWrite | undefined,
  s: Shipment | undefined,
  result: Flushed,
  justRead?: OrderDetail,
): Promise<boolean> {
  if (!w) return false; // done by another flush meanwhile
  if (!s || s.state === 'unlinked' || (s.state === 'void' && w.kind !== 'clearInvoice')) {
    await removeWrite(ctx.db, w.id!); // nothing left to write for it
    result.removed++;
    return false;
  }
  try {
    const done = await perform(ctx, w, s, justRead);
    if (done === 'unlinked') result.unlinked.push(w.shipmentKey);
    else {
      await landed(ctx, w, done.itemStatuses);
      result.removed++;
    }
    result.written++;
    // an earlier failure's message goes (a row that had none, as read before the write, is left alone)
    if (writeTrouble(s.message))
      await updateShipment(ctx.db, w.shipmentKey, (row) => (writeTrouble(row.message) ? { ...row, message: undefined } : undefined));
    return done === 'unlinked';
  } catch (err) {
    const expired = err instanceof SessionExpiredError;
    // an expired session stops this origin's writes: they all need the same login
    if (expired) result.loginNeeded.push(w.adminOrigin);
    const text = expired ? LOGIN_NEEDED : err instanceof AdminWriteError ? err.message : `고도몰 저장 실패: ${errorText(err)}`;
    await markWriteFailed(ctx.db, w.id!, text);
    await updateShipment(ctx.db, w.shipmentKey, (row) => ({ ...row, message: text }));
    return true;
  }
}

/**
 * Flushes the writes of one shipment right away (after issue/reserve/print); failures stay queued.
 * Returns what the job's result should tell the operator: a needed login, or the reason godomall
 * refused the write (e.g. a claim in progress) — never a silent 완료 for an order left unchanged.
 */
export async function flushForShipment(ctx: Ctx, key: string, justRead?: OrderDetail): Promise<string | undefined> {
  // the queue and the shipment in one read (a job's target pays one transaction for them, not two)
  const [queue, s] = await queueOfShipment(ctx.db, key);
  const r = await flushQueue(ctx, queue, justRead, s);
  if (r.loginNeeded.length) return LOGIN_NEEDED;
  // every write read was removed: nothing of this flush is left. A write queued meanwhile is its
  // queuer's to flush, and a write left (failed, unlinked, another flush's) is read again for its reason
  if (r.removed === queue.length) return undefined;
  const refused = (await pendingWritesForShipment(ctx.db, key)).find((w) => w.lastError);
  return refused ? `고도몰에 반영하지 못했습니다 (대기 중): ${refused.lastError}` : undefined;
}
