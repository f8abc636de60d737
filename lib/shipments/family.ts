// A shipment's key family at Korea Post: its base key and each `-r<n>`, on every KST day a request
// for it can have been filed under (from the order's day, or the first send, to today). Another PC's
// send, a request Korea Post committed after we gave up on it, or one Chromium re-sent on its own are
// in no journal: only this look finds them. When several live registrations share a family, the
// EARLIEST one is kept (every PC applies the same rule, so they converge) and the later ones are
// cancelled while Korea Post still allows it; what cannot be cancelled stays on the row, loudly.
import type { Shipment } from '../db/types';
import type { ReqType, ResInfo } from '../epost/types';
import { kstDaysBetween } from '../epost/kst';
import { addAudit, addVoidNumber } from '../db/repo/journal';
import { shipmentKey, updateShipment } from '../db/repo/shipments';
import { errorText, type Ctx } from './context';
import { flushForShipment, queueInvoice } from './godomall-writes';
import { resInfo } from './safe-calls';
import { reqTypeOf } from './keys';

const DAY_MS = 24 * 60 * 60 * 1000;
/** how far back a family is looked at: an order issued more than a month after it was placed is rare, a month of calls is not */
const MAX_DAYS = 31;

export interface FamilyRegistration extends ResInfo {
  /** the Korea Post orderNo it is filed under (`<base>` or `<base>-r<n>`) */
  key: string;
  reqYmd: string;
}

/** The earlier of two registrations by Korea Post's own clock (resDate, then its request number). */
export function earliest<T extends Pick<ResInfo, 'resDate' | 'reqNo'>>(a: T, b: T): T {
  return a.resDate + a.reqNo <= b.resDate + b.reqNo ? a : b;
}

/** The day godomall's order number starts with (`YYMMDDhhmm…`), as an epoch at KST noon; undefined when it does not parse. */
function orderDayOf(orderNo: string): number | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})/.exec(orderNo);
  if (!m) return undefined;
  const [y, mo, d] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return Date.UTC(y, mo - 1, d, 3); // 12:00 KST
}

/**
 * Every KST day a request of this shipment can be filed under: from the order's day (a request is never
 * older than its order) or our first send, whichever is earlier, to today, plus the day Korea Post
 * filed ours under (its reqNo's day, which a skewed clock or KST midnight can move); at most MAX_DAYS back.
 */
export function familyDays(s: Pick<Shipment, 'orderNo' | 'createdAt' | 'reqYmd'> & { firstSentAt?: number }, now: number): string[] {
  const starts = [orderDayOf(s.orderNo), s.firstSentAt, s.createdAt].filter((v): v is number => v !== undefined && v <= now);
  const days = new Set(kstDaysBetween(Math.max(Math.min(...starts, now), now - MAX_DAYS * DAY_MS), now));
  if (/^\d{8}$/.test(s.reqYmd)) days.add(s.reqYmd);
  return [...days].sort();
}

/** Our journal's keys for this base key: the base and every `-r<n>` up to the highest we know of. */
export async function familyKeys(ctx: Ctx, baseKey: string, atLeast = 0): Promise<string[]> {
  const rows = await ctx.db.shipments.where('baseKey').equals(baseKey).toArray();
  const top = Math.max(atLeast, ...rows.map((r) => r.reissue));
  return Array.from({ length: top + 1 }, (_, n) => shipmentKey(baseKey, n));
}

/** Every registration of these keys on these days. An unclear answer throws: a family is never "empty" by default. */
export async function familyRegistrations(
  ctx: Ctx,
  custNo: string,
  keys: string[],
  days: string[],
  reqType: ReqType,
): Promise<FamilyRegistration[]> {
  const out: FamilyRegistration[] = [];
  for (const key of keys) {
    for (const reqYmd of days) {
      for (const r of await resInfo(ctx, custNo, key, reqYmd, reqType)) out.push({ ...r, key, reqYmd });
    }
  }
  return out;
}

export type Reconciled =
  | { kind: 'missing' }
  /** `note`: what a job's result says about it (twins cancelled, or left live), undefined when there were none */
  | { kind: 'ok'; shipment: Shipment; cancelled: string[]; stuck: string[]; note?: string };

/** Live = anything Korea Post has not cancelled (05 신청취소). */
const isLive = (r: ResInfo) => r.treatStusCd !== '05';

/**
 * Looks at the whole family of a shipment we issued and leaves one live registration: the earliest.
 * Later live ones are cancelled (ours included: the row then carries the keeper's number, and godomall
 * gets it). `missing` = nothing live at all. Throws when Korea Post's answers are unclear.
 */
export async function reconcileFamily(ctx: Ctx, s: Shipment, operatorId: string): Promise<Reconciled> {
  const settings = await ctx.settings();
  const now = ctx.now();
  const keys = await familyKeys(ctx, s.baseKey, s.reissue);
  const found = await familyRegistrations(ctx, settings.custNo, keys, familyDays(s, now), reqTypeOf(s));
  const live = dedupe(found.filter(isLive));
  if (live.length === 0) return { kind: 'missing' };
  const keeper = live.reduce(earliest);
  const cancelled: string[] = [];
  const stuck: string[] = [];
  for (const twin of live) {
    if (twin === keeper) continue;
    const reason = `같은 주문이 우체국에 두 번 접수되어 나중 번호(${twin.regiNo})를 취소했습니다. 유지한 번호: ${keeper.regiNo}`;
    try {
      const r = await ctx.epost.cancel({
        custNo: settings.custNo,
        apprNo: settings.apprNo,
        reqType: reqTypeOf(s),
        reqNo: twin.reqNo,
        resNo: twin.resNo,
        regiNo: twin.regiNo,
        delYn: 'Y',
        reqYmd: twin.reqYmd,
      });
      // another PC applying the same rule may have cancelled it a moment ago: that is the outcome we want
      const already = /이미 취소/.test(r.notCancelReason);
      if (r.canceledYn !== 'Y' && r.canceledYn !== 'D' && !already) throw new Error(r.notCancelReason || '취소 거절');
      await addVoidNumber(ctx.db, { regiNo: twin.regiNo, key: twin.key, reason, at: now });
      await addAudit(ctx.db, {
        at: now,
        operatorId,
        action: 'cancel',
        key: s.key,
        orderNo: s.orderNo,
        regiNo: twin.regiNo,
        detail: reason,
      });
      cancelled.push(twin.regiNo);
    } catch (err) {
      stuck.push(`${twin.regiNo} (${errorText(err)})`);
    }
  }
  const switched = keeper.regiNo !== s.regiNo;
  const loud = stuck.length
    ? `같은 주문이 우체국에 여러 번 접수되어 있습니다: ${[keeper.regiNo, ...stuck].join(', ')}. 유지할 번호는 ${keeper.regiNo}입니다. 나머지를 우체국에서 취소해 주세요.`
    : undefined;
  const next = await updateShipment(ctx.db, s.key, (r) => ({
    ...r,
    ...(switched
      ? {
          regiNo: keeper.regiNo,
          reqNo: keeper.reqNo,
          resNo: keeper.resNo,
          reqYmd: keeper.reqYmd,
          resDate: keeper.resDate || r.resDate,
          price: keeper.price || r.price,
          vTelNo: keeper.vTelNo || r.vTelNo,
          regiPoNm: keeper.regiPoNm || r.regiPoNm,
          // the sort codes belonged to the cancelled request: the label must not print them for the keeper
          arrCnpoNm: '',
          delivPoNm: '',
          delivAreaCd: '',
          courseNo: '',
          printAreaCd: '',
        }
      : {}),
    epostKey: keeper.key !== r.key ? keeper.key : undefined,
    twins: stuck.length ? [keeper.regiNo, ...stuck] : undefined,
    // shown on the row's badge, in the popup's 처리 필요 list and in the job result until resolved
    exception: loud ? { kind: 'twins' as const, reason: loud } : r.exception?.kind === 'twins' ? undefined : r.exception,
    reconciledAt: now,
    message: loud ?? (switched ? `먼저 접수된 번호(${keeper.regiNo})로 바꾸었습니다.` : r.message),
    updatedAt: now,
  }));
  const shipment = next ?? s;
  if (switched)
    await addAudit(ctx.db, {
      at: now,
      operatorId,
      action: 'issue',
      key: s.key,
      orderNo: s.orderNo,
      regiNo: keeper.regiNo,
      detail: `이중 접수 정리: ${s.regiNo} → ${keeper.regiNo}`,
    });
  if (switched || cancelled.length) {
    // godomall may show a cancelled twin (the other PC wrote last): it gets the keeper's number
    if (!shipment.test) {
      await queueInvoice(ctx, shipment, shipment.wholeOrder === true);
      await flushForShipment(ctx, shipment.key);
    }
  }
  const note = loud ?? (cancelled.length ? `이중 접수 ${cancelled.length}건을 취소했습니다 (${cancelled.join(', ')}).` : undefined);
  return { kind: 'ok', shipment: (await ctx.db.shipments.get(s.key)) ?? shipment, cancelled, stuck, ...(note ? { note } : {}) };
}

/** The same registration seen under two neighbouring days counts once. */
function dedupe(rows: FamilyRegistration[]): FamilyRegistration[] {
  const seen = new Map<string, FamilyRegistration>();
  for (const r of rows) if (!seen.has(r.regiNo)) seen.set(r.regiNo, r);
  return [...seen.values()];
}
