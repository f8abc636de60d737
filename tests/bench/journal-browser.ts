// `npm run bench` (Chromium part): the popup's counts and the overlay's row look-ups for a 500-row page
// over EPG_BENCH_BROWSER_SHIPMENTS (100,000 and 1,000,000) shipments in Chromium's own IndexedDB — the
// engine the extension runs on (fake-indexeddb in node is far slower and only shows regressions).
// The journal code is bundled as is into a loopback page. Goals (issue 12): counts ≤ 50 ms, look-ups
// ≤ 20 ms at 1,000,000. Also how long the first start after an update takes to upgrade a journal of
// that size to the latest version. Prints numbers; a measurement, not a test.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchExtension } from '../e2e/harness';
import { LATEST_VERSION } from '../../lib/db/migrations';

const SIZES = (process.env.EPG_BENCH_BROWSER_SHIPMENTS ?? '100000,1000000').split(',').map(Number);

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./journal-page.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'error',
});
const script = bundle.outputFiles[0]!.text;
const server = createServer((req, res) => {
  if (req.url === '/bench.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><script src="/bench.js"></script>');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;

const session = await launchExtension({ extension: false, epost: false, godomall: false });
try {
  const page = await session.context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const results = [];
  for (const n of SIZES) {
    const r = await page.evaluate(
      (n) => (window as unknown as { journalBench(n: number): Promise<Record<string, number>> }).journalBench(n),
      n,
    );
    results.push({
      shipments: r.n!.toLocaleString('en'),
      'fill (s)': +(r.fillMs! / 1000).toFixed(1),
      'popup counts, first (ms)': +r.firstCountsMs!.toFixed(1),
      'popup counts (ms, median)': +r.countsMs!.toFixed(1),
      '500-row look-ups (ms, median)': +r.lookupsMs!.toFixed(1),
      'rows found': r.rowsFound,
      [`upgrade to v${LATEST_VERSION} (s)`]: +(r.upgradeMs! / 1000).toFixed(1),
    });
  }
  console.log('\nThe journal in Chromium (goal at 1,000,000: counts ≤ 50 ms, look-ups ≤ 20 ms)');
  console.table(results);
} finally {
  await session.close();
  server.close();
}
