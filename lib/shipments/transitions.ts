// Every state change of a shipment, in one place: each is one journal update, one audit entry and the
// godomall write it implies (queued, then flushed). lifecycle.ts says which moves exist and when they
// are allowed; the workflows (issue, adopt, typed, reserve, print, cancel, sync, family) decide WHEN;
// these functions are HOW. Two changes live next to what detects them instead: 연동 해제 (unlink.ts,
// found by a write that re-reads the order or by 예약's read) and the key family's switch to its
// earliest number (family.ts).
import type { AuditEntry, Shipment } from '../db/types';
import type { InsertOrderResult, ResInfo } from '../epost/types';
import { addAudit, addVoidNumber } from '../db/repo/journal';
import {
  nextReissue,
  putShipment,
  shipmentKey,
  shipmentTx,
  stateChangeTx,
  updateShipment,
  getShipment,
  liveShipment,
} from '../db/repo/shipments';
import type { Ctx } from './context';
import type { OrderDetail } from '../godomall/types';
import { flushForShipment, queueClearInvoice, queueInvoice, queueStatus } from './godomall-writes';
import { godomallSteps } from './rules';

type Registered = Partial<InsertOrderResult> & Pick<ResInfo, 'reqNo' | 'resNo' | 'regiNo'>;

/**
 * The parcel is registered at Korea Post: record it, audit it, write the number into godomall.
 * `justRead`: the order as read right before the send, so its invoice write needs no second read.
 * A return pickup is booked with this one call (no 예약 step): it is reserved at once, and its number
 * goes nowhere in godomall (queueInvoice: no return invoice field; the journal and the claim list show it).
 */
export async function recordIssued(ctx: Ctx, row: Shipment, r: Registered, how: string, justRead?: OrderDetail): Promise<Shipment> {
  const pick = (v: string | undefined, old: string) => (v !== undefined && v !== '' ? v : old);
  const s = await stateChangeTx(ctx.db, async () => {
    const next = await updateShipment(ctx.db, row.key, (s) => ({
      ...s,
      ...(s.pickup ? { state: 'reserved' as const, reservedAt: ctx.now() } : { state: 'issued' as const }),
      regiNo: r.regiNo,
      reqNo: r.reqNo,
      // Korea Post's own request day (reqNo = YYYYMMDD + 10): GetResInfo and the cancel must ask with it,
      // whatever this PC's clock said when it sent the request (clock skew, KST midnight)
      reqYmd: /^\d{18}$/.test(r.reqNo) ? r.reqNo.slice(0, 8) : s.reqYmd,
      resNo: r.resNo,
      resDate: pick(r.resDate, s.resDate),
      price: pick(r.price, s.price),
      vTelNo: pick(r.vTelNo, s.vTelNo),
      regiPoNm: pick(r.regiPoNm, s.regiPoNm),
      arrCnpoNm: pick(r.arrCnpoNm, s.arrCnpoNm),
      delivPoNm: pick(r.delivPoNm, s.delivPoNm),
      delivAreaCd: pick(r.delivAreaCd, s.delivAreaCd),
      courseNo: pick(r.courseNo, s.courseNo),
      printAreaCd: pick(r.printAreaCd, s.printAreaCd),
      ...(r.islandAddFee && r.islandAddFee !== '0' ? { islandAddFee: r.islandAddFee } : {}),
      // what godomall held when we issued: the 연동 해제 baseline (lifecycle.ts manualChange); without a
      // read in hand, the first invoice write takes it (godomall-writes.ts)
      ...(s.itemStatuses || s.pickup || justRead?.orderNo !== s.orderNo ? {} : { itemStatuses: statusesOf(justRead, s) }),
      message: undefined,
      failure: undefined,
      updatedAt: ctx.now(),
    }));
    const issued = next ?? row;
    await audit(ctx, issued, { action: 'issue', operatorId: issued.operatorId, detail: how });
    // test shipments (TESTREGINOAPI) are never written into godomall as a real invoice
    if (!issued.test) await queueInvoice(ctx, issued, issued.wholeOrder === true);
    return issued;
  });
  if (s.test) return s;
  const note = await flushForShipment(ctx, s.key, justRead);
  // a row being issued (pending, or failed and found registered late) has no other write queued: an
  // invoice write that landed changed nothing on the row but its 연동 해제 baseline, taken only when
  // the row has none. Anything else (a login needed, a refusal, a baseline taken) is read back
  if (note === undefined && (s.itemStatuses || s.pickup)) return s;
  return (await getShipment(ctx.db, s.key)) ?? s;
}

/** Per covered item, its status in this read of the order (gifts travel with their order and are not judged). */
function statusesOf(order: OrderDetail, s: Pick<Shipment, 'itemSnos' | 'wholeOrder'>): Record<string, string> {
  const covered = order.items.filter((i) => (s.wholeOrder || s.itemSnos.length === 0 ? !i.isGift : s.itemSnos.includes(i.sno)));
  return Object.fromEntries(covered.map((i) => [i.sno, i.status]));
}

/** Definitely not registered (Korea Post refused it, or a GetResInfo confirmed it absent): the key may be issued later. */
export async function recordRefused(ctx: Ctx, row: Shipment, failure: NonNullable<Shipment['failure']>, reason: string): Promise<void> {
  await updateShipment(ctx.db, row.key, (s) => ({ ...s, state: 'failed', failure, message: reason, updatedAt: ctx.now() }));
}

/**
 * The number is dead at Korea Post (cancelled by us or by Korea Post, or gone): void forever, audited,
 * and — when it was written into godomall (not test, not typed by hand) — cleared there. Returns the
 * row as written, or undefined when `unless` says the row moved on meanwhile (a concurrent change).
 */
export async function voidShipment(
  ctx: Ctx,
  s: Shipment,
  how: {
    reason: string;
    operatorId: string;
    /** 'cancel' when we cancelled it ourselves (GetResCancelCmd) */
    action?: 'void' | 'cancel';
    detail?: string;
    /** the dead number, when it is not the row's own (a 신청취소 row found under our key) */
    regiNo?: string;
    exception?: Shipment['exception'];
    /** false: the number was never written into godomall (a pending row) */
    clearInGodomall?: boolean;
    /** false: leave the queued clearing for the next flush (the sync flushes once at its end) */
    flush?: boolean;
    unless?: (r: Shipment) => boolean;
  },
): Promise<{ row: Shipment | undefined; note?: string }> {
  const regiNo = how.regiNo ?? s.regiNo;
  const now = ctx.now();
  await addVoidNumber(ctx.db, { regiNo, key: s.key, reason: how.reason, at: now });
  const row = await updateShipment(ctx.db, s.key, (r) =>
    how.unless?.(r)
      ? undefined
      : {
          ...r,
          state: 'void',
          regiNo: r.regiNo || regiNo,
          message: how.reason,
          ...(how.exception ? { exception: how.exception } : {}),
          updatedAt: now,
        },
  );
  await audit(
    ctx,
    { ...s, regiNo },
    { action: how.action ?? 'void', operatorId: how.operatorId, detail: how.detail ?? how.reason, at: now },
  );
  if (!row || row.test || row.source === 'typed' || how.clearInGodomall === false) return { row };
  await queueClearInvoice(ctx, row, row.wholeOrder === true);
  return { row, ...(how.flush === false ? {} : { note: await flushForShipment(ctx, row.key) }) };
}

/**
 * Refused before anything was sent (연락처오류, no address, 접수중지 …): a failed row under the base key's
 * next key, so the row's badge says why; written only when the base key has no live shipment (a
 * failure never hides a number).
 */
export async function recordFailedIssue(
  ctx: Ctx,
  draft: Omit<Shipment, 'key' | 'reissue' | 'state'>,
  failed: { failure: NonNullable<Shipment['failure']>; reason: string },
): Promise<void> {
  await shipmentTx(ctx.db, async () => {
    const live = await liveShipment(ctx.db, draft.baseKey);
    if (live) return;
    const reissue = await nextReissue(ctx.db, draft.baseKey);
    await putShipment(ctx.db, {
      ...draft,
      key: shipmentKey(draft.baseKey, reissue),
      reissue,
      state: 'failed',
      failure: failed.failure,
      message: failed.reason,
    });
  });
}

/**
 * 예약: the parcel is reserved (예약 후); godomall moves from 입금 상태 to `to` when the rule says so
 * (only items still in p*). `itemStatuses` is what godomall holds now: the 연동 해제 baseline.
 */
export async function reserveShipment(
  ctx: Ctx,
  s: Shipment,
  how: { from: string; to: string; change: boolean; itemStatuses: Record<string, string>; operatorId: string; justRead?: OrderDetail },
): Promise<{ note?: string }> {
  const now = ctx.now();
  const queued = await stateChangeTx(ctx.db, async () => {
    const reserved = await updateShipment(ctx.db, s.key, (r) => ({
      ...r,
      state: 'reserved',
      reservedAt: now,
      godomallStatus: how.to,
      itemStatuses: how.itemStatuses,
      message: r.twins ? r.message : undefined,
      updatedAt: now,
    }));
    await audit(ctx, s, { action: 'reserve', operatorId: how.operatorId, detail: `${how.from} → ${how.to}`, at: now });
    if (!reserved || !how.change || s.test) return false;
    await queueStatus(ctx, reserved, how.to, { onlyFromGroups: 'p', operatorId: how.operatorId });
    return true;
  });
  return queued ? { note: await flushForShipment(ctx, s.key, how.justRead) } : {};
}

/** 배달완료 as Korea Post tracked it: delivered, godomall to d2 (queued; the sync flushes at its end). */
export async function deliverShipment(
  ctx: Ctx,
  s: Shipment,
  how: { deliveredAt: number; patch: Partial<Shipment>; status: { expect?: string; operatorId: string }; unless: (r: Shipment) => boolean },
): Promise<boolean> {
  const step = await claimStep(ctx, s, 'delivered');
  const delivered = godomallSteps(s).delivered;
  const to = s.pickup ? step?.to : delivered;
  const next = await updateShipment(ctx.db, s.key, (r) =>
    how.unless(r)
      ? undefined
      : {
          ...r,
          ...how.patch,
          state: 'delivered',
          deliveredAt: how.deliveredAt,
          exception: undefined,
          ...(to ? { godomallStatus: to } : {}),
        },
  );
  if (!next) return false;
  if (s.pickup) {
    if (step) await queueStatus(ctx, next, step.to, { onlyFrom: step.from, operatorId: how.status.operatorId });
    await audit(ctx, s, {
      action: 'status',
      operatorId: how.status.operatorId,
      detail: step ? `반품 회수 완료 → ${step.to}` : '반품 회수 완료',
    });
    return true;
  }
  await queueStatus(ctx, next, delivered, how.status);
  await audit(ctx, s, { action: 'status', operatorId: how.status.operatorId, detail: `배달완료 → ${delivered}` });
  return true;
}

/**
 * The claim step a return pickup's tracking moves godomall to, when the shop turned it on
 * (settings.returnClaimStatus): collected → 반송중 (b2 / e2) from 접수 (b1 / e1); at the 공급지 → a 반품's
 * 반품회수완료 (b4) from b1 or b2, an 교환's still 반송중 (e2) from e1: an exchange goes on with the
 * shop's re-shipment (e3), which is the shop's step. Only those exact statuses move: a claim the
 * operator put on hold (b3, e4) or moved on is left as it is.
 */
async function claimStep(ctx: Ctx, s: Shipment, reached: 'collected' | 'delivered'): Promise<{ to: string; from: string[] } | undefined> {
  if (!s.pickup || s.test || !(await ctx.settings()).returnClaimStatus) return undefined;
  const c = s.pickup.claim;
  if (reached === 'collected') return { to: `${c}2`, from: [`${c}1`] };
  return c === 'b' ? { to: 'b4', from: ['b1', 'b2'] } : { to: 'e2', from: ['e1'] };
}

/**
 * A number that was already on the godomall order (another PC's, an adopted one, or typed by hand) is
 * recorded and tracked from now on: `build` runs inside the write's transaction and returns the new
 * row, or undefined when the journal already has what it would add (a live row of the order, the
 * number known); then audited. Nothing is written to godomall.
 */
export async function recordAdopted(
  ctx: Ctx,
  build: () => Promise<Shipment | undefined>,
  how: { operatorId: string; detail: string },
): Promise<Shipment | undefined> {
  const adopted = await shipmentTx(ctx.db, async () => {
    const row = await build();
    return row && putShipment(ctx.db, row);
  });
  if (!adopted) return undefined;
  await audit(ctx, adopted, { action: 'adopt', operatorId: how.operatorId, detail: how.detail });
  return adopted;
}

/**
 * 운송장 출력: printedAt and an audit entry (print / reprint); a reserved parcel that is printed is on
 * its way: shipping, and godomall to 배송중 (d1) from the status we left it in at 예약 (anything else
 * there is an operator's change). Returns whether it moved to shipping.
 */
export async function printShipment(ctx: Ctx, s: Shipment, how: { reprint: boolean; operatorId: string }): Promise<boolean> {
  const again = how.reprint || s.printedAt !== undefined;
  const toShipping = s.state === 'reserved';
  const shipping = godomallSteps(s).shipping;
  const next = await updateShipment(ctx.db, s.key, (r) => ({
    ...r,
    printedAt: ctx.now(),
    ...(toShipping ? { state: 'shipping' as const, godomallStatus: r.test ? r.godomallStatus : shipping } : {}),
    updatedAt: ctx.now(),
  }));
  await audit(ctx, s, {
    action: again ? 'reprint' : 'print',
    operatorId: how.operatorId,
    detail: toShipping ? `${s.godomallStatus} → ${shipping}` : '',
  });
  if (!toShipping) return false;
  if (next && !s.test) {
    await queueStatus(ctx, next, shipping, { expect: s.godomallStatus, operatorId: how.operatorId });
    await flushForShipment(ctx, s.key);
  }
  return true;
}

/**
 * The tracking shows the parcel moving: shipping, and godomall to 배송중 (d1) while it is still before
 * 배송중 there (queued; the sync flushes at its end). `exception` recomputes the row's exception.
 */
export async function shipShipment(
  ctx: Ctx,
  s: Shipment,
  how: {
    patch: Partial<Shipment>;
    exception: (r: Shipment) => Shipment['exception'];
    status: { expect?: string; operatorId: string };
    /** the status groups godomall may still be in for the d1 write (배송중 이전) */
    beforeShipping: string;
    unless: (r: Shipment) => boolean;
  },
): Promise<Shipment | undefined> {
  if (s.pickup) return collectPickup(ctx, s, how);
  // a replacement (교환추가) moves from its own z steps, never from the order's groups
  const { shipping, before } = godomallSteps(s);
  const wasBefore =
    (before ? before.includes(s.godomallStatus) : how.beforeShipping.includes(s.godomallStatus.charAt(0))) || s.godomallStatus === '';
  const next = await updateShipment(ctx.db, s.key, (r) =>
    how.unless(r)
      ? undefined
      : { ...r, ...how.patch, state: 'shipping', exception: how.exception(r), ...(wasBefore ? { godomallStatus: shipping } : {}) },
  );
  if (!next) return undefined;
  if (s.state !== 'shipping')
    await audit(ctx, s, {
      action: 'status',
      operatorId: how.status.operatorId,
      detail: wasBefore ? `배송 시작 → ${shipping}` : '배송 시작',
    });
  if (wasBefore)
    await queueStatus(ctx, next, shipping, { ...how.status, ...(before ? { onlyFrom: before } : { onlyFromGroups: how.beforeShipping }) });
  return next;
}

/** A return pickup the tracking shows collected and moving: shipping, and the claim to 반송중 when the shop wants it. */
async function collectPickup(
  ctx: Ctx,
  s: Shipment,
  how: {
    patch: Partial<Shipment>;
    exception: (r: Shipment) => Shipment['exception'];
    status: { operatorId: string };
    unless: (r: Shipment) => boolean;
  },
): Promise<Shipment | undefined> {
  const step = s.state === 'shipping' ? undefined : await claimStep(ctx, s, 'collected');
  const next = await updateShipment(ctx.db, s.key, (r) =>
    how.unless(r)
      ? undefined
      : { ...r, ...how.patch, state: 'shipping', exception: how.exception(r), ...(step ? { godomallStatus: step.to } : {}) },
  );
  if (!next || s.state === 'shipping') return next;
  await audit(ctx, s, { action: 'status', operatorId: how.status.operatorId, detail: step ? `반품 집하 → ${step.to}` : '반품 집하' });
  if (step) await queueStatus(ctx, next, step.to, { onlyFrom: step.from, operatorId: how.status.operatorId });
  return next;
}

/** One audit entry about a shipment (its key, order and number). */
function audit(
  ctx: Ctx,
  s: Pick<Shipment, 'key' | 'orderNo' | 'regiNo'>,
  e: { action: AuditEntry['action']; operatorId: string; detail: string; at?: number },
): Promise<void> {
  return addAudit(ctx.db, {
    at: e.at ?? ctx.now(),
    operatorId: e.operatorId,
    action: e.action,
    key: s.key,
    orderNo: s.orderNo,
    regiNo: s.regiNo,
    detail: e.detail,
  });
}
