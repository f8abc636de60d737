// A request the browser sent twice by itself. Chromium sends a request again, POST included, when the
// keep-alive connection it reused failed before any answer, and gives the page the second copy's
// answer: the fetch sees one clean exchange while Korea Post may hold both InsertOrders. No fetch
// option prevents it (`Connection: close` is a forbidden header; a streamed body, which cannot be
// re-sent, needs HTTP/2); the production build's declarativeNetRequest rule does, by never letting an
// InsertOrder ride a reused connection (no-reuse.ts). This watch stays for where that rule does not
// reach: a server that keeps the connection despite the header, the sandbox build's loopback endpoints.
// Resource Timing shows a re-send: the entry's connection is a new one, opened only after the first
// copy's whole exchange had failed — measured in Chromium 156, where an extension
// service worker with host permission gets these timings for Korea Post's origin too (without it a
// cross-origin entry is zeroed and nothing is seen).
//
// How long the first copy took is the server's time to commit and drop: hundreds of ms over the
// internet, but 11.7 ms against a simulator on loopback (tests/e2e/production.e2e.ts case 6, Chromium
// 156). The one fresh connection that also waits before its lookup is the worker's first request to
// the host (11.5 ms measured: the network service warming up), so a late new connection counts only
// once an answer from that host has arrived in this worker; after that a new connection (the pool
// full, an idle one closed by the server) opens at once.
//
// Limits: a copy that failed within RESEND_GAP_MS of its start was not processed long enough to have
// been committed; a re-send of the worker's very first request to the host is not told from the cold
// start; an entry not found (Resource Timing off, the entry cleared by a full buffer at that instant)
// says nothing — those twins wait for the next touch (출력 at the latest, and a twin's label never
// prints). A request that waited for a connection slot (more than six at once to one host, the client
// sends four) or a retry after the server closed an idle connection looks re-sent: one look, no more.

/** The part of `performance` read here (the service worker's, or a test's). */
export type ResourceTimings = Pick<Performance, 'now'> & {
  getEntriesByName(name: string, type: 'resource'): PerformanceEntryList;
  getEntriesByType?(type: 'resource'): PerformanceEntryList;
  clearResourceTimings?(): void;
};

type ConnectionTimes = Pick<PerformanceResourceTiming, 'fetchStart' | 'domainLookupStart' | 'connectStart' | 'connectEnd'>;

/** Answered on a connection an earlier request had opened (Chromium puts lookup and connect at fetchStart). */
function onReusedConnection(e: ConnectionTimes): boolean {
  return e.domainLookupStart > 0 && e.domainLookupStart === e.fetchStart && e.connectEnd === e.connectStart;
}

/** A new connection opened this long after the request began: its first copy went out on another one. */
const RESEND_GAP_MS = 3;

/**
 * Whether this entry's request went out again, on a new connection, after an earlier copy failed;
 * `warm`: an answer from the same host had arrived before the request began (see above).
 */
export function resentByBrowser(e: ConnectionTimes, warm: boolean): boolean {
  const opened = e.connectEnd > e.connectStart || e.domainLookupStart > e.fetchStart;
  return warm && opened && e.domainLookupStart - e.fetchStart > RESEND_GAP_MS;
}

const hostOf = (input: RequestInfo | URL): string => {
  try {
    return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).host;
  } catch {
    return '';
  }
};

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
/**
 * Hosts that have answered this worker, whichever client asked: a Korea Post client is made per job,
 * while the worker's network service stays warm for the host across them.
 */
const WORKER_ANSWERED = new Set<string>();
/**
 * Connection pools (a host, and the credentials mode Chromium pools by) one of whose requests was
 * answered on a reused connection. Only there can a re-send happen (Chromium re-sends only what failed
 * on a reused connection): a pool whose connections are closed after each answer (no-reuse.ts) opens a
 * new one for every request, each a little after its fetch began under load, and none is a re-send.
 */
const WORKER_REUSING = new Set<string>();

const poolOf = (host: string, init?: RequestInit): string => `${host} ${init?.credentials ?? 'same-origin'}`;

export function createResendWatch(
  timings: ResourceTimings | undefined = globalThis.performance,
  /** the hosts known warm, and the pools seen reusing a connection (tests give their own) */
  seen: { answered: Set<string>; reusing: Set<string> } = { answered: WORKER_ANSWERED, reusing: WORKER_REUSING },
) {
  const { answered, reusing } = seen;
  const readable = typeof timings?.getEntriesByName === 'function' && typeof timings.now === 'function';
  const startOf = new WeakMap<Response, { at: number; warm: boolean; pool: string }>();
  const trim = () => {
    if ((timings?.getEntriesByType?.('resource').length ?? 0) >= KEEP_ENTRIES) timings?.clearResourceTimings?.();
  };
  return {
    wrap(base: typeof fetch): typeof fetch {
      if (!readable) return base;
      return async (input, init) => {
        const at = timings.now();
        const host = hostOf(input);
        const warm = answered.has(host);
        const res = await base(input, init);
        answered.add(host);
        trim();
        startOf.set(res, { at, warm, pool: poolOf(host, init) });
        return res;
      };
    },
    /**
     * After the body is read: did the browser send `res`'s request again by itself? Chromium records
     * the entry as the load finishes, before the body's last bytes reach the page (it was there
     * right after the body in the runs measured); an entry not there yet says nothing.
     */
    resent(res: Response, url: string): boolean {
      const sent = startOf.get(res);
      if (!readable || sent === undefined) return false;
      const { at, warm, pool } = sent;
      const own = timings
        .getEntriesByName(url, 'resource')
        .filter((e) => e.startTime >= at - 1 && e.startTime <= at + START_TOLERANCE_MS)
        .sort((a, b) => a.startTime - b.startTime)[0] as PerformanceResourceTiming | undefined;
      if (!own) return false;
      if (onReusedConnection(own)) reusing.add(pool);
      return reusing.has(pool) && resentByBrowser(own, warm);
    },
  };
}
