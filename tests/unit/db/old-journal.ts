// Loads a journal an old build wrote (tests/fixtures/journals/*.json, produced by running that build's
// code) into fake-indexeddb with the raw IndexedDB API: the stores and indexes exactly as the dump
// says, at its version, without today's ledger.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Array<{ name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
  rows: unknown[];
}

export interface JournalFixture {
  commit: string;
  scenario: {
    adminOrigin?: string;
    reservedOrder?: string;
    queuedOrders?: string[];
    contactErrorOrder?: string;
    regiNos?: Record<string, string>;
  };
  storageLocal: { settings: Record<string, unknown> };
  journal: { name: string; version: number; stores: StoreDump[] };
}

export const JOURNAL_FIXTURES = ['v1-09d5bc1', 'v2-9ae1bf1', 'v3-31be36b', 'v4-b03edc9'] as const;

/**
 * The fixture, with the old simulator's admin origin (an ephemeral port of the run that wrote it)
 * replaced by `origin` when given, so today's simulator answers for the same orders.
 */
export function readJournalFixture(file: (typeof JOURNAL_FIXTURES)[number], origin?: string): JournalFixture {
  const text = readFileSync(fileURLToPath(new URL(`../../fixtures/journals/${file}.json`, import.meta.url)), 'utf8');
  const raw = JSON.parse(text) as JournalFixture;
  const from = raw.scenario.adminOrigin;
  return from && origin ? (JSON.parse(text.split(JSON.stringify(from)).join(JSON.stringify(origin))) as JournalFixture) : raw;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Creates database `name` at the fixture's version with its stores, indexes and rows. */
export async function loadRawJournal(name: string, fixture: JournalFixture): Promise<void> {
  const open = indexedDB.open(name, fixture.journal.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const s of fixture.journal.stores) {
      const store = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
    }
  };
  const db = await request(open);
  const names = fixture.journal.stores.map((s) => s.name);
  if (names.length) {
    const tx = db.transaction(names, 'readwrite');
    for (const s of fixture.journal.stores) for (const row of s.rows) tx.objectStore(s.name).put(row);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}
