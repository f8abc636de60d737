// Data shaping for the background's `labelData` handler: which of the asked-for shipments can be
// printed, and each one's n/N among its order's live numbers. The handler only loads and calls this.
import type { JournalDb } from '../db/db';
import type { Shipment } from '../db/types';
import { lifeOf, may } from '../shipments/lifecycle';
import type { LabelData } from '../message-data';
import type { Settings } from '../settings';
import type { Parcel } from './model';
import { shipmentsByKeys, shipmentsOfOrders } from '../db/repo/shipments';

/** A label exists only for a number Korea Post holds, issued and later (reprint any time): the lifecycle's print rule. */
const printable = (s: Shipment) => may(lifeOf(s), 'print');

/**
 * @param requested the journal rows for `keys` (missing keys simply absent)
 * @param orderShipments every journal row of the same orders (for n/N); may include `requested`
 */
export function shapeLabelData(
  keys: string[],
  requested: Shipment[],
  orderShipments: Shipment[],
  settings: Pick<Settings, 'sender' | 'companyName' | 'label'>,
): LabelData {
  const byKey = new Map(requested.map((s) => [s.key, s]));
  const shipments: Shipment[] = [];
  const skipped: Array<{ key: string; reason: string }> = [];
  for (const key of unique(keys)) {
    const s = byKey.get(key);
    if (!s) skipped.push({ key, reason: '송장 정보를 찾을 수 없습니다.' });
    else {
      const verdict = printable(s);
      if (verdict.ok) shipments.push(s);
      else skipped.push({ key, reason: verdict.reason });
    }
  }
  return {
    shipments,
    sender: settings.sender,
    companyName: settings.companyName,
    label: settings.label,
    parcels: orderParcels(shipments, orderShipments),
    skipped,
  };
}

/** n/N among the order's live, issued numbers (a void or failed number is not a parcel). */
function orderParcels(printing: Shipment[], orderShipments: Shipment[]): Record<string, Parcel> {
  const live = [...orderShipments, ...printing].filter((s) => printable(s).ok);
  const byOrder = new Map<string, Map<string, Shipment>>();
  for (const s of live) {
    const group = byOrder.get(orderKey(s)) ?? new Map<string, Shipment>();
    group.set(s.key, s);
    byOrder.set(orderKey(s), group);
  }
  const out: Record<string, Parcel> = {};
  for (const s of printing) {
    const group = [...(byOrder.get(orderKey(s))?.values() ?? [])].sort((a, b) => a.key.localeCompare(b.key));
    const index = group.findIndex((g) => g.key === s.key) + 1;
    if (group.length > 1 && index > 0) out[s.key] = { index, total: group.length };
  }
  return out;
}

/** Convenience for the background: read the journal and shape. */
export async function loadLabelData(
  db: JournalDb,
  keys: string[],
  settings: Pick<Settings, 'sender' | 'companyName' | 'label'>,
): Promise<LabelData> {
  const requested = (await shipmentsByKeys(db, unique(keys))).filter((s): s is Shipment => !!s);
  const orderNos = unique(requested.map((s) => s.orderNo));
  const orderShipments = await shipmentsOfOrders(db, orderNos);
  return shapeLabelData(keys, requested, orderShipments, settings);
}

/** Keys from the page URL: `labels.html?keys=k1,k2&reprint=1` (order numbers hold no commas). */
export function parseLabelQuery(search: string): { keys: string[]; reprint: boolean; calibrate: boolean; print: boolean } {
  const q = new URLSearchParams(search);
  const keys = unique(
    (q.get('keys') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  );
  return { keys, reprint: q.get('reprint') === '1', calibrate: q.get('calibrate') === '1', print: q.get('print') === '1' };
}

function orderKey(s: Shipment): string {
  return `${s.adminOrigin}\u0000${s.orderNo}`;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
