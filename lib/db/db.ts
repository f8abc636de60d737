// The local journal. Versions are a ledger (./migrations): never edit a shipped version, add the next
// one with its upgrade step and a test of that step.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AuditEntry,
  JobRecord,
  OrderRow,
  PendingWrite,
  Shipment,
  StateCount,
  StoredJobTarget,
  StoredTrackingEvent,
  SyncRun,
  VoidNumber,
} from './types';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

interface KeyValue {
  key: string;
  value: unknown;
}

export type JournalDb = Dexie & {
  shipments: EntityTable<Shipment, 'key'>;
  voidNumbers: EntityTable<VoidNumber, 'regiNo'>;
  trackingEvents: EntityTable<StoredTrackingEvent, 'id'>;
  jobs: EntityTable<JobRecord, 'id'>;
  jobTargets: Table<StoredJobTarget, [string, number]>;
  /** the overlay's view of every shipment, archived ones included (repo/shipments.ts) */
  orderRows: EntityTable<OrderRow, 'rowKey'>;
  /** kept per-state counts of `shipments` (repo/shipments.ts) */
  stateCounts: EntityTable<StateCount, 'state'>;
  /** delivered shipments past the retention setting: kept, out of the working table (repo/archive.ts) */
  archive: EntityTable<Shipment, 'key'>;
  syncRuns: EntityTable<SyncRun, 'id'>;
  audit: EntityTable<AuditEntry, 'id'>;
  pendingWrites: EntityTable<PendingWrite, 'id'>;
  /** background-only values, secrets among them (never sent to a content script) */
  kv: EntityTable<KeyValue, 'key'>;
};

const DB_NAME = 'epost-journal';

/**
 * The journal could not be opened, said for the operator; undefined for any other error. IndexedDB
 * rolls a failed upgrade back whole, so the old data stays as the old build left it (never deleted).
 */
export function journalOpenFailure(err: unknown): Error | undefined {
  const name = (err as { name?: unknown } | undefined)?.name;
  if (name === 'OpenFailedError' || name === 'UpgradeError' || name === 'DatabaseClosedError')
    return new Error(
      `이 PC의 발급 내역을 새 버전 형식으로 옮기지 못했습니다(${(err as Error).message}). 기존 내역은 지우지 않고 그대로 두었습니다. ` +
        'chrome://extensions 에서 확장 프로그램을 새로고침해도 같으면 이 문구를 관리자에게 알려 주세요. 확장 프로그램을 삭제하지 마세요.',
    );
  return undefined;
}

export function openJournal(name = DB_NAME): JournalDb {
  return openJournalAt(name, LATEST_VERSION);
}

/** Opens the journal declaring versions up to `upTo` only — used by the migration tests to write old data. */
export function openJournalAt(name: string, upTo: number): JournalDb {
  const db = new Dexie(name) as JournalDb;
  // Nothing reads the journal through liveQuery: Dexie's change tracking (a range set per write and a
  // BroadcastChannel message per write transaction) and its query cache are overhead for every target
  // of a job, so they are left out
  db.unuse({ stack: 'dbcore', name: 'Observability' });
  db.unuse({ stack: 'dbcore', name: 'Cache' });
  for (const step of MIGRATIONS) {
    if (step.version > upTo) break;
    const v = db.version(step.version).stores(step.stores);
    if (step.upgrade) v.upgrade(step.upgrade);
  }
  return db;
}
