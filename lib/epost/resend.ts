// A request the browser sent twice by itself. Chromium sends a request again, POST included, when the
// keep-alive connection it reused failed before any answer, and gives the page the second copy's
// answer: the fetch sees one clean exchange while Korea Post may hold both InsertOrders. No fetch
// option prevents it (`Connection: close` is a forbidden header; a streamed body, which cannot be
// re-sent, needs HTTP/2). Resource Timing still shows it: the entry's connection is a new one, opened
// only after the first copy's whole exchange had failed — measured in Chromium 156, where an extension
// service worker with host permission gets these timings for Korea Post's origin too (without it a
// cross-origin entry is zeroed and nothing is seen). A fresh connection for a request that did not
// wait is opened within milliseconds of its start.
//
// Limits: a copy that failed within RESEND_GAP_MS of its start was not processed long enough to have
// been committed by a server answering in more than that (Korea Post's InsertOrder does); an entry not
// found (Resource Timing off, the entry cleared by a full buffer at that instant) says nothing. A
// request that waited for a connection slot (more than six at once to one host) looks re-sent and
// costs one look.

/** The part of `performance` read here (the service worker's, or a test's). */
export type ResourceTimings = Pick<Performance, 'now'> & {
  getEntriesByName(name: string, type: 'resource'): PerformanceEntryList;
  getEntriesByType?(type: 'resource'): PerformanceEntryList;
  clearResourceTimings?(): void;
};

type ConnectionTimes = Pick<PerformanceResourceTiming, 'fetchStart' | 'domainLookupStart' | 'connectStart' | 'connectEnd'>;

/** A new connection opened this long after the request began: its first copy went out on another one. */
const RESEND_GAP_MS = 50;

/** Whether this entry's request went out again, on a new connection, after an earlier copy failed. */
export function resentByBrowser(e: ConnectionTimes): boolean {
  const opened = e.connectEnd > e.connectStart || e.domainLookupStart > e.fetchStart;
  return opened && e.domainLookupStart - e.fetchStart > RESEND_GAP_MS;
}

/** how far after the fetch call its entry's start may be (timestamps are coarsened) */
const START_TOLERANCE_MS = 20;
/**
 * Entries kept before the buffer is emptied. Browsers stop recording at 250 (a long job's tracking
 * and looks would fill it and hide every later InsertOrder), so it is emptied before it fills, at an
 * answer's arrival: an entry recorded but not yet read at that instant is lost (nothing seen). Not from
 * the buffer-full event: Node's handling of it loops forever when the handler empties the buffer.
 */
const KEEP_ENTRIES = 200;

/**
 * Stamps each fetch with its start on `timings`' clock (`wrap`) and reads its entry afterwards
 * (`resent`); the entry buffer is emptied before it fills, so a long-lived worker keeps recording.
 */
export function createResendWatch(timings: ResourceTimings | undefined = globalThis.performance) {
  const readable = typeof timings?.getEntriesByName === 'function' && typeof timings.now === 'function';
  const startOf = new WeakMap<Response, number>();
  const trim = () => {
    if ((timings?.getEntriesByType?.('resource').length ?? 0) >= KEEP_ENTRIES) timings?.clearResourceTimings?.();
  };
  return {
    wrap(base: typeof fetch): typeof fetch {
      if (!readable) return base;
      return async (input, init) => {
        const at = timings.now();
        const res = await base(input, init);
        trim();
        startOf.set(res, at);
        return res;
      };
    },
    /**
     * After the body is read: did the browser send `res`'s request again by itself? Chromium records
     * the entry as the load finishes, before the body's last bytes reach the page (it was there
     * right after the body in the runs measured); an entry not there yet says nothing.
     */
    resent(res: Response, url: string): boolean {
      const at = startOf.get(res);
      if (!readable || at === undefined) return false;
      const own = timings
        .getEntriesByName(url, 'resource')
        .filter((e) => e.startTime >= at - 1 && e.startTime <= at + START_TOLERANCE_MS)
        .sort((a, b) => a.startTime - b.startTime)[0];
      return own !== undefined && resentByBrowser(own as PerformanceResourceTiming);
    },
  };
}
