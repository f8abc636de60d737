import type { Transaction } from 'dexie';

/** One version of the journal: the full store spec at that version and, when data must move, its upgrade. */
export interface MigrationStep {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
