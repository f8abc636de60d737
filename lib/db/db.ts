// The local journal. Versions are a ledger: never edit a shipped version, add the next one
// (with its upgrade step in ./migrations and a test of that step).
import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry, Job, PendingWrite, Shipment, StoredTrackingEvent, SyncRun, VoidNumber } from './types';

export interface KeyValue {
  key: string;
  value: unknown;
}

export type JournalDb = Dexie & {
  shipments: EntityTable<Shipment, 'key'>;
  voidNumbers: EntityTable<VoidNumber, 'regiNo'>;
  trackingEvents: EntityTable<StoredTrackingEvent, 'id'>;
  jobs: EntityTable<Job, 'id'>;
  syncRuns: EntityTable<SyncRun, 'id'>;
  audit: EntityTable<AuditEntry, 'id'>;
  pendingWrites: EntityTable<PendingWrite, 'id'>;
  /** background-only values, secrets among them (never sent to a content script) */
  kv: EntityTable<KeyValue, 'key'>;
};

export const DB_NAME = 'epost-journal';

export function openJournal(name = DB_NAME): JournalDb {
  const db = new Dexie(name) as JournalDb;
  db.version(1).stores({
    shipments: '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt',
    voidNumbers: '&regiNo, key',
    trackingEvents: '++id, regiNo, [regiNo+at]',
    jobs: '&id, status, kind, createdAt',
    syncRuns: '++id, startedAt',
    audit: '++id, at, key, orderNo, regiNo',
    pendingWrites: '++id, adminOrigin, shipmentKey',
    kv: '&key',
  });
  return db;
}
