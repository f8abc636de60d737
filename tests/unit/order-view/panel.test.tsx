// @vitest-environment happy-dom
// The panel on the hand-written order page (tests/fixtures/godomall-templates/detail/order_view.html):
// where it goes, that it goes there once, what it shows, and that a script's click starts nothing.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderPanel } from '../../../components/order-view/OrderPanel';
import { createOrderPanelModel } from '../../../lib/order-view/model';
import { mountOrderPanel } from '../../../lib/order-view/mount';
import type { ListRow } from '../../../lib/godomall/types';
import { createFakeBackend } from '../overlay/fake-backend';
import { translator } from '../overlay/i18n-helper';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/detail');
const ORDER_NO = '2411051230001234';
const t = translator('ko');
const row: ListRow = {
  key: `${ORDER_NO}||1001`,
  orderNo: ORDER_NO,
  sno: '1001',
  statusGroup: 'g',
  status: 'g1',
  courier: '',
  invoiceNo: '',
};
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function loadPage(): void {
  const html = readFileSync(join(DIR, 'order_view.html'), 'utf8');
  // the page's iframe (ifrmProcess) is left out: happy-dom would try to load it
  document.documentElement.innerHTML = html
    .replace(/^[\s\S]*?<body[^>]*>/, '<head></head><body>')
    .replace(/<iframe[\s\S]*?<\/iframe>/g, '');
}

function mount(operatorClicks: boolean) {
  const backend = createFakeBackend();
  const asked: string[] = [];
  const model = createOrderPanelModel({
    backend,
    adminOrigin: 'http://gdadmin.myshop.godomall.com',
    mode: 'order',
    t,
    operatorId: () => 'shopadmin',
    confirm: (text) => (asked.push(text), true),
    pollMs: 1,
    orderNo: ORDER_NO,
    tabRows: async (tab) => (tab === 'order' ? [row] : []),
  });
  const mounted = mountOrderPanel(document, { text: t('overlayTitle'), orderNo: ORDER_NO }, (host) => {
    render(<OrderPanel model={model} t={t} isOperatorClick={() => operatorClicks} />, host);
    return () => render(null, host);
  });
  unmount = mounted?.unmount;
  return { model, backend, asked, mounted };
}

describe('order panel on the order page', () => {
  it('goes right after the goods tabs (#tabOrderStatus), once, and leaves nothing behind', async () => {
    loadPage();
    const { model, mounted } = mount(true);
    expect(mounted).toBeDefined();
    const panel = document.querySelector('#tabOrderStatus')!.nextElementSibling!;
    expect(panel.getAttribute('data-epg-order-panel')).toBe(ORDER_NO);
    expect(panel.querySelector('.table-title')!.textContent).toBe('우체국택배');
    expect(mountOrderPanel(document, { text: 'x', orderNo: ORDER_NO }, () => () => undefined)).toBeUndefined();
    await model.refresh();
    await tick();
    expect(panel.querySelector('[data-epg-no-parcels]')!.textContent).toContain('아직 우체국택배 송장이 없습니다');
    expect(panel.querySelector('[data-epg-page-stale]')).toBeNull();
    unmount!();
    unmount = undefined;
    expect(document.querySelector('[data-epg-order-panel]')).toBeNull();
    expect(document.querySelector('#tabOrderStatus')).not.toBeNull();
  });

  it('a page without goods tabs gets no panel', () => {
    document.documentElement.innerHTML = '<head></head><body><script>alert(1)</script></body>';
    expect(mount(true).mounted).toBeUndefined();
  });

  it("the operator's click issues and the parcel appears with its number and allowed buttons; a script's click starts nothing", async () => {
    loadPage();
    const scripted = mount(false);
    await scripted.model.refresh();
    await tick();
    document.querySelector<HTMLButtonElement>('[data-epg-action="issue"]')!.click();
    await tick();
    expect(scripted.asked).toEqual([]);
    expect(scripted.backend.jobs).toEqual([]);
    unmount!();

    loadPage();
    const { model, backend } = mount(true);
    await model.refresh();
    await tick();
    document.querySelector<HTMLButtonElement>('[data-epg-action="issue"]')!.click();
    await tick(150);
    expect(backend.jobs.map((j) => j.kind)).toEqual(['issue']);
    const tr = document.querySelector(`[data-epg-parcel="${ORDER_NO}"]`)!;
    expect(tr.getAttribute('data-epg-state')).toBe('issued');
    expect(tr.querySelector('[data-epg-number]')!.textContent).toMatch(/^\d{13}$/);
    expect([...tr.querySelectorAll('[data-epg-action]')].map((b) => b.getAttribute('data-epg-action'))).toEqual([
      'reserve',
      'cancel',
      'print',
    ]);
    expect(tr.textContent).toContain('예약 전');
    expect(document.querySelector<HTMLButtonElement>('[data-epg-action="issue"]')!.disabled).toBe(true);
    // the page's own goods table is not ours to refresh: the operator is told
    expect(document.querySelector('[data-epg-page-stale]')!.textContent).toContain('새로 고치면');
  });
});
