// Retry with exponential backoff and jitter — for SAFE (read-only / idempotent) calls only. InsertOrder is
// never passed through here: a lost InsertOrder answer is reconciled with GetResInfo instead.
// One helper for the whole extension: the Korea Post transport and the admin reads both use it.
import { isRetryable } from './epost/errors';

export interface RetryOptions {
  /** attempts after the first one */
  retries: number;
  baseMs: number;
  maxMs: number;
  /** which errors are worth another try (default: 5xx / transport errors and ERR-131) */
  retryable?: (err: unknown) => boolean;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 4, baseMs: 500, maxMs: 8_000 };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffMs(attempt: number, opts: Pick<RetryOptions, 'baseMs' | 'maxMs'>): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt);
  // full jitter keeps four workers that failed together from retrying together
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const retryable = opts.retryable ?? isRetryable;
  const wait = opts.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= opts.retries || !retryable(err)) throw err;
      await wait(backoffMs(attempt, opts));
    }
  }
}
