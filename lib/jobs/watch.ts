// A job's changes as they happen, for a page that shows its progress: the runner says when a job
// changed, and a reader waiting for that job is answered then, instead of finding out at its next poll.
// In memory only: a worker that restarts loses its waiters, whose pages simply ask again.

/** what woke a waiter: a target's outcome ('step'), the job's end ('end'), or nothing in time ('timeout') */
type JobChange = 'step' | 'end' | 'timeout';

export interface JobWatch {
  /** the runner recorded an outcome (`ended` false) or the job's status (`ended`: it finished) */
  changed(jobId: string, ended?: boolean): void;
  /** `changed` resolves at the job's next change, or after `maxWaitMs`, or at `stop()` */
  next(jobId: string, maxWaitMs: number): { changed: Promise<JobChange>; stop(): void };
}

export function createJobWatch(): JobWatch {
  const waiting = new Map<string, Set<(why: JobChange) => void>>();
  return {
    changed(jobId, ended = false) {
      const wakers = waiting.get(jobId);
      if (!wakers) return;
      waiting.delete(jobId);
      for (const wake of wakers) wake(ended ? 'end' : 'step');
    },
    next(jobId, maxWaitMs) {
      let wake: (why: JobChange) => void = () => undefined;
      const changed = new Promise<JobChange>((resolve) => {
        const wakers = waiting.get(jobId) ?? new Set();
        waiting.set(jobId, wakers);
        wake = (why) => {
          clearTimeout(timer);
          wakers.delete(wake);
          if (!wakers.size && waiting.get(jobId) === wakers) waiting.delete(jobId);
          resolve(why);
        };
        const timer = setTimeout(() => wake('timeout'), maxWaitMs);
        wakers.add(wake);
      });
      return { changed, stop: () => wake('timeout') };
    },
  };
}
