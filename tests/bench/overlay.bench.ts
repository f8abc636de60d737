// @vitest-environment happy-dom
// The overlay on a 500-row admin list (the simulator's own HTML): mounting (toolbars + one badge per
// row) and repainting when the journal's states arrive. Budget: < 50 ms of script time per list in
// Chromium (tests/e2e/overlay.e2e.ts measures that with CDP metrics: ~10–35 ms). happy-dom is far
// slower than Chromium, and it drops its selector caches on every DOM change, so the row reader's
// share grows from ~10 ms (first bench) to ~100 ms inside a mount: watch these numbers for
// regressions (a per-row layout read, a second pass), not as the budget itself.
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { h, render } from 'preact';
import { readListRows } from '../../lib/godomall/rows';
import type { RowShipment } from '../../lib/messages';
import { createOverlayModel } from '../../lib/overlay/model';
import { mountOverlay } from '../../lib/overlay/mount';
import { Toolbar } from '../../components/overlay/Toolbar';
import { createFakeBackend } from '../unit/overlay/fake-backend';
import { translator } from '../unit/overlay/i18n-helper';
import { adminPages, loadIntoDocument, type AdminPages } from '../unit/overlay/sandbox-html';

const t = translator('ko');
const PATH = '/order/order_list_all.php?pageNum=500';
let pages: AdminPages;
let html = '';
let shipments: RowShipment[] = [];

beforeAll(async () => {
  pages = await adminPages({ rows: 500 });
  html = await pages.html(PATH);
  loadIntoDocument(html);
  // every other order issued, every fourth reserved: a realistic mix of badge kinds
  shipments = readListRows(document).flatMap((r, i) =>
    i % 2
      ? []
      : [
          {
            key: r.orderNo,
            baseKey: r.orderNo,
            orderNo: r.orderNo,
            itemSnos: [],
            state: i % 4 ? 'issued' : 'reserved',
            regiNo: String(6_000_000_000_000 + i),
            test: false,
            printed: false,
          } satisfies RowShipment,
        ],
  );
});
afterAll(() => pages.close());

function mount(backendShipments: RowShipment[]) {
  const backend = createFakeBackend();
  backend.shipments = backendShipments;
  const model = createOverlayModel({
    backend,
    adminOrigin: pages.sandbox.url,
    mode: 'order',
    t,
    operatorId: () => 'bench',
    confirm: () => true,
  });
  const mounted = mountOverlay({
    doc: document,
    model,
    t,
    pageUrl: `${pages.sandbox.url}${PATH}`,
    renderToolbar(host, placement) {
      render(h(Toolbar, { model, t, placement, itemViewHref: '' }), host);
      return () => render(null, host);
    },
  });
  if (!mounted) throw new Error('overlay did not mount');
  return { model, mounted };
}

describe('overlay on 500 rows (happy-dom)', () => {
  // the share of lib/godomall's row reader in the numbers below
  bench('read 500 rows (lib/godomall readListRows)', () => void readListRows(document), { iterations: 5, warmupIterations: 1 });

  bench(
    'mount: two toolbars + a badge on each of 500 rows, then unmount',
    () => {
      const { mounted } = mount([]);
      mounted.unmount();
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    'mount, then the journal states arrive and 500 badges repaint',
    async () => {
      const { model, mounted } = mount(shipments);
      await model.loadRows(readListRows(document));
      mounted.unmount();
    },
    { iterations: 5, warmupIterations: 1 },
  );

  bench(
    'filter: hide/show 500 rows (발급상태 미발급 → 전체)',
    () => {
      const { model, mounted } = mount(shipments);
      model.setIssueFilter('unissued');
      model.setIssueFilter('all');
      mounted.unmount();
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
