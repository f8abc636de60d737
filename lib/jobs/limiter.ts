// A concurrency limiter: at most `limit` tasks run at once (Korea Post asks for modest load; default 4).

export const DEFAULT_CONCURRENCY = 4;

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** `limit` may be a function: the limit is read on every acquire, so a settings change applies at once. */
export function createLimiter(limit: number | (() => number) = DEFAULT_CONCURRENCY): Limiter {
  const max = () => Math.max(1, Math.floor(typeof limit === 'function' ? limit() : limit));
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  // `while` above: a woken waiter re-checks, so a lowered limit is respected
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= max()) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
