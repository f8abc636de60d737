// A shipment's key family at Korea Post: its base key and each `-r<n>`, on every KST day a request
// for it can have been filed under (from our first send, less a margin for Korea Post's clock and the
// midnight race, to today; never before the order's day). Another PC's send, a request Korea Post
// committed after we gave up on it, or one Chromium re-sent on its own are in no journal: only this look
// finds them. When several live registrations share a family, the EARLIEST one is kept (every PC
// applies the same rule, so they converge) and the later ones are cancelled while Korea Post still
// allows it; what cannot be cancelled stays on the row, loudly. The bill is bounded: a day a look
// confirmed clean after it ended is never asked again (the row's `cleanDays`), and a touch asks at most
// MAX_LOOK_DAYS days per key.
import type { Shipment } from '../db/types';
import type { ReqType, ResInfo } from '../epost/types';
import { kstDaysBetween } from '../epost/kst';
import { addAudit, addVoidNumber } from '../db/repo/journal';
import { shipmentKey, updateShipment, getShipment, shipmentsOfBase } from '../db/repo/shipments';
import { errorText, type Ctx } from './context';
import { flushForShipment, queueInvoice } from './godomall-writes';
import { resInfo } from './safe-calls';
import { isRealRegiNo, reqTypeOf } from './keys';

const DAY_MS = 24 * 60 * 60 * 1000;
/** how far back a family is ever looked at: an order issued more than a month after it was placed is rare, a month of calls is not */
const MAX_DAYS = 31;
/**
 * Days asked per key in one touch. The newest come first (today's sends, late commits and the other
 * PC's same-moment send are filed there); older days not yet confirmed clean are left to the next
 * touches (the sync, 출력, 예약 취소 …), this many at a time, and until they are all covered the row is
 * not `reconciledAt`, so the sync keeps coming back to it.
 */
export const MAX_LOOK_DAYS = 7;
/**
 * Korea Post files a request under ITS day. A send of ours at 00:05 by this PC's clock may be filed
 * under yesterday (a clock a few minutes off), and another PC's send of the same moment across
 * midnight is: the day this long before our first send is part of the family's span.
 */
const FILING_MARGIN_MS = 10 * 60_000;

export interface FamilyRegistration extends ResInfo {
  /** the Korea Post orderNo it is filed under (`<base>` or `<base>-r<n>`) */
  key: string;
  reqYmd: string;
}

/** The earlier of two registrations by Korea Post's own clock (resDate, then its request number). */
export function earliest<T extends Pick<ResInfo, 'resDate' | 'reqNo'>>(a: T, b: T): T {
  return a.resDate + a.reqNo <= b.resDate + b.reqNo ? a : b;
}

/** The day godomall's order number starts with (`YYMMDD…`) as 'YYYYMMDD'; undefined when it does not parse. */
function orderYmdOf(orderNo: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})/.exec(orderNo);
  if (!m) return undefined;
  const [mo, d] = [Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `20${m[1]}${m[2]}${m[3]}`;
}

/** The first instant after KST day `ymd` ends. */
function kstDayEnd(ymd: string): number {
  return Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8)) + 1) - 9 * 60 * 60 * 1000;
}

type FamilyRow = Pick<Shipment, 'orderNo' | 'createdAt' | 'reqYmd'> & { firstSentAt?: number };

/**
 * The KST days a look at this family may ask, oldest first: from the day our earliest send can be filed
 * under (`rows`: every row of the base key in our journal; never before the order's day, never more than
 * MAX_DAYS back) to today, plus each row's own request day (Korea Post's clock, which may be ahead).
 * Days before our first send are not asked: a registration there is another PC's whose number never
 * reached godomall (else we would have taken it over instead of sending); that PC's journal holds it
 * and its own next touch, looking from its first send, finds ours and keeps the earlier one.
 */
export function familyDays(rows: readonly FamilyRow[], now: number): string[] {
  const orderYmd = rows.map((r) => orderYmdOf(r.orderNo)).find((d) => d !== undefined);
  const sent = Math.min(now, ...rows.map((r) => r.firstSentAt ?? r.createdAt)) - FILING_MARGIN_MS;
  const days = new Set(kstDaysBetween(Math.max(now - MAX_DAYS * DAY_MS, sent), now).filter((d) => !orderYmd || d >= orderYmd));
  for (const r of rows) if (/^\d{8}$/.test(r.reqYmd)) days.add(r.reqYmd);
  return [...days].sort();
}

/**
 * Which of `days` still need asking, newest first, at most MAX_LOOK_DAYS: a day is confirmed clean once
 * a look after it ended (and after a late commit filed under it can have landed) left at most the
 * keeper live in it. Today and yesterday-until-settled are always asked. `rest`: the days left over.
 */
export function daysToAsk(
  days: readonly string[],
  clean: Shipment['cleanDays'],
  keys: number,
  settledAfterMs: number,
): { ask: string[]; rest: string[] } {
  const known = clean && clean.keys === keys ? clean.days : {};
  const open = days.filter((d) => (known[d] ?? 0) < kstDayEnd(d) + settledAfterMs).reverse();
  return { ask: open.slice(0, MAX_LOOK_DAYS), rest: open.slice(MAX_LOOK_DAYS) };
}

/** Our journal's keys for a base key, from its rows: the base and every `-r<n>` up to the highest we know of. */
export function familyKeys(baseKey: string, rows: readonly Shipment[], atLeast = 0): string[] {
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

/** Live = anything Korea Post has not cancelled (05 신청취소; a `delYn=Y` cancel leaves no row at all). */
export const isLive = (r: ResInfo) => r.treatStusCd !== '05';

/** How long after a KST day ended a look at it confirms it for good: nothing can be filed under it any more. */
const settledAfter = (ctx: Ctx) => ctx.lateCommitMs + FILING_MARGIN_MS;

/**
 * Looks at the family of a shipment we issued — on the days not yet confirmed clean (daysToAsk) — and
 * leaves one live registration: the earliest (settleFamily). `missing` = nothing live where it looked
 * (our number cancelled at Korea Post). Throws when Korea Post's answers are unclear.
 */
export async function reconcileFamily(
  ctx: Ctx,
  s: Shipment,
  operatorId: string,
  /** the base key's rows, when the caller read them with `s` (shipmentAndBase) */
  base?: Shipment[],
): Promise<Reconciled> {
  const settings = await ctx.settings();
  const now = ctx.now();
  const rows = base ?? (await shipmentsOfBase(ctx.db, s.baseKey));
  const keys = familyKeys(s.baseKey, rows, s.reissue);
  const span = familyDays(rows.length ? rows : [s], now);
  const { ask, rest } = daysToAsk(span, s.cleanDays, keys.length, settledAfter(ctx));
  const found = await familyRegistrations(ctx, settings.custNo, keys, ask, reqTypeOf(s));
  const live = dedupe(found.filter(isLive));
  // our number, filed on a day a look already confirmed clean, was that day's keeper: it still is (its
  // cancel at Korea Post is the tracking's to see)
  if (isRealRegiNo(s.regiNo) && !ask.includes(s.reqYmd) && !found.some((r) => r.regiNo === s.regiNo)) live.push(registrationOf(s));
  if (live.length === 0) return { kind: 'missing' };
  return settleFamily(ctx, s, live, operatorId, { days: ask, keys: keys.length, complete: rest.length === 0 });
}

/** The row's own registration as a family member (for a day that is not asked again). */
function registrationOf(s: Shipment): FamilyRegistration {
  const { reqNo, resNo, regiNo, regiPoNm, resDate, price, vTelNo, reqYmd } = s;
  return { reqNo, resNo, regiNo, regiPoNm, resDate, price, vTelNo, treatStusCd: '01', key: s.epostKey ?? s.key, reqYmd };
}

/**
 * THE rule for several live registrations of one family, wherever a look of ours sees them (a touch's
 * family look, the confirm after an unknown send, a resume, a pickup, the settle sweep): the earliest is
 * kept, every later one is cancelled at Korea Post there and then (audited, its number void forever),
 * the row carries the keeper's number and godomall gets it. Every PC applies the same rule, so they
 * converge. What cannot be cancelled any more stays on the row, loudly. `look`: the days a family look
 * asked in full, confirmed clean when no twin is left (and the row reconciled when no day is left over).
 */
export async function settleFamily(
  ctx: Ctx,
  s: Shipment,
  live: FamilyRegistration[],
  operatorId: string,
  look?: { days: string[]; keys: number; complete: boolean },
): Promise<Extract<Reconciled, { kind: 'ok' }>> {
  const settings = await ctx.settings();
  const now = ctx.now();
  const keeper = live.reduce(earliest);
  const cancelled: string[] = [];
  const stuck: string[] = [];
  for (const twin of dedupe(live)) {
    if (twin.regiNo === keeper.regiNo) continue;
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
  const clean = look && !stuck.length ? look : undefined;
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
    ...(clean
      ? {
          cleanDays: {
            keys: clean.keys,
            days: { ...(r.cleanDays?.keys === clean.keys ? r.cleanDays.days : {}), ...Object.fromEntries(clean.days.map((d) => [d, now])) },
          },
        }
      : {}),
    ...(clean?.complete ? { reconciledAt: now } : {}),
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
  // the row as written above, unless godomall's write (its queue and flush) changed it since
  const latest = switched || cancelled.length ? ((await getShipment(ctx.db, s.key)) ?? shipment) : shipment;
  return { kind: 'ok', shipment: latest, cancelled, stuck, ...(note ? { note } : {}) };
}

/** The same registration seen under two neighbouring days counts once. */
function dedupe(rows: FamilyRegistration[]): FamilyRegistration[] {
  const seen = new Map<string, FamilyRegistration>();
  for (const r of rows) if (!seen.has(r.regiNo)) seen.set(r.regiNo, r);
  return [...seen.values()];
}
