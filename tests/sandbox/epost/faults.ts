// Fault injection: latency, HTTP 5xx, ERR-131 load blocks, malformed XML, non-answers that parse
// (an HTML maintenance page served as 200, an <error> without a code) and, for InsertOrder,
// drop-after-commit (the parcel is registered, then the socket is destroyed unanswered), late commit
// (the socket is destroyed at once and the parcel is registered `lateCommitMs` later, beyond any
// client timeout) and a malformed regiNo in the answer.
// Each fault is either a rate (0..1, drawn from a seeded PRNG so runs repeat) or `{ next: n }`
// (the next n matching calls). Settings apply globally ('all') or per message; a per-message
// field overrides the global one.
import { seededRandom } from '../prng';

export type FaultKind =
  'http5xx' | 'loadBlock' | 'malformedXml' | 'htmlPage' | 'errorWithoutCode' | 'dropAfterCommit' | 'lateCommit' | 'badRegiNo';
export const FAULT_KINDS: readonly FaultKind[] = [
  'http5xx',
  'loadBlock',
  'malformedXml',
  'htmlPage',
  'errorWithoutCode',
  'dropAfterCommit',
  'lateCommit',
  'badRegiNo',
];

/** A rate in 0..1, or the next n calls. */
type FaultTrigger = number | { next: number };

export interface FaultSettings {
  latencyMs?: number;
  http5xx?: FaultTrigger;
  loadBlock?: FaultTrigger;
  malformedXml?: FaultTrigger;
  htmlPage?: FaultTrigger;
  errorWithoutCode?: FaultTrigger;
  dropAfterCommit?: FaultTrigger;
  lateCommit?: FaultTrigger;
  /** how long after the request a late commit lands (default 40 s) */
  lateCommitMs?: number;
  badRegiNo?: FaultTrigger;
}

/** 'all', a message name ('InsertOrder', 'GetResInfo', …) or a tracking surface ('trace', 'longitudinal'). */
export type FaultScope = string;

export class FaultInjector {
  private settings = new Map<FaultScope, FaultSettings>();
  private random: () => number;

  constructor(private seed = 1) {
    this.random = seededRandom(seed);
  }

  /** Merge settings into a scope; `undefined` fields keep their value, 0 clears a rate. */
  set(scope: FaultScope, patch: FaultSettings): void {
    const current = this.settings.get(scope) ?? {};
    const next: FaultSettings = { ...current };
    if (patch.latencyMs !== undefined) next.latencyMs = checkLatency(patch.latencyMs);
    if (patch.lateCommitMs !== undefined) next.lateCommitMs = checkLatency(patch.lateCommitMs);
    for (const kind of FAULT_KINDS) {
      const trigger = patch[kind];
      if (trigger !== undefined) next[kind] = checkTrigger(kind, trigger);
    }
    this.settings.set(scope, next);
  }

  clear(): void {
    this.settings.clear();
  }

  reseed(seed: number): void {
    this.seed = seed;
    this.random = seededRandom(seed);
  }

  snapshot(): { seed: number; scopes: Record<string, FaultSettings> } {
    return { seed: this.seed, scopes: Object.fromEntries(this.settings) };
  }

  lateCommitMs(message: string): number {
    return this.settings.get(message)?.lateCommitMs ?? this.settings.get('all')?.lateCommitMs ?? 40_000;
  }

  latencyMs(message: string): number {
    return this.settings.get(message)?.latencyMs ?? this.settings.get('all')?.latencyMs ?? 0;
  }

  /**
   * Does this fault hit this call? Asked lazily, in the order the server applies faults, so a
   * `{ next: n }` counter is only consumed by a call it actually affects.
   */
  fires(message: string, kind: FaultKind): boolean {
    const specific = this.settings.get(message);
    const owner = specific?.[kind] !== undefined ? specific : this.settings.get('all');
    const trigger = owner?.[kind];
    if (trigger === undefined || !owner) return false;
    if (typeof trigger === 'number') return trigger > 0 && this.random() < trigger;
    if (trigger.next <= 0) return false;
    owner[kind] = { next: trigger.next - 1 };
    return true;
  }
}

function checkLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latencyMs must be ≥ 0');
  return ms;
}

function checkTrigger(kind: FaultKind, t: unknown): FaultTrigger {
  if (typeof t === 'number' && t >= 0 && t <= 1) return t;
  if (typeof t === 'object' && t !== null && Number.isInteger((t as { next: unknown }).next)) {
    return { next: Math.max(0, (t as { next: number }).next) };
  }
  throw new RangeError(`${kind}: expected a rate in 0..1 or { next: n }`);
}
