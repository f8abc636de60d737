// Shipment rows. Every write goes through `withLiveKey` so the v2 unique index on `liveBaseKey` always
// reflects the state: one live shipment per baseKey, enforced inside the database.
import type { JournalDb } from '../db';
import type { Shipment, ShipmentState } from '../types';
import { LIVE_STATES } from '../types';

function isLive(state: ShipmentState): boolean {
  return LIVE_STATES.includes(state);
}

function withLiveKey(row: Shipment): Shipment {
  const next = { ...row };
  if (isLive(next.state)) next.liveBaseKey = next.baseKey;
  else delete next.liveBaseKey;
  return next;
}

export async function putShipment(db: JournalDb, row: Shipment): Promise<Shipment> {
  const next = withLiveKey(row);
  await db.shipments.put(next);
  return next;
}

/** Read-modify-write of one row in its own short transaction; returns the new row, or undefined when the row is gone or `change` declined. */
export async function updateShipment(
  db: JournalDb,
  key: string,
  change: (row: Shipment) => Shipment | undefined,
): Promise<Shipment | undefined> {
  return db.transaction('rw', db.shipments, async () => {
    const row = await db.shipments.get(key);
    if (!row) return undefined;
    const next = change(row);
    if (!next) return undefined;
    return putShipment(db, next);
  });
}

export function liveShipment(db: JournalDb, baseKey: string): Promise<Shipment | undefined> {
  return db.shipments.where('liveBaseKey').equals(baseKey).first();
}

export function shipmentsForOrders(db: JournalDb, origin: string, orderNos: string[]): Promise<Shipment[]> {
  if (orderNos.length === 0) return Promise.resolve([]);
  return db.shipments
    .where('[adminOrigin+orderNo]')
    .anyOf(orderNos.map((o) => [origin, o]))
    .toArray();
}

export function shipmentsByRegiNo(db: JournalDb, regiNo: string): Promise<Shipment[]> {
  return db.shipments.where('regiNo').equals(regiNo).toArray();
}

export function shipmentsInStates(db: JournalDb, states: ShipmentState[]): Promise<Shipment[]> {
  return db.shipments.where('state').anyOf(states).toArray();
}

/** The re-issue number the next shipment of baseKey gets: one past the last voided one. */
export async function nextReissue(db: JournalDb, baseKey: string): Promise<number> {
  const rows = await db.shipments.where('baseKey').equals(baseKey).toArray();
  let next = 0;
  for (const r of rows) if (r.state === 'void' || r.state === 'unlinked') next = Math.max(next, r.reissue + 1);
  return next;
}

export function shipmentKey(baseKey: string, reissue: number): string {
  return reissue > 0 ? `${baseKey}-r${reissue}` : baseKey;
}

export type ClaimResult = { claimed: true; row: Shipment } | { claimed: false; live: Shipment };

/**
 * The exactly-once gate: in ONE rw transaction, check that baseKey has no live shipment and write the
 * pending row (before any InsertOrder is sent). Double clicks, two tabs and overlapping jobs meet here.
 */
export async function claimPending(
  db: JournalDb,
  draft: Omit<Shipment, 'key' | 'reissue' | 'state'>,
  /** the lowest re-issue number Korea Post leaves free (family.ts): another PC may have used ours */
  atLeastReissue = 0,
): Promise<ClaimResult> {
  return db.transaction('rw', db.shipments, async () => {
    const live = (await liveShipment(db, draft.baseKey)) ?? (await overlappingLive(db, draft));
    if (live) return { claimed: false as const, live };
    const reissue = Math.max(await nextReissue(db, draft.baseKey), atLeastReissue);
    const row = await putShipment(db, {
      ...draft,
      key: shipmentKey(draft.baseKey, reissue),
      reissue,
      state: 'pending',
    } as Shipment);
    return { claimed: true as const, row };
  });
}

/**
 * A live shipment of the same order that already covers one of these items — 주문별 after 상품별 (or
 * the reverse) must not add a second number for the same goods, even before godomall shows the first.
 */
export async function overlappingLive(
  db: JournalDb,
  draft: Pick<Shipment, 'adminOrigin' | 'orderNo' | 'itemSnos' | 'baseKey'>,
): Promise<Shipment | undefined> {
  const rows = await db.shipments.where('[adminOrigin+orderNo]').equals([draft.adminOrigin, draft.orderNo]).toArray();
  return rows.find(
    (r) =>
      r.liveBaseKey !== undefined &&
      r.baseKey !== draft.baseKey &&
      r.source !== 'typed' &&
      r.itemSnos.some((sno) => draft.itemSnos.includes(sno)),
  );
}
