// Read-only views of the journal: overlay badges, popup counts, the day's export (data only).
import type { RowShipment } from '../messages';
import type { Shipment } from '../db/types';
import type { JournalDb } from '../db/db';
import { lastSyncRun } from '../db/repo/journal';
import { shipmentsForOrders } from '../db/repo/shipments';
import type { DashboardData } from '../messages';

function toRow(s: Shipment, unsaved: ReadonlySet<string>): RowShipment {
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
    ...(s.state === 'failed' && s.failure === 'contact' ? { contactError: true } : {}),
    ...(unsaved.has(s.key) ? { savePending: true } : {}),
  };
}

/** Per baseKey the row that matters: the live one, else the latest failed/void/unlinked one. */
export async function rowShipments(db: JournalDb, origin: string, orderNos: string[]): Promise<RowShipment[]> {
  const rows = await shipmentsForOrders(db, origin, orderNos);
  const best = new Map<string, Shipment>();
  for (const s of rows) {
    const cur = best.get(s.baseKey);
    const rank = (x: Shipment) => (x.liveBaseKey ? 2 : x.state === 'unlinked' ? 1 : 0);
    if (!cur || rank(s) > rank(cur) || (rank(s) === rank(cur) && s.updatedAt > cur.updatedAt)) best.set(s.baseKey, s);
  }
  const keys = [...best.values()].map((s) => s.key);
  const queued = keys.length ? await db.pendingWrites.where('shipmentKey').anyOf(keys).toArray() : [];
  const unsaved = new Set(queued.filter((w) => w.kind === 'invoice').map((w) => w.shipmentKey));
  return [...best.values()].map((s) => toRow(s, unsaved));
}

export type DashboardCounts = Pick<DashboardData, 'counts' | 'needsAction' | 'lastSync'>;

/** Every state but delivered: the rows that can ask something of the operator. */
const OPEN_STATES: ReadonlyArray<Shipment['state']> = ['pending', 'issued', 'reserved', 'shipping', 'failed', 'void', 'unlinked'];

/**
 * The popup's counts without reading the whole journal (a busy shop's year is a million rows): the
 * live states are counted on the `state` index (one live row per base key, by the unique
 * liveBaseKey), and only the rows that can need the operator — not delivered — are read: the parcels
 * under way, failures, voided and unlinked rows. A failure or void row whose base key has a live
 * shipment since (re-issued) is history, not a task.
 */
export async function dashboardCounts(db: JournalDb): Promise<DashboardCounts> {
  const byState = (state: Shipment['state']) => db.shipments.where('state').equals(state);
  // one `equals` per state: IndexedDB walks an index range, where `anyOf` would seek key by key
  const [issued, reserved, shipping, delivered, pendingWrites, ...openParts] = await Promise.all([
    byState('issued').count(),
    byState('reserved').count(),
    byState('shipping').count(),
    byState('delivered').count(),
    db.pendingWrites.count(),
    ...OPEN_STATES.map((state) => byState(state).toArray()),
  ]);
  const open = openParts.flat();
  const latest = new Map<string, Shipment>();
  for (const s of open) {
    const cur = latest.get(s.baseKey);
    if (!cur || (s.liveBaseKey && !cur.liveBaseKey) || (!cur.liveBaseKey && s.updatedAt > cur.updatedAt)) latest.set(s.baseKey, s);
  }
  // a dead row that would ask for action, whose base key went on to a delivered shipment (not read
  // above), is superseded too: looked up for those few rows only
  const deliveredSince = new Set<string>();
  for (const s of latest.values()) {
    if (s.liveBaseKey || !needsActionReason(s)) continue;
    if ((await db.shipments.where('liveBaseKey').equals(s.baseKey).count()) > 0) deliveredSince.add(s.baseKey);
  }
  const counts = { issued, reserved, shipping, delivered, contactError: 0, exceptions: 0, pendingWrites };
  const needsAction: DashboardData['needsAction'] = [];
  for (const s of latest.values()) {
    if (!s.liveBaseKey && deliveredSince.has(s.baseKey)) continue;
    if (s.state === 'failed' && s.failure === 'contact') counts.contactError++;
    if (s.exception && s.state !== 'delivered') counts.exceptions++;
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
  const lastSync = await lastSyncRun(db);
  return { counts, needsAction, ...(lastSync ? { lastSync } : {}) };
}

/** Shipments with a number whose request day (KST) is in [fromYmd, toYmd], oldest first. */
export async function exportRows(db: JournalDb, fromYmd: string, toYmd: string): Promise<Shipment[]> {
  const rows = await db.shipments.where('reqYmd').between(fromYmd, toYmd, true, true).toArray();
  return rows.filter((s) => s.regiNo !== '' && s.state !== 'pending' && s.state !== 'failed').sort((a, b) => a.createdAt - b.createdAt);
}

/** Why the operator should look at this row, or undefined when nothing is asked of them. */
function needsActionReason(s: Shipment): string | undefined {
  if (s.state === 'delivered') return undefined;
  if (s.exception) return s.exception.reason;
  if (s.state === 'failed' || s.state === 'unlinked') return s.message;
  if (s.state === 'pending') return s.message ?? '우체국 접수 확인 중';
  if (s.state === 'void') return s.message?.includes('재발급') ? s.message : undefined; // cancelled at Korea Post, not by us
  return s.message === '고도몰 로그인 필요' || s.message?.startsWith('고도몰 저장 실패') ? s.message : undefined;
}
