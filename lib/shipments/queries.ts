// Read-only views of the journal: overlay badges, popup counts, the day's export (data only).
import type { OrderParcel, OrderParcels, RowShipment } from '../message-data';
import type { OrderRow, Shipment } from '../db/types';
import type { JournalDb } from '../db/db';
import { auditOfOrder, lastSyncRun, trackingEventsOf } from '../db/repo/journal';
import { orderRowsFor, stateCounts, attentionRows } from '../db/repo/shipments';
import { needsActionReason } from '../db/attention';
import type { DashboardData } from '../message-data';
import { isContactError, PARCEL_STATES, TYPED_KEY_PREFIX } from './lifecycle';
import { queuedWriteCount, writesOfShipments } from '../db/repo/pending-writes';

function toRow(s: OrderRow, unsaved: ReadonlySet<string>): RowShipment {
  return {
    key: s.key,
    baseKey: s.baseKey,
    orderNo: s.orderNo,
    itemSnos: s.itemSnos,
    state: s.state,
    regiNo: s.regiNo,
    test: s.test,
    printed: s.printedAt !== undefined,
    ...(s.exception ? { exception: s.exception } : {}),
    ...(s.message ? { message: s.message } : {}),
    ...(isContactError(s) ? { contactError: true } : {}),
    ...(unsaved.has(s.key) ? { savePending: true } : {}),
    ...(islandFee(s.islandAddFee) ? { islandAddFee: islandFee(s.islandAddFee) } : {}),
    ...(s.box ? { box: s.box.name } : {}),
    ...(s.pickup ? { pickup: s.pickup.claim } : {}),
    ...(s.reship ? { reship: true as const } : {}),
    source: s.source ?? (s.key.startsWith(TYPED_KEY_PREFIX) ? 'typed' : 'issued'),
  };
}

/** Korea Post's islandAddFee as a number of 원 (0 when none or unreadable). */
function islandFee(v: string | undefined): number {
  const n = Number((v ?? '').replace(/[^\d]/g, ''));
  return Number.isFinite(n) ? n : 0;
}

/** Per baseKey (and order, for a 묶음배송 parcel) the row that matters: the live one, else the latest failed/void/unlinked one. */
export async function rowShipments(db: JournalDb, origin: string, orderNos: string[]): Promise<RowShipment[]> {
  // queued writes are few (a login expiry's worth at most) and usually none
  const [rows, queuedCount] = await Promise.all([orderRowsFor(db, origin, orderNos), queuedWriteCount(db)]);
  // per base key and order: a 묶음배송 parcel has a row for each order it carries
  const best = new Map<string, OrderRow>();
  for (const s of rows) {
    const at = `${s.baseKey}|${s.orderNo}`;
    const cur = best.get(at);
    const rank = (x: OrderRow) => (x.liveBaseKey ? 2 : x.state === 'unlinked' ? 1 : 0);
    if (!cur || rank(s) > rank(cur) || (rank(s) === rank(cur) && s.updatedAt > cur.updatedAt)) best.set(at, s);
  }
  const keys = [...best.values()].map((s) => s.key);
  const queued = queuedCount > 0 ? await writesOfShipments(db, keys) : [];
  const unsaved = new Set(queued.filter((w) => w.kind === 'invoice').map((w) => w.shipmentKey));
  return [...best.values()].map((s) => toRow(s, unsaved));
}

/** How much of an order's history the panel shows: its audit is short, a runaway loop's is not. */
const ORDER_AUDIT_LIMIT = 200;

/**
 * One order's parcels for the order page: every row the journal holds for it (void, failed and
 * archived ones, and a 묶음배송 parcel led by another order), each with its scans, and the audit of
 * those parcels (a packet's entries are kept under its lead order, so they are found by key too).
 */
export async function orderParcels(db: JournalDb, origin: string, orderNo: string): Promise<OrderParcels> {
  const [rows, queuedCount] = await Promise.all([orderRowsFor(db, origin, [orderNo]), queuedWriteCount(db)]);
  const keys = rows.map((r) => r.key);
  const regiNos = [...new Set(rows.map((r) => r.regiNo).filter(Boolean))];
  const [queued, events, [byOrder, byKey]] = await Promise.all([
    queuedCount > 0 ? writesOfShipments(db, keys) : [],
    trackingEventsOf(db, regiNos),
    auditOfOrder(db, orderNo, keys, ORDER_AUDIT_LIMIT),
  ]);
  const unsaved = new Set(queued.filter((w) => w.kind === 'invoice').map((w) => w.shipmentKey));
  const parcels: OrderParcel[] = rows.map((r) => ({
    ...toRow(r, unsaved),
    updatedAt: r.updatedAt,
    events: events
      .filter((e) => e.regiNo === r.regiNo)
      .sort((a, b) => a.at - b.at)
      .map(({ at, when, location, statusText, detail }) => ({ at, when, location, statusText, detail })),
  }));
  const audit = new Map<number, (typeof byOrder)[number]>();
  for (const a of [...byOrder, ...byKey]) audit.set(a.id!, a);
  return {
    parcels: parcels.sort((a, b) => a.updatedAt - b.updatedAt),
    audit: [...audit.values()]
      .sort((a, b) => b.at - a.at || b.id! - a.id!)
      .slice(0, ORDER_AUDIT_LIMIT)
      .map(({ id: _id, ...entry }) => entry),
  };
}

export type DashboardCounts = Pick<DashboardData, 'counts' | 'needsAction' | 'lastSync'>;

/**
 * The popup's counts without reading the whole journal (a busy shop's year is a million rows): the
 * states' counts are kept by putShipment, and only the rows flagged `attention` (attention.ts: a reason
 * for the operator, not superseded by a later live shipment of the same order) are read.
 */
export async function dashboardCounts(db: JournalDb): Promise<DashboardCounts> {
  // per state that holds a parcel at Korea Post (lifecycle.ts PARCEL_STATES): all rows, the return
  // pickups among them, and the rows apart (test numbers, numbers typed by hand: no parcel of ours)
  const kept = await stateCounts(
    db,
    PARCEL_STATES.flatMap((state) => [state, `pickup:${state}`, `apart:${state}`] as const),
  );
  const by = new Map(
    PARCEL_STATES.map((state, i) => {
      const [all, pickups, apart] = kept.slice(3 * i, 3 * i + 3) as [number, number, number];
      return [state, { parcels: all - pickups - apart, pickups }] as const;
    }),
  );
  const [pendingWrites, flagged, lastSync] = await Promise.all([queuedWriteCount(db), attentionRows(db), lastSyncRun(db)]);
  const latest = new Map<string, Shipment>();
  for (const s of flagged) {
    const cur = latest.get(s.baseKey);
    if (!cur || (s.liveBaseKey && !cur.liveBaseKey) || (!cur.liveBaseKey && s.updatedAt > cur.updatedAt)) latest.set(s.baseKey, s);
  }
  // parcels to customers by state; return pickups on their way back (booked or collected) on their own
  const parcels = (s: (typeof PARCEL_STATES)[number]) => by.get(s)!.parcels;
  const pickups = (s: (typeof PARCEL_STATES)[number]) => by.get(s)!.pickups;
  const counts = {
    issued: parcels('issued'),
    reserved: parcels('reserved'),
    shipping: parcels('shipping'),
    delivered: parcels('delivered'),
    pickups: pickups('reserved') + pickups('shipping'),
    unlinked: parcels('unlinked') + pickups('unlinked'),
    contactError: 0,
    exceptions: 0,
    pendingWrites,
    live: 0,
  };
  // a twin Korea Post would not cancel any more is one more live registration of its order
  let twins = 0;
  const needsAction: DashboardData['needsAction'] = [];
  for (const s of latest.values()) {
    if (isContactError(s)) counts.contactError++;
    if (s.twins && s.liveBaseKey) twins += s.twins.length - 1;
    if (s.exception) counts.exceptions++;
    const reason = needsActionReason(s);
    if (reason)
      needsAction.push({
        key: s.key,
        orderNo: s.orderNo,
        adminOrigin: s.adminOrigin,
        ...(s.adminBase ? { adminBase: s.adminBase } : {}),
        reason,
      });
  }
  // everything Korea Post holds live under this contract, as far as this journal knows: the sum the
  // operator can hold against Korea Post's own list
  counts.live = PARCEL_STATES.reduce((n, s) => n + parcels(s) + pickups(s), 0) + twins;
  return { counts, needsAction, ...(lastSync ? { lastSync } : {}) };
}
