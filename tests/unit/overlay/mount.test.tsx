// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { readListRows } from '../../../lib/godomall/rows';
import { createOverlayModel } from '../../../lib/overlay/model';
import { mountOverlay, whenPageFree } from '../../../lib/overlay/mount';
import { Toolbar } from '../../../components/overlay/Toolbar';
import { createFakeBackend, type FakeBackend } from './fake-backend';
import { translator } from './i18n-helper';
import { adminPages, loadIntoDocument, type AdminPages } from './sandbox-html';

const t = translator('ko');
let pages: AdminPages;
let unmounts: Array<() => void> = [];

beforeAll(async () => {
  pages = await adminPages();
});
afterAll(() => pages.close());
afterEach(() => {
  for (const u of unmounts) u();
  unmounts = [];
});

const tick = (ms = 60) => new Promise((r) => setTimeout(r, ms));

/** `operatorClicks`: treat the test's synthetic clicks as the operator's (they are not `isTrusted`). */
async function mountOn(path: string, backend: FakeBackend = createFakeBackend(), operatorClicks = false) {
  loadIntoDocument(await pages.html(path));
  const url = `${pages.sandbox.url}${path}`;
  const model = createOverlayModel({
    backend,
    adminOrigin: pages.sandbox.url,
    mode: 'order',
    t,
    operatorId: () => 'shopadmin',
    confirm: () => true,
    pollMs: 1,
  });
  const mounted = mountOverlay({
    doc: document,
    model,
    t,
    pageUrl: url,
    renderToolbar(host, placement) {
      render(
        <Toolbar
          model={model}
          t={t}
          placement={placement}
          itemViewHref={url}
          {...(operatorClicks ? { isOperatorClick: () => true } : {})}
        />,
        host,
      );
      return () => render(null, host);
    },
  });
  if (mounted) unmounts.push(mounted.unmount);
  await tick();
  return { model, mounted, backend };
}

const badges = () => Array.from(document.querySelectorAll('[data-epg-badge]'));
const checkboxes = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[type=checkbox][name^="statusCheck["]'));

describe('overlay on a list page', () => {
  it('adds a toolbar to both action bars and exactly one badge per row', async () => {
    const { model } = await mountOn('/order/order_list_pay.php');
    expect(document.querySelectorAll('.table-action > [data-epg-toolbar]')).toHaveLength(2);
    expect(document.querySelector('[data-epg-toolbar="top"]')?.textContent).toContain('검색된 미발급 일괄 발급');
    expect(checkboxes().length).toBeGreaterThan(5);
    expect(badges()).toHaveLength(checkboxes().length);
    expect(
      badges().every(
        (b) =>
          b.getAttribute('data-epg-kind') === 'unissued' ||
          b.getAttribute('data-epg-kind') === 'typed' ||
          b.getAttribute('data-epg-kind') === 'otherCourier',
      ),
    ).toBe(true);
    expect(model.views.value).toHaveLength(checkboxes().length);
  });

  it('shows journal states, links 연락처오류 to the order page, and filters rows', async () => {
    const backend = createFakeBackend();
    loadIntoDocument(await pages.html('/order/order_list_pay.php'));
    const [a, b] = readListRows(document);
    backend.shipments.push(
      {
        key: a!.orderNo,
        baseKey: a!.orderNo,
        orderNo: a!.orderNo,
        itemSnos: [],
        state: 'reserved',
        regiNo: '6012345678901',
        test: true,
        printed: false,
      },
      {
        key: b!.orderNo,
        baseKey: b!.orderNo,
        orderNo: b!.orderNo,
        itemSnos: [],
        state: 'failed',
        regiNo: '',
        test: false,
        printed: false,
        contactError: true,
        message: '휴대폰 형식 오류',
      },
    );
    const { model } = await mountOn('/order/order_list_pay.php', backend);
    const first = badges()[0]!;
    expect(first.getAttribute('data-epg-kind')).toBe('reserved');
    expect(first.textContent).toBe('예약 후6012345678901테스트');
    // grouped 5-4-4 (the stylesheet draws the dashes), in the row's 주문상품 cell
    expect(Array.from(first.querySelectorAll('.epg-badge__no > span')).map((g) => g.textContent)).toEqual(['60123', '4567', '8901']);
    expect(first.getAttribute('data-epg-place')).toBe('goods');
    expect(first.parentElement!.querySelector(':scope > table a[title="상품명"]')).not.toBeNull();
    expect(first.closest('tr')!.querySelector('input[name^="statusCheck["]')?.getAttribute('value')).toBe(a!.key);
    const link = badges()[1]!.querySelector('a')!;
    const c = readListRows(document)[2]!;
    backend.shipments.push({
      key: c.orderNo,
      baseKey: c.orderNo,
      orderNo: c.orderNo,
      itemSnos: [],
      state: 'shipping',
      regiNo: '6012345678902',
      test: false,
      printed: true,
      exception: { kind: 'undelivered', reason: '수취인 부재' },
    });
    await model.refreshShipments();
    const exc = badges()[2]!.querySelector('.epg-badge__exc')!;
    expect(exc.textContent).toBe('미배달');
    expect(exc.getAttribute('title')).toBe('미배달 — 수취인 부재');
    expect(link.textContent).toBe('연락처오류');
    expect(link.getAttribute('href')).toContain(`order_view.php?orderNo=${b!.orderNo}`);

    model.setIssueFilter('contactError');
    const hidden = Array.from(document.querySelectorAll('tr.epg-hidden'));
    const shown = checkboxes().filter((c) => !c.closest('tr')!.classList.contains('epg-hidden'));
    expect(shown.map((c) => c.value)).toEqual([b!.key]);
    expect(hidden.length).toBeGreaterThan(0);
    model.setIssueFilter('all');
    expect(document.querySelectorAll('tr.epg-hidden')).toHaveLength(0);
  });

  it("puts each badge in its own row's 주문상품 cell on every list and grid, else the 주문번호, status or checkbox cell", async () => {
    const control = pages.sandbox.control;
    /** For each checkbox row: where its one badge went, checked to sit in a cell of that row itself. */
    const placesOnPage = async (path: string) => {
      await mountOn(path);
      const out = checkboxes().map((box) => {
        const tr = box.closest('tr')!;
        const mine = Array.from(tr.querySelectorAll('[data-epg-badge]'));
        expect(mine, path).toHaveLength(1);
        expect(mine[0]!.parentElement!.parentElement, path).toBe(tr);
        return mine[0]!.getAttribute('data-epg-place');
      });
      unmounts.pop()!();
      return out;
    };
    for (const path of [
      '/order/order_list_pay.php',
      '/order/order_list_goods.php',
      '/order/order_list_delivery.php?view=orderGoods',
      '/provider/order/order_list_goods.php',
    ]) {
      const places = await placesOnPage(path);
      expect(places.length, path).toBeGreaterThan(0);
      expect(new Set(places), path).toEqual(new Set(['goods']));
    }
    try {
      // the operator's reordered grid
      control.setGrid('delivery', ['receiver', 'status', 'invoice', 'goodsNm', 'check', 'orderDt']);
      expect(new Set(await placesOnPage('/order/order_list_delivery.php'))).toEqual(new Set(['goods']));
      // 주문상품 removed: the 주문번호 cell on each order's first row, the checkbox cell on its other items' rows
      control.setGrid('delivery', ['check', 'orderNo', 'status', 'invoice']);
      const grouped = await placesOnPage('/order/order_list_delivery.php');
      loadIntoDocument(await pages.html('/order/order_list_delivery.php'));
      expect(grouped).toEqual(checkboxes().map((b) => (b.closest('tr')!.querySelector('td.order-no') ? 'orderNo' : 'check')));
      expect(grouped).toContain('orderNo');
      // both removed: the per-item status cell (div[title="주문 상품별 주문 상태"])
      control.setGrid('delivery', ['check', 'status', 'invoice']);
      expect(new Set(await placesOnPage('/order/order_list_delivery.php?view=orderGoods'))).toEqual(new Set(['status']));
    } finally {
      control.setGrid('delivery', null);
    }
  });

  it('selection is the admin checkboxes that the filters show', async () => {
    const { model } = await mountOn('/order/order_list_pay.php');
    const boxes = checkboxes();
    boxes[0]!.click();
    boxes[2]!.click();
    await tick(10);
    expect(model.selectedViews.value.map((v) => v.row.key)).toEqual([boxes[0]!.value, boxes[2]!.value]);
    expect(document.querySelector('[data-epg-selection]')?.textContent).toBe('선택 2건');
    model.setIssueFilter('issued'); // nothing issued: every row hidden, nothing selected
    expect(model.selectedViews.value).toHaveLength(0);
  });

  it('never injects twice and re-attaches when the admin replaces the table', async () => {
    const { model } = await mountOn('/order/order_list_goods.php?view=orderGoods');
    const n = checkboxes().length;
    const second = mountOverlay({
      doc: document,
      model,
      t,
      pageUrl: 'http://x/order/order_list_goods.php',
      renderToolbar: () => () => undefined,
    });
    expect(second).toBeUndefined();
    const table = document.querySelector('table.order-list')!;
    const copy = table.cloneNode(true) as Element;
    for (const el of Array.from(copy.querySelectorAll('[data-epg-badge]'))) el.remove();
    table.replaceWith(copy);
    await tick(120);
    expect(badges()).toHaveLength(n);
    expect(document.querySelectorAll('.table-action > [data-epg-toolbar]')).toHaveLength(2);
    // one row re-rendered by the admin gets its badge back; unrelated churn changes nothing
    const tr = checkboxes()[1]!.closest('tr')!;
    const fresh = tr.cloneNode(true) as Element;
    fresh.querySelectorAll('[data-epg-badge]').forEach((b) => b.remove());
    tr.replaceWith(fresh);
    document.body.appendChild(document.createElement('div'));
    await tick(120);
    expect(badges()).toHaveLength(n);
    expect(fresh.querySelectorAll('[data-epg-badge]')).toHaveLength(1);
    const bar = document.querySelector('.table-action')!;
    bar.replaceWith(bar.cloneNode(false));
    await tick(120);
    expect(document.querySelectorAll('.table-action > [data-epg-toolbar]')).toHaveLength(2);
    expect(badges()).toHaveLength(n);
  });

  it("a script clicking the toolbar starts nothing: jobs start only from the operator's own clicks", async () => {
    const backend = createFakeBackend();
    const { model } = await mountOn('/order/order_list_pay.php', backend);
    checkboxes()[0]!.click();
    await tick(10);
    for (const action of ['issueSelected', 'issueAll', 'reserveSelected', 'reserveAll', 'cancel', 'print']) {
      (document.querySelector(`[data-epg-toolbar="top"] [data-epg-action="${action}"]`) as HTMLButtonElement).click();
    }
    await tick(30);
    expect(model.job.value).toBeUndefined();
    expect(backend.shipments).toHaveLength(0);
  });

  it('issues from the toolbar button and repaints the badges', async () => {
    const { model } = await mountOn('/order/order_list_pay.php', createFakeBackend(), true);
    const box = checkboxes()[0]!;
    box.click();
    await tick(10);
    (document.querySelector('[data-epg-toolbar="top"] [data-epg-action="issueSelected"]') as HTMLButtonElement).click();
    for (let i = 0; i < 50 && model.job.value?.status !== 'done'; i++) await tick(10);
    await tick(20);
    const kinds = badges().map((b) => b.getAttribute('data-epg-kind'));
    expect(kinds[0]).toBe('issued');
    expect(badges()[0]!.querySelector('.epg-badge__no')?.textContent).toMatch(/^\d{13}$/);
    expect(document.querySelector('[data-epg-toolbar="top"] .epg-results')?.textContent).toContain('완료');
  });

  it('shows progress and disables every action while a job runs', async () => {
    const backend = createFakeBackend();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const getJob = backend.getJob.bind(backend);
    let polls = 0;
    // the first poll answers at once (job running, 1 of 3 done); later polls wait for the gate
    backend.getJob = async (d) => (polls++ === 0 ? getJob(d) : gate.then(() => getJob(d)));
    const { model } = await mountOn('/order/order_list_pay.php', backend);
    for (const box of checkboxes().slice(0, 3)) box.click();
    await tick(10);
    const run = model.issueSelected();
    await tick(30);
    const top = document.querySelector('[data-epg-toolbar="top"]')!;
    expect(top.querySelector('[data-epg-job="running"]')?.textContent).toContain('송장번호 발급 진행 중: 1 / 3');
    const actions = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-epg-action]'));
    expect(actions.length).toBe(12);
    expect(actions.every((b) => b.disabled)).toBe(true);
    release();
    await run;
    await tick(20);
    expect(top.querySelector('[data-epg-job="done"]')?.textContent).toContain('성공 3건');
    expect(Array.from(document.querySelectorAll<HTMLButtonElement>('[data-epg-action]')).some((b) => b.disabled)).toBe(false);
    (top.querySelector('[data-epg-dismiss-job]') as HTMLButtonElement).click();
    await tick(10);
    expect(document.querySelectorAll('[data-epg-job]')).toHaveLength(0);
  });

  it("a finished job's panel offers its next step once, in the top bar: 예약 after 발급, then 출력 of those parcels", async () => {
    const backend = createFakeBackend();
    const { model } = await mountOn('/order/order_list_pay.php', backend, true);
    for (const box of checkboxes().slice(0, 2)) box.click();
    await tick(10);
    await model.issueSelected();
    await tick(20);
    const next = () => Array.from(document.querySelectorAll<HTMLButtonElement>('[data-epg-next]'));
    expect(next().map((b) => [b.dataset.epgNext, b.textContent])).toEqual([['reserve', '방금 발급한 2건 예약하기']]);
    next()[0]!.click();
    await tick(40);
    expect(backend.shipments.filter((s) => s.state === 'reserved')).toHaveLength(2);
    expect(next().map((b) => [b.dataset.epgNext, b.textContent])).toEqual([['print', '예약한 2건 운송장 출력']]);
    next()[0]!.click();
    await tick(10);
    expect(backend.opened).toHaveLength(1);
    expect(backend.opened[0]).toHaveLength(2);
  });

  it('a second instance waits until the first one releases the page', async () => {
    const { mounted } = await mountOn('/order/order_list_pay.php');
    let freed: boolean | undefined;
    void whenPageFree(document, 2000).then((v) => (freed = v));
    await tick(20);
    expect(freed).toBeUndefined();
    mounted!.unmount();
    unmounts = [];
    await tick(20);
    expect(freed).toBe(true);
  });

  it('removes everything it added when the content script is invalidated', async () => {
    const { mounted } = await mountOn('/order/order_list_all.php');
    mounted!.unmount();
    unmounts = [];
    expect(badges()).toHaveLength(0);
    expect(document.querySelectorAll('[data-epg-toolbar]')).toHaveLength(0);
    expect(document.getElementById('epg-overlay-style')).toBeNull();
    expect(document.documentElement.hasAttribute('data-epg-overlay')).toBe(false);
  });
});
