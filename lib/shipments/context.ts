// What every workflow gets: its collaborators (taken as arguments, never imported singletons).
import type { JournalDb } from '../db/db';
import type { EpostApi, TrackingApi, StoppedZip } from '../epost/types';
import type { GodomallAdmin } from '../godomall/types';
import type { Settings } from '../settings';
import type { RetryOptions } from '../retry';

export interface ShipmentsDeps {
  db: JournalDb;
  epost: EpostApi;
  tracking: TrackingApi;
  adminFor(origin: string): GodomallAdmin;
  settings(): Promise<Settings>;
  now?(): number;
  /** backoff for the SAFE calls (GetResInfo, GetStoppedZipCd, tracking, godomall reads) */
  retry?: Partial<RetryOptions>;
  /** how many times an unconfirmed InsertOrder is reconciled and re-sent before the target gives up */
  insertAttempts?: number;
  /**
   * After an InsertOrder with no answer (timeout, reset, 5xx), wait at least this long before asking
   * GetResInfo: a slow request may still be committing at Korea Post. Keep it ≥ the client's timeout.
   */
  settleMs?: number;
  /** how long after a send whose outcome is unknown a late commit can still land (settle.ts; default LATE_COMMIT_MS) */
  lateCommitMs?: number;
  /** a send's outcome is unknown: the settle sweep is due at `at` (the background sets an alarm) */
  onSettleDue?(at: number): void;
}

export interface Ctx {
  db: JournalDb;
  epost: EpostApi;
  tracking: TrackingApi;
  adminFor(origin: string): GodomallAdmin;
  settings(): Promise<Settings>;
  now(): number;
  retry: RetryOptions;
  insertAttempts: number;
  settleMs: number;
  lateCommitMs: number;
  onSettleDue(at: number): void;
  /** baseKeys whose issue is in flight in THIS runner: a pending row we hold is never "reconciled" by a twin */
  inFlight: Set<string>;
  /** PendingWrite ids being performed right now */
  flushing: Set<number>;
  /** GetStoppedZipCd answer (undefined when it failed), when it was asked, and whether it failed */
  stoppedZips?: { at: number; list: Promise<StoppedZip[] | undefined>; failed?: boolean };
}

/** Korean text of any error, for the operator. */
export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'koreanMessage' in err) {
    const e = err as { code?: string; koreanMessage: string };
    return e.code ? `${e.koreanMessage} (${e.code})` : e.koreanMessage;
  }
  return err instanceof Error ? err.message : String(err);
}
