// `npm run bench` (Chromium part): the service worker's cold start. The built sandbox extension's popup
// is opened with the worker running (warm) and right after Chromium stopped it (cold): the popup's
// counts need the worker, so cold − warm is what a wake-up costs the operator. Also prints the size of
// each part of the build. Prints numbers; a measurement, not a test.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, type ExtensionSession } from '../e2e/harness';

const SAMPLES = 7;
const BUILD = join(process.cwd(), '.output', 'chrome-mv3-sandbox');

async function popupMs(x: ExtensionSession, cold: boolean): Promise<number> {
  if (cold) {
    const probe = await x.context.newPage();
    const cdp = await x.context.newCDPSession(probe);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await probe.close();
    await new Promise((r) => setTimeout(r, 300));
  }
  const page = await x.context.newPage();
  const started = performance.now();
  await page.goto(`chrome-extension://${x.extensionId}/popup.html`);
  await page.waitForSelector('[data-count="delivered"] .count__n');
  const took = performance.now() - started;
  await page.close();
  return took;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (file: string) => Math.round(statSync(join(BUILD, file)).size / 1024);

const x = await launchExtension({ epost: false, godomall: false });
try {
  await popupMs(x, false); // first open: install-time work done
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    warm.push(await popupMs(x, false));
    cold.push(await popupMs(x, true));
  }
  console.log('\nThe service worker woken by the popup (median of', SAMPLES, 'each)');
  console.table([
    {
      'popup, worker running (ms)': +median(warm).toFixed(0),
      'popup, worker stopped (ms)': +median(cold).toFixed(0),
      'wake-up cost (ms)': +(median(cold) - median(warm)).toFixed(0),
    },
  ]);
  const parts = ['background.js', ...readdirSync(join(BUILD, 'chunks')).map((f) => join('chunks', f))];
  console.table(parts.map((file) => ({ file, KB: kb(file) })));
} finally {
  await x.close();
}
