// A POST Chromium sent twice by itself, told from its Resource Timing entry (lib/epost/resend.ts).
// The entries are the ones Chromium 156 recorded in an extension service worker with host permission:
// a keep-alive connection warmed by one request, then a POST whose server committed it and dropped
// the connection unanswered, which Chromium re-sent on a new connection (answered).
import { describe, expect, it } from 'vitest';
import { createResendWatch, resentByBrowser, type ResourceTimings } from '../../../lib/epost/resend';

const FIRST_ON_NEW_CONNECTION = { fetchStart: 220.8, domainLookupStart: 232.3, connectStart: 232.3, connectEnd: 233.1 };
const RESENT = { fetchStart: 428.9, domainLookupStart: 755.9, connectStart: 755.9, connectEnd: 764.1 };
/** the production build against the Korea Post simulator on loopback (production.e2e.ts case 6): the drop came fast */
const RESENT_FAST = { fetchStart: 5089.1, domainLookupStart: 5100.8, connectStart: 5101, connectEnd: 5105.5 };
/** a new connection while the others are busy: opened at once */
const NEW_AT_ONCE = { fetchStart: 700.2, domainLookupStart: 700.4, connectStart: 700.4, connectEnd: 701.3 };
/** answered on the reused connection: no lookup, no connect (Chromium puts them at fetchStart) */
const REUSED = { fetchStart: 500, domainLookupStart: 500, connectStart: 500, connectEnd: 500 };
/** a cross-origin entry without timing permission: zeroed */
const ZEROED = { fetchStart: 277.8, domainLookupStart: 0, connectStart: 0, connectEnd: 0 };

const INSERT_ORDER = 'https://ship.epost.go.kr/api.InsertOrder.jparcel';

/** A watch over a fake timeline: `answer(shape, at)` fetches at `at`, recording `shape` moved to start then. */
function timeline() {
  let clock = 0;
  const entries: Array<Record<string, number | string>> = [];
  const timings: ResourceTimings = {
    now: () => clock,
    getEntriesByName: (name) => entries.filter((e) => e.name === name) as unknown as PerformanceEntryList,
  };
  const watch = createResendWatch(timings, { answered: new Set(), reusing: new Set() });
  const answer = (shape: typeof RESENT, at: number) => {
    clock = at;
    return watch.wrap(() => {
      const shift = clock - shape.fetchStart;
      entries.push({
        name: INSERT_ORDER,
        startTime: clock,
        fetchStart: clock,
        domainLookupStart: shape.domainLookupStart + shift,
        connectStart: shape.connectStart + shift,
        connectEnd: shape.connectEnd + shift,
      });
      return Promise.resolve(new Response('<x/>'));
    })(INSERT_ORDER);
  };
  return { watch, answer };
}

describe('a request the browser sent again by itself', () => {
  it('is a new connection opened only after an earlier copy had its whole exchange', () => {
    expect(resentByBrowser(RESENT, true)).toBe(true);
    expect(resentByBrowser(RESENT_FAST, true)).toBe(true);
    // the worker's first request to the host waits as long as a fast re-send: not claimed while cold
    expect(resentByBrowser(FIRST_ON_NEW_CONNECTION, false)).toBe(false);
    expect(resentByBrowser(NEW_AT_ONCE, true)).toBe(false);
    expect(resentByBrowser(REUSED, true)).toBe(false);
    expect(resentByBrowser(ZEROED, true)).toBe(false); // nothing seen, nothing claimed
  });

  it("reads the fetch's own entry among others of the same URL, after its body", async () => {
    const { watch, answer } = timeline();
    const cold = await answer(FIRST_ON_NEW_CONNECTION, 1000);
    const earlier = await answer(REUSED, 1002);
    const resent = await answer(RESENT, 1005);
    const later = await answer(REUSED, 1400);
    expect([cold, earlier, resent, later].map((r) => watch.resent(r, INSERT_ORDER))).toEqual([false, false, true, false]);
    // a response the watch did not stamp says nothing
    expect(watch.resent(new Response(''), INSERT_ORDER)).toBe(false);
  });

  it('claims nothing for a host whose connections are never reused (no-reuse.ts), until one is', async () => {
    const { watch, answer } = timeline();
    const seen = async (shape: typeof RESENT, at: number) => watch.resent(await answer(shape, at), INSERT_ORDER);
    // every request on a new connection, some opened late under load: none of them can be a re-send
    expect([await seen(FIRST_ON_NEW_CONNECTION, 1000), await seen(RESENT_FAST, 2000), await seen(RESENT, 3000)]).toEqual([
      false,
      false,
      false,
    ]);
    // the host kept a connection after all (a server ignoring Connection: close): a late new one is a re-send again
    expect([await seen(REUSED, 4000), await seen(RESENT, 5000)]).toEqual([false, true]);
  });

  it('empties the entry buffer before it fills (browsers stop recording at 250), so later sends are still seen', async () => {
    const entries = Array.from({ length: 200 }, (_, i) => ({ name: `https://x/${i}`, startTime: i }));
    const timings: ResourceTimings = {
      now: () => 1000,
      getEntriesByName: (name) => entries.filter((e) => e.name === name) as unknown as PerformanceEntryList,
      getEntriesByType: () => entries as unknown as PerformanceEntryList,
      clearResourceTimings: () => void entries.splice(0),
    };
    await createResendWatch(timings).wrap(() => Promise.resolve(new Response('')))('https://x/');
    expect(entries).toHaveLength(0);
  });

  it('without Resource Timing (no performance), nothing is claimed and fetch is left as it was', async () => {
    const base: typeof fetch = () => Promise.resolve(new Response(''));
    const watch = createResendWatch({} as ResourceTimings);
    expect(watch.wrap(base)).toBe(base);
    expect(watch.resent(await base('x'), 'x')).toBe(false);
  });
});
