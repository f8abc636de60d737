// A job's changes as they happen, for a page that shows its progress: the runner says when a job
// changed, and a reader waiting for that job is answered then, instead of finding out at its next poll.
// In memory only: a worker that restarts loses its waiters, whose pages simply ask again.

export interface JobWatch {
  /** the runner recorded an outcome or a status of this job */
  changed(jobId: string): void;
  /** `changed` resolves at the job's next change, or after `maxWaitMs`, or at `stop()` */
  next(jobId: string, maxWaitMs: number): { changed: Promise<void>; stop(): void };
}

export function createJobWatch(): JobWatch {
  const waiting = new Map<string, Set<() => void>>();
  return {
    changed(jobId) {
      const wakers = waiting.get(jobId);
      if (!wakers) return;
      waiting.delete(jobId);
      for (const wake of wakers) wake();
    },
    next(jobId, maxWaitMs) {
      let wake = () => undefined as void;
      const changed = new Promise<void>((resolve) => {
        const wakers = waiting.get(jobId) ?? new Set();
        waiting.set(jobId, wakers);
        wake = () => {
          clearTimeout(timer);
          wakers.delete(wake);
          if (!wakers.size && waiting.get(jobId) === wakers) waiting.delete(jobId);
          resolve();
        };
        const timer = setTimeout(wake, maxWaitMs);
        wakers.add(wake);
      });
      return { changed, stop: () => wake() };
    },
  };
}
