// `npm run bench` (second half): what the overlay costs a real admin page in Chromium. The same
// 500-row list is loaded with and without the built sandbox extension, and the renderer's main-thread
// script time (CDP Performance metrics) is compared. Budget: < 50 ms extra per list. Prints numbers;
// a measurement, not a test.
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from '../e2e/harness';

const CHECKBOX = 'input[type=checkbox][name^="statusCheck["]';
const SAMPLES = 5;
const CASES = [
  ['500 rows on one page', '/order/order_list_all.php?pageNum=500'],
  ['20 rows shown, 500 in the search', '/order/order_list_all.php'],
] as const;

/** Renderer main-thread script time (ms) spent loading `path` until `ready` holds. */
async function scriptMs(session: ExtensionSession, path: string, ready: (page: Page) => Promise<unknown>): Promise<number> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${session.godomall!.url}${path}`, { waitUntil: 'load' });
  await ready(page);
  await page.waitForTimeout(300);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

const rowsLoaded = (page: Page) => page.waitForSelector(CHECKBOX, { state: 'attached' });
const overlayDone = async (page: Page) => {
  await page.waitForSelector('[data-epg-toolbar="bottom"]', { timeout: 15_000 });
  await page.waitForFunction(
    (sel) => document.querySelectorAll('[data-epg-badge]').length === document.querySelectorAll(sel).length,
    CHECKBOX,
  );
  await page.waitForFunction(() => !document.querySelector('[data-epg-action="issueAll"]')?.textContent?.includes('…'));
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const withExt = await launchExtension({ epost: false, godomall: { rows: 500 } });
const bare = await launchExtension({ extension: false, epost: false, useGodomall: withExt.godomall! });
try {
  for (const [name, path] of CASES) {
    const extra: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const without = await scriptMs(bare, path, rowsLoaded);
      extra.push((await scriptMs(withExt, path, overlayDone)) - without);
    }
    console.log(
      `overlay script time, ${name}: median +${median(extra).toFixed(1)} ms (samples ${extra.map((x) => x.toFixed(1)).join(', ')}; budget 50 ms)`,
    );
  }
} finally {
  await bare.close();
  await withExt.close();
}
