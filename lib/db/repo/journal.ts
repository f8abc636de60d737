// The small append/upsert tables of the journal: audit log, void numbers, tracking events, sync runs, kv.
// No network here; each helper is one short transaction that is safe to run twice.
import type { JournalDb } from '../db';
import type { AuditEntry, StoredTrackingEvent, SyncRun, VoidNumber } from '../types';
import type { TrackingEvent } from '../../epost/types';

export async function addAudit(db: JournalDb, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db.audit.add(entry as AuditEntry);
}

/** A cancelled number is void forever; recording it twice keeps the first record. */
export async function addVoidNumber(db: JournalDb, v: VoidNumber): Promise<void> {
  if (!v.regiNo) return;
  await db.transaction('rw', db.voidNumbers, async () => {
    if (!(await db.voidNumbers.get(v.regiNo))) await db.voidNumbers.put(v);
  });
}

export async function isVoidNumber(db: JournalDb, regiNo: string): Promise<boolean> {
  return (await db.voidNumbers.get(regiNo)) !== undefined;
}

/** Stores events not seen before (same time + same status word = same scan). Returns the new ones. */
export async function addTrackingEvents(db: JournalDb, regiNo: string, events: TrackingEvent[]): Promise<number> {
  return db.transaction('rw', db.trackingEvents, async () => {
    const have = await db.trackingEvents.where('regiNo').equals(regiNo).toArray();
    const seen = new Set(have.map((e) => `${e.at}|${e.statusText}|${e.location}`));
    const fresh: StoredTrackingEvent[] = [];
    for (const e of events) {
      const id = `${e.at}|${e.statusText}|${e.location}`;
      if (seen.has(id)) continue;
      seen.add(id);
      fresh.push({ ...e, regiNo });
    }
    if (fresh.length) await db.trackingEvents.bulkAdd(fresh);
    return fresh.length;
  });
}

export function trackingEventsFor(db: JournalDb, regiNo: string): Promise<StoredTrackingEvent[]> {
  return db.trackingEvents.where('[regiNo+at]').between([regiNo, -Infinity], [regiNo, Infinity]).toArray();
}

export async function startSyncRun(db: JournalDb, run: Omit<SyncRun, 'id'>): Promise<number> {
  return (await db.syncRuns.add(run as SyncRun)) as number;
}

export async function updateSyncRun(db: JournalDb, id: number, patch: Partial<SyncRun>): Promise<void> {
  await db.syncRuns.update(id, patch);
}

export function lastSyncRun(db: JournalDb): Promise<SyncRun | undefined> {
  return db.syncRuns.orderBy('startedAt').last();
}

/** The latest run, when a worker stopped before finishing it. */
export async function unfinishedSyncRun(db: JournalDb): Promise<SyncRun | undefined> {
  const last = await lastSyncRun(db);
  return last && last.finishedAt === undefined ? last : undefined;
}

export async function getKv<T>(db: JournalDb, key: string): Promise<T | undefined> {
  return (await db.kv.get(key))?.value as T | undefined;
}

export async function setKv(db: JournalDb, key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}

/** Deletes the keys that start with `prefix` and sort before `prefix` + `before` (dated keys: older days). */
export async function deleteKvBefore(db: JournalDb, prefix: string, before: string): Promise<void> {
  await db.kv
    .where('key')
    .between(prefix, prefix + before)
    .delete();
}

/** Adds `by` to a numeric value (missing = 0) in one transaction. */
export async function addKv(db: JournalDb, key: string, by: number): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const value = ((await db.kv.get(key))?.value as number | undefined) ?? 0;
    await db.kv.put({ key, value: value + by });
  });
}

/** The stored scans of these numbers. */
export function trackingEventsOf(db: JournalDb, regiNos: string[]): Promise<StoredTrackingEvent[]> {
  return regiNos.length ? db.trackingEvents.where('regiNo').anyOf(regiNos).toArray() : Promise.resolve([]);
}

/** One order's audit, newest first, and the entries of these shipment keys (a packet's other orders). */
export function auditOfOrder(db: JournalDb, orderNo: string, keys: string[], limit: number): Promise<[AuditEntry[], AuditEntry[]]> {
  return Promise.all([
    db.audit.where('orderNo').equals(orderNo).reverse().limit(limit).toArray(),
    keys.length ? db.audit.where('key').anyOf(keys).limit(limit).toArray() : Promise.resolve([]),
  ]);
}

/** Read-modify-write of one kv value in its own transaction (`change` gets undefined when unset). */
export async function updateKv<T>(db: JournalDb, key: string, change: (v: T | undefined) => T): Promise<T> {
  return db.transaction('rw', db.kv, async () => {
    const next = change((await db.kv.get(key))?.value as T | undefined);
    await db.kv.put({ key, value: next });
    return next;
  });
}
