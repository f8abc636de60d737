// The ledger of journal versions, oldest first. Add a file per step; never edit a shipped step.
import type { MigrationStep } from './step';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

export type { MigrationStep } from './step';
export const MIGRATIONS: readonly MigrationStep[] = [v1, v2, v3, v4];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
