// The ledger of journal versions, oldest first. Add a file per step; never edit a shipped step. A step
// with no upgrade may leave the ledger when a later one undoes its schema (Dexie diffs each step from the
// schema the database has): v4 left with v5.
import type { MigrationStep } from './step';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v5 } from './v5';

export type { MigrationStep } from './step';
export const MIGRATIONS: readonly MigrationStep[] = [v1, v2, v3, v5];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
