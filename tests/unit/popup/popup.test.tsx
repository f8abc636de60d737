// @vitest-environment happy-dom
// The popup rendered with the real messages.json and the real dashboard handler over a journal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installTranslator } from '../../../components/common/i18n';
import { createPopupModel } from '../../../components/popup/model';
import { Popup } from '../../../components/popup/Popup';
import { countUnissuedBadges } from '../../../components/popup/view-count';
import { createTranslator, getMessageFromJson } from '../../../lib/overlay/i18n';
import { saveSettings } from '../../../lib/settings';
import type { Shipment } from '../../../lib/db/types';
import { putShipment } from '../../../lib/db/repo/shipments';
import { OPTIONS_SENDER, startTestBackground, type TestBackground } from '../background/helpers';
import type { DashboardData } from '../../../lib/messages';
import { stampWorkerBuild, workerIsStale } from '../../../lib/build-stamp';
import { bareShipment } from '../bare-shipment';

const ko = JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/ko/messages.json'), 'utf8'));
installTranslator(createTranslator(getMessageFromJson(ko)));

let bg: TestBackground;
beforeEach(async () => {
  bg = await startTestBackground();
});
afterEach(async () => bg.close());

const ADMIN = 'https://gdadmin.myshop.godomall.com';

function row(orderNo: string, patch: Partial<Shipment>): Shipment {
  const now = Date.now();
  return bareShipment(orderNo, { adminOrigin: ADMIN, godomallStatus: 'g1', createdAt: now, updatedAt: now, ...patch });
}

async function mount(inView?: () => Promise<number | undefined>) {
  const m = createPopupModel({
    ...(inView ? { unissuedInView: inView } : {}),
    dashboard: async () => (await bg.send('dashboard', undefined, OPTIONS_SENDER)).res,
    syncNow: async () => (await bg.send('syncNow', undefined, OPTIONS_SENDER)).res,
    openOptions: async () => {},
    openUrl: async () => {},
  });
  await m.refresh();
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Popup m={m} />, root);
  return { m, root };
}

describe('popup', () => {
  it('shows counts, the exception with a link to its order, and no test banner in live mode', async () => {
    for (const r of [
      row('2611280000000001', { state: 'shipping', liveBaseKey: '2611280000000001', regiNo: '6892122316034' }),
      row('2611280000000002', {
        state: 'reserved',
        liveBaseKey: '2611280000000002',
        regiNo: '6892122316035',
        exception: { kind: 'undelivered', reason: '미배달: 수취인 부재' },
      }),
      row('2611280000000003', { state: 'delivered', liveBaseKey: '2611280000000003', regiNo: '6892122316036' }),
      // a return pickup booked for the delivered order: its own count, not a parcel 예약 후
      row('2611280000000003-R1', {
        baseKey: '2611280000000003-R1',
        state: 'reserved',
        liveBaseKey: '2611280000000003-R1',
        regiNo: '6892122316037',
        pickup: { claim: 'b' },
      }),
    ])
      await putShipment(bg.ctx.db, r);
    const { root } = await mount();
    const n = (k: string) => root.querySelector(`[data-count="${k}"] .count__n`)?.textContent;
    expect([n('shipping'), n('reserved'), n('delivered'), n('issued'), n('exceptions'), n('pickups')]).toEqual([
      '1',
      '1',
      '1',
      '0',
      '1',
      '1',
    ]);
    expect(root.querySelector('[data-count="pickups"] .count__label')?.textContent).toBe('반품 회수 중');
    const link = root.querySelector<HTMLAnchorElement>('[data-list="needs-action"] a')!;
    expect(link.textContent).toBe('2611280000000002');
    expect(link.getAttribute('href')).toBe(`${ADMIN}/order/order_view.php?orderNo=2611280000000002`);
    expect(root.querySelector('[data-list="needs-action"] .reason')?.textContent).toBe('미배달: 수취인 부재');
    expect(root.querySelector('[data-banner="test-mode"]')).toBeNull();
    expect(root.querySelector('[data-connection]')?.textContent).toBe('미설정');
  });

  it('shows the test-mode banner and runs the manual sync to a recorded result', async () => {
    await saveSettings({ testMode: true });
    const { m, root } = await mount();
    expect(root.querySelector('[data-banner="test-mode"]')?.textContent).toContain('테스트 모드');
    expect(root.querySelector('[data-sync="last"]')?.textContent).toBe('—');
    await m.syncNow();
    await bg.sync.start('manual').done; // joins the run the button started
    await m.refresh();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('[data-sync="last"]')?.textContent).toMatch(/확인 0건 · 배송완료 0건 · 오류 0건/);
  });

  it('shows 미발급 of the list in view when the active tab tells, and nothing when unknown', async () => {
    document.body.innerHTML =
      '<table><tr><td><span class="epg-badge epg-badge--unissued"></span></td></tr>' +
      '<tr><td><span class="epg-badge epg-badge--issued"></span></td></tr>' +
      '<tr><td><span class="epg-badge epg-badge--unissued"></span></td></tr></table>';
    const inView = countUnissuedBadges();
    expect(inView).toBe(2);
    const { root } = await mount(async () => inView);
    expect(root.querySelector('[data-count="unissuedInView"] .count__n')?.textContent).toBe('2');
    document.body.innerHTML = '<p>not an order list</p>';
    expect(countUnissuedBadges()).toBeUndefined();
    const again = await mount(async () => countUnissuedBadges());
    expect(again.root.querySelector('[data-count="unissuedInView"]')).toBeNull();
  });

  it('with a worker of another build (an update in place) says so in Korean instead of throwing on its answer', async () => {
    // what the 2026-11-28 build's worker answers: its DashboardData has no `tracking`
    const { tracking: _dropped, ...oldAnswer } = (await bg.send('dashboard', undefined, OPTIONS_SENDER)).res as DashboardData;
    const popup = (stale: () => Promise<boolean>) =>
      createPopupModel({
        dashboard: async () => oldAnswer as DashboardData,
        syncNow: async () => ({ started: false }),
        openOptions: async () => {},
        openUrl: async () => {},
        workerIsStale: stale,
      });
    const m = popup(workerIsStale); // that worker never stamped its build
    await m.refresh();
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    render(<Popup m={m} />, root);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('이전 버전의 백그라운드');
    expect(root.querySelector('[data-count]')).toBeNull();

    // this build's worker stamps at start: the same page reads its answers
    await stampWorkerBuild();
    const fresh = popup(workerIsStale);
    await fresh.refresh();
    expect(fresh.error.value).toBeUndefined();
    expect(fresh.data.value).toBe(oldAnswer);
  });
});
