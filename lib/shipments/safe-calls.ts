// The SAFE Korea Post and godomall calls. Korea Post reads are retried with backoff by the protocol
// client itself (lib/epost/client.ts), so they are not wrapped again here — a second layer multiplied
// the attempts (and an outage's cost per order) several times. Admin reads get their retry here.
import type { ReqType, ResInfo, StoppedZip } from '../epost/types';
import type { Shipment } from '../db/types';
import { kstDaysBetween } from '../epost/kst';
import type { OrderDetail, OrderTab } from '../godomall/types';
import { SessionExpiredError } from '../godomall/types';
import { isRetryable } from '../epost/errors';
import { withRetry } from '../retry';
import type { Ctx } from './context';

export function resInfo(ctx: Ctx, custNo: string, orderNo: string, reqYmd: string, reqType: ReqType): Promise<ResInfo[]> {
  return ctx.epost.getResInfo({ custNo, reqType, orderNo, reqYmd });
}

/**
 * Every KST day a send of this row can be filed under: Korea Post files a request under its own day,
 * which differs from this PC's around midnight or with a skewed clock, so one day either side of the
 * span from the first send (or the row's creation) to now; at most 31 days.
 */
export function sendDays(row: Pick<Shipment, 'createdAt'> & { firstSentAt?: number }, now: number): string[] {
  const DAY = 24 * 60 * 60 * 1000;
  return kstDaysBetween(Math.max(Math.min(row.firstSentAt ?? row.createdAt, now) - DAY, now - 31 * DAY), now + DAY);
}

/** Transport failures of the admin are worth a retry; an expired session is not (it needs the operator). */
const adminRetryable = (err: unknown) => !(err instanceof SessionExpiredError) && (isRetryable(err) || err instanceof TypeError);

/** Where a job, shipment or write reads and writes: a supplier's `/provider/order/` base, else the shop's origin. */
export interface AdminPlace {
  adminOrigin: string;
  adminBase?: string;
}

export const adminUrl = (at: AdminPlace): string => at.adminBase ?? at.adminOrigin;

/** The place fields to copy onto a job, shipment or write (no `adminBase` key for the shop's own pages). */
export const adminPlace = (at: AdminPlace): AdminPlace => ({
  adminOrigin: at.adminOrigin,
  ...(at.adminBase ? { adminBase: at.adminBase } : {}),
});

/** The order with its 주문내역 items, or (`tab`) the items of one of its claim tabs. */
export function readOrder(ctx: Ctx, at: AdminPlace, orderNo: string, tab?: OrderTab): Promise<OrderDetail> {
  return withRetry(() => ctx.adminFor(adminUrl(at)).fetchOrder(orderNo, tab), { ...ctx.retry, retryable: adminRetryable });
}

/**
 * The detail tab a shipment's items are on: a return pickup's claim tab; an exchange's replacement
 * items (교환추가, z) on 교환추가내역 (IncOrderViewController.php:142–145); else 주문내역.
 */
export function tabOf(s: Pick<Shipment, 'pickup' | 'reship'>): OrderTab {
  if (s.reship) return 'exchangeAdd';
  return !s.pickup ? 'order' : s.pickup.claim === 'b' ? 'back' : 'exchange';
}

/** The 접수중지 list changes a few times a year: asked again after an hour (after 5 minutes when it failed). */
const STOPPED_ZIPS_TTL_MS = 60 * 60_000;
const STOPPED_ZIPS_RETRY_MS = 5 * 60_000;
/** how long an order waits for it: it is advisory, so it never holds a job (a hung read cost every job ~30 s) */
const STOPPED_ZIPS_WAIT_MS = 3_000;

/** 접수중지 postcodes. A failure or a slow answer is a warning on the order, never a stop or a wait. */
export async function stoppedZips(ctx: Ctx): Promise<StoppedZip[] | undefined> {
  const now = ctx.now();
  const cached = ctx.stoppedZips;
  const age = cached ? now - cached.at : Infinity;
  if (age > STOPPED_ZIPS_TTL_MS || (cached?.failed && age > STOPPED_ZIPS_RETRY_MS)) {
    const entry: NonNullable<Ctx['stoppedZips']> = { at: now, list: Promise.resolve(undefined) };
    entry.list = ctx.epost.getStoppedZipCd().catch(() => {
      entry.failed = true;
      return undefined;
    });
    ctx.stoppedZips = entry;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), STOPPED_ZIPS_WAIT_MS)));
  try {
    return await Promise.race([ctx.stoppedZips!.list, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A live registration among GetResInfo rows (05 신청취소 rows are dead numbers). */
export function liveRegistration(rows: ResInfo[], regiNo?: string): ResInfo | undefined {
  return rows.find((r) => r.treatStusCd !== '05' && (!regiNo || r.regiNo === regiNo));
}
