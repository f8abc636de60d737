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
    const url = 'https://ship.epost.go.kr/api.InsertOrder.jparcel';
    let clock = 1000;
    const entries: Array<Record<string, number | string>> = [];
    const timings: ResourceTimings = {
      now: () => clock,
      getEntriesByName: (name) => entries.filter((e) => e.name === name) as unknown as PerformanceEntryList,
    };
    const watch = createResendWatch(timings, new Set());
    /** each call records the entry given, shifted to start when it was called */
    const answer = (shape: typeof RESENT) =>
      watch.wrap(() => {
        const shift = clock - shape.fetchStart;
        entries.push({
          name: url,
          startTime: clock,
          fetchStart: clock,
          domainLookupStart: shape.domainLookupStart + shift,
          connectStart: shape.connectStart + shift,
          connectEnd: shape.connectEnd + shift,
        });
        return Promise.resolve(new Response('<x/>'));
      });
    const cold = await answer(FIRST_ON_NEW_CONNECTION)(url);
    clock = 1002;
    const earlier = await answer(REUSED)(url);
    clock = 1005;
    const resent = await answer(RESENT)(url);
    clock = 1400;
    const later = await answer(REUSED)(url);
    expect([cold, earlier, resent, later].map((r) => watch.resent(r, url))).toEqual([false, false, true, false]);
    // a response the watch did not stamp says nothing
    expect(watch.resent(new Response(''), url)).toBe(false);
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
