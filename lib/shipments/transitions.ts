// Every state change of a shipment, in one place: each is one journal update, one audit entry and the
// godomall write it implies (queued, then flushed). The workflows (issue, reserve, cancel, sync,
// family) decide WHEN; these functions are HOW.
import type { Shipment } from '../db/types';
import type { InsertOrderResult, ResInfo } from '../epost/types';
import { addAudit, addVoidNumber } from '../db/repo/journal';
import { putShipment, shipmentTx, updateShipment } from '../db/repo/shipments';
import type { Ctx } from './context';
import type { OrderDetail } from '../godomall/types';
import { flushForShipment, queueClearInvoice, queueInvoice, queueStatus } from './godomall-writes';

type Registered = Partial<InsertOrderResult> & Pick<ResInfo, 'reqNo' | 'resNo' | 'regiNo'>;

/** The parcel is registered at Korea Post: record it, audit it, write the number into godomall. */
/** `justRead`: the order as read right before the send, so its invoice write needs no second read. */
export async function recordIssued(ctx: Ctx, row: Shipment, r: Registered, how: string, justRead?: OrderDetail): Promise<Shipment> {
  const pick = (v: string | undefined, old: string) => (v !== undefined && v !== '' ? v : old);
  const next = await updateShipment(ctx.db, row.key, (s) => ({
    ...s,
    state: 'issued',
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
    message: undefined,
    failure: undefined,
    updatedAt: ctx.now(),
  }));
  const s = next ?? row;
  await addAudit(ctx.db, {
    at: ctx.now(),
    operatorId: s.operatorId,
    action: 'issue',
    key: s.key,
    orderNo: s.orderNo,
    regiNo: s.regiNo,
    detail: how,
  });
  // test shipments (TESTREGINOAPI) are never written into godomall as a real invoice
  if (!s.test) {
    await queueInvoice(ctx, s, s.wholeOrder === true);
    await flushForShipment(ctx, s.key, justRead);
  }
  return (await ctx.db.shipments.get(s.key)) ?? s;
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
  await addAudit(ctx.db, {
    at: now,
    operatorId: how.operatorId,
    action: how.action ?? 'void',
    key: s.key,
    orderNo: s.orderNo,
    regiNo,
    detail: how.detail ?? how.reason,
  });
  if (!row || row.test || row.source === 'typed' || how.clearInGodomall === false) return { row };
  await queueClearInvoice(ctx, row, row.wholeOrder === true);
  return { row, ...(how.flush === false ? {} : { note: await flushForShipment(ctx, row.key) }) };
}

/** A failed row, written only when the baseKey has no live shipment (a failure never hides a number). */
export async function recordFailedIssue(ctx: Ctx, draft: Shipment): Promise<void> {
  await shipmentTx(ctx.db, async () => {
    const live = await ctx.db.shipments.where('liveBaseKey').equals(draft.baseKey).first();
    if (!live) await putShipment(ctx.db, draft);
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
  const reserved = await updateShipment(ctx.db, s.key, (r) => ({
    ...r,
    state: 'reserved',
    reservedAt: now,
    godomallStatus: how.to,
    itemStatuses: how.itemStatuses,
    message: r.twins ? r.message : undefined,
    updatedAt: now,
  }));
  await addAudit(ctx.db, {
    at: now,
    operatorId: how.operatorId,
    action: 'reserve',
    key: s.key,
    orderNo: s.orderNo,
    regiNo: s.regiNo,
    detail: `${how.from} → ${how.to}`,
  });
  if (!reserved || !how.change || s.test) return {};
  await queueStatus(ctx, reserved, how.to, { onlyFromGroups: 'p', operatorId: how.operatorId });
  return { note: await flushForShipment(ctx, s.key, how.justRead) };
}

/** 배달완료 as Korea Post tracked it: delivered, godomall to d2 (queued; the sync flushes at its end). */
export async function deliverShipment(
  ctx: Ctx,
  s: Shipment,
  how: { deliveredAt: number; patch: Partial<Shipment>; status: { expect?: string; operatorId: string }; unless: (r: Shipment) => boolean },
): Promise<boolean> {
  const next = await updateShipment(ctx.db, s.key, (r) =>
    how.unless(r)
      ? undefined
      : { ...r, ...how.patch, state: 'delivered', deliveredAt: how.deliveredAt, exception: undefined, godomallStatus: 'd2' },
  );
  if (!next) return false;
  await queueStatus(ctx, next, 'd2', how.status);
  await addAudit(ctx.db, {
    at: ctx.now(),
    operatorId: how.status.operatorId,
    action: 'status',
    key: s.key,
    orderNo: s.orderNo,
    regiNo: s.regiNo,
    detail: '배달완료 → d2',
  });
  return true;
}
