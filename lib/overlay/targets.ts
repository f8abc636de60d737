// Joining page rows to journal shipments, and turning rows into job requests. Pure.
import { LIVE_STATES, type IssueMode } from '../db/types';
import type { ListRow } from '../godomall/types';
import type { JobRequestTarget, RowShipment } from '../message-data';
import { rowMay, type Badge } from './badge';
import { PICKUP_CLAIM_STEP } from '../shipments/lifecycle';
import { baseKeyFor } from '../shipments/keys';

export interface RowView {
  row: ListRow;
  badge: Badge;
}

/** live beats failed beats void: a row shows what still matters */
function rank(s: RowShipment): number {
  if (s.state === 'void') return 0;
  if (s.state === 'failed') return 1;
  return 2;
}

function better(a: RowShipment | undefined, b: RowShipment): RowShipment {
  if (!a) return b;
  return rank(b) > rank(a) ? b : a;
}

/**
 * For each row key, the shipment that row is about. An item row matches a shipment for its item or one
 * covering the whole order (주문별); an order row prefers a whole-order shipment, else any of its items'.
 */
export function matchShipments(rows: readonly ListRow[], shipments: readonly RowShipment[]): Map<string, RowShipment> {
  const byOrder = new Map<string, RowShipment[]>();
  for (const s of shipments) {
    const list = byOrder.get(s.orderNo);
    if (list) list.push(s);
    else byOrder.set(s.orderNo, [s]);
  }
  const out = new Map<string, RowShipment>();
  for (const row of rows) {
    const list = byOrder.get(row.orderNo);
    if (!list) continue;
    let whole: RowShipment | undefined;
    let item: RowShipment | undefined;
    for (const s of list) {
      if (s.itemSnos.length === 0) whole = better(whole, s);
      else if (!row.sno || s.itemSnos.includes(row.sno)) item = better(item, s);
    }
    const pick = whole && (!item || rank(whole) >= rank(item)) ? whole : item;
    if (pick) out.set(row.key, pick);
  }
  return out;
}

/**
 * 발급 targets. 주문별: one per order, and only when no row of that order has a number yet.
 * 상품별: one per item row (needs item rows, i.e. `?view=orderGoods`).
 */
export function issueTargets(rows: readonly RowView[], mode: IssueMode, canIssue: (b: Badge) => boolean): JobRequestTarget[] {
  if (mode === 'item') {
    const seen = new Set<string>();
    const out: JobRequestTarget[] = [];
    for (const { row, badge } of rows) {
      if (!row.sno || !canIssue(badge) || seen.has(row.key)) continue;
      seen.add(row.key);
      out.push({ orderNo: row.orderNo, itemSnos: [row.sno] });
    }
    return out;
  }
  const ok = new Map<string, boolean>();
  for (const { row, badge } of rows) ok.set(row.orderNo, (ok.get(row.orderNo) ?? true) && canIssue(badge));
  return [...ok].filter(([, yes]) => yes).map(([orderNo]) => ({ orderNo, itemSnos: [] }));
}

/**
 * 교환 재배송 targets of the 교환추가 list's item rows (z): 상품별 one per item; 주문별 one per order with
 * the replacement items chosen of it, which the background keys by the lowest (keys.ts reshipBaseKey).
 */
export function reshipTargets(rows: readonly RowView[], mode: IssueMode, canIssue: (b: Badge) => boolean): JobRequestTarget[] {
  if (mode === 'item') return issueTargets(rows, mode, canIssue);
  const byOrder = new Map<string, Set<string>>();
  for (const { row, badge } of rows) {
    if (!row.sno || !canIssue(badge)) continue;
    byOrder.set(row.orderNo, (byOrder.get(row.orderNo) ?? new Set()).add(row.sno));
  }
  return [...byOrder].map(([orderNo, snos]) => ({ orderNo, itemSnos: [...snos] }));
}

/** Distinct shipment keys of the rows whose badge passes `pred` (reserve, cancel, print). */
export function shipmentKeys(rows: readonly RowView[], pred: (b: Badge) => boolean): string[] {
  const keys = new Set<string>();
  for (const { badge } of rows) if (badge.shipmentKey && pred(badge)) keys.add(badge.shipmentKey);
  return [...keys];
}

/**
 * The selected rows with a parcel that `action` refuses, grouped by the lifecycle's reason (the
 * operator reads why, once per reason). Rows without any parcel of ours are not listed.
 */
export function refusals(rows: readonly RowView[], action: 'reserve' | 'cancel' | 'print'): Array<{ reason: string; count: number }> {
  const by = new Map<string, Set<string>>();
  for (const { badge } of rows) {
    if (!badge.shipmentKey) continue;
    const v = rowMay(badge, action);
    if (v.ok) continue;
    by.set(v.reason, (by.get(v.reason) ?? new Set()).add(badge.shipmentKey));
  }
  return [...by].map(([reason, keys]) => ({ reason, count: keys.size }));
}

/**
 * Orders whose 주문별 key is held by a live parcel: the journal keeps one live shipment per base key
 * (liveBaseKey), so a 주문별 issue of them is skipped by the background whatever row was selected. The
 * key and liveness are the background's own (baseKeyFor, LIVE_STATES), not a second reading of them.
 */
export function ordersWithParcel(shipments: readonly RowShipment[]): Set<string> {
  return new Set(
    shipments.filter((s) => s.baseKey === baseKeyFor('order', s.orderNo, []) && LIVE_STATES.includes(s.state)).map((s) => s.orderNo),
  );
}

/** Rows showing a 우체국택배 number typed by hand, for reportTypedInvoices (tracking only). */
export function typedInvoiceRows(
  rows: readonly RowView[],
): Array<{ orderNo: string; itemSnos: string[]; invoiceNo: string; status: string }> {
  return rows
    .filter((r) => r.badge.kind === 'typed')
    .map(({ row }) => ({ orderNo: row.orderNo, itemSnos: row.sno ? [row.sno] : [], invoiceNo: row.invoiceNo, status: row.status }));
}

/**
 * 반품 회수 targets of claim rows: the items still waiting for pickup (반품접수 b1 / 교환접수 e1; a row
 * whose status the list did not print is left to the background, which reads the claim tab) and
 * without a live pickup. A grouped row (no item) asks for its order's whole claim.
 */
export function pickupTargets(rows: readonly RowView[], claim: 'b' | 'e', canBook: (b: Badge) => boolean): JobRequestTarget[] {
  const byOrder = new Map<string, string[] | undefined>();
  for (const { row, badge } of rows) {
    if (!canBook(badge) || (row.status && row.status !== PICKUP_CLAIM_STEP[claim])) continue;
    const had = byOrder.has(row.orderNo) ? byOrder.get(row.orderNo) : [];
    byOrder.set(row.orderNo, had && row.sno ? [...new Set([...had, row.sno])] : undefined);
  }
  return [...byOrder].map(([orderNo, itemSnos]) => ({ orderNo, itemSnos: itemSnos ?? [] }));
}
