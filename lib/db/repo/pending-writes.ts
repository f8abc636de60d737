// Godomall writes waiting for a live admin session. Queued first, then flushed: a session that expires
// mid-sync leaves the writes here, and nothing is lost.
import type { JournalDb } from '../db';
import type { PendingWrite, Shipment } from '../types';

export async function enqueueWrite(db: JournalDb, w: Omit<PendingWrite, 'id' | 'attempts'>): Promise<number> {
  return (await db.pendingWrites.add({ ...w, attempts: 0 } as PendingWrite)) as number;
}

/** Oldest first, so a shipment's d1 is written before its d2. */
export async function pendingWritesFor(db: JournalDb, origin?: string): Promise<PendingWrite[]> {
  const rows = origin ? await db.pendingWrites.where('adminOrigin').equals(origin).toArray() : await db.pendingWrites.toArray();
  return rows.sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

export function pendingWritesForShipment(db: JournalDb, shipmentKey: string): Promise<PendingWrite[]> {
  return db.pendingWrites.where('shipmentKey').equals(shipmentKey).toArray();
}

export async function removeWrite(db: JournalDb, id: number): Promise<void> {
  await db.pendingWrites.delete(id);
}

export async function dropWritesForShipment(db: JournalDb, shipmentKey: string): Promise<void> {
  await db.pendingWrites.where('shipmentKey').equals(shipmentKey).delete();
}

export async function markWriteFailed(db: JournalDb, id: number, error: string): Promise<void> {
  await db.transaction('rw', db.pendingWrites, async () => {
    const w = await db.pendingWrites.get(id);
    if (w) await db.pendingWrites.put({ ...w, attempts: w.attempts + 1, lastError: error });
  });
}

/** The write as queued now (undefined once another flush did it) and its shipment, in one read. */
export function writeAndShipment(db: JournalDb, w: PendingWrite): Promise<[PendingWrite | undefined, Shipment | undefined]> {
  return db.transaction('r', db.pendingWrites, db.shipments, () =>
    Promise.all([db.pendingWrites.get(w.id!), db.shipments.get(w.shipmentKey)]),
  );
}

/** A shipment's queued writes, oldest first, and the shipment itself, in one read. */
export function queueOfShipment(db: JournalDb, shipmentKey: string): Promise<[PendingWrite[], Shipment | undefined]> {
  return db.transaction('r', db.pendingWrites, db.shipments, async () => {
    const [queue, s] = await Promise.all([pendingWritesForShipment(db, shipmentKey), db.shipments.get(shipmentKey)]);
    return [queue.sort((a, b) => a.id! - b.id!), s];
  });
}

/** How many writes are queued (of one origin, or all). */
export function queuedWriteCount(db: JournalDb, origin?: string): Promise<number> {
  return origin ? db.pendingWrites.where('adminOrigin').equals(origin).count() : db.pendingWrites.count();
}

/** The shipment keys that have a write queued. */
export async function queuedShipmentKeys(db: JournalDb): Promise<Set<string>> {
  return new Set((await db.pendingWrites.toCollection().toArray()).map((w) => w.shipmentKey));
}

/** The queued writes of these shipments. */
export function writesOfShipments(db: JournalDb, keys: string[]): Promise<PendingWrite[]> {
  return keys.length ? db.pendingWrites.where('shipmentKey').anyOf(keys).toArray() : Promise.resolve([]);
}
