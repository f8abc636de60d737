// The options page 「우체국택배 신청/관리」 and the popup in the built sandbox extension, against the
// Korea Post simulator: connect, choose contract and 공급지, refuse bad input without saving, save,
// then the popup's counts, test-mode banner and manual sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { putJournalRows, shipmentRow } from './journal';
import type { Shipment } from '../../lib/db/types';
import { launchExtension, type ExtensionSession } from './harness';

// runs inside the service worker (serviceWorker.evaluate), where chrome.* exists
declare const chrome: {
  storage: { local: { get(keys: string | null): Promise<Record<string, any>> } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
  action: { getBadgeText(d: object): Promise<string> };
};

const seedShipments = (rows: object[]) => putJournalRows(x, rows);
const shipment = (orderNo: string, patch: Partial<Shipment> & Record<string, unknown>) =>
  shipmentRow(x.godomall!.url, orderNo, { test: true, operatorId: 'admin', ...patch });

let x: ExtensionSession;
let options: Page;

const field = (name: string) => `[data-field="${name}"] input`;

async function storedSettings(): Promise<Record<string, any>> {
  return x.serviceWorker!.evaluate(async () => (await chrome.storage.local.get('settings')).settings ?? {});
}

async function storageText(): Promise<string> {
  return x.serviceWorker!.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
}

describe('options and popup', () => {
  beforeAll(async () => {
    x = await launchExtension();
    options = await x.extensionPage('/options.html');
    await options.waitForSelector('[data-action="verify"]');
  });
  afterAll(async () => {
    await x?.close();
  });

  it('starts 미설정 and connects: 연동 확인 shows the 고객번호 and the contracts', async () => {
    await expect(options.locator('.conn').getAttribute('data-connection')).resolves.toBe('unset');
    for (const key of ['shipBaseUrl', 'traceBaseUrl', 'openApiBaseUrl']) await options.fill(field(key), x.epost!.url);
    const keys = x.epost!.control.keys;
    await options.fill(field('memberId'), keys.memberId);
    await options.fill(field('apiKey'), keys.apiKey);
    await options.fill(field('securityKey'), keys.securityKey);
    await options.click('[data-action="verify"]');
    await options.waitForSelector('[data-connection="connected"]');
    await expect(options.textContent('[data-value="custNo"]')).resolves.toBe('0005085217');
    // the keys went to the background: fields cleared, shown as 설정됨, never in storage.local
    await expect(options.inputValue(field('apiKey'))).resolves.toBe('');
    await expect(options.textContent('[data-secret-state="apiKey"]')).resolves.toBe('설정됨');
    expect(await storageText()).not.toContain(keys.apiKey);
    expect(await storageText()).not.toContain(keys.securityKey);

    const rows = options.locator('[data-list="contracts"] tbody tr');
    // GetApprNo lists the approved contracts (the simulator also holds a 해지 one, not listed)
    await expect(rows.count()).resolves.toBe(2);
    await expect(options.locator('input[name="contract"][value="7001990001"]').count()).resolves.toBe(0);
    await options.check('input[name="contract"][value="7002080923"]');
    await expect(options.textContent('[data-chosen="contract"]')).resolves.toContain('광주우체국');
    // a single 공급지 is chosen for the operator
    await expect(options.inputValue(field('officeSer'))).resolves.toBe('01');
    await expect(options.inputValue(field('zip'))).resolves.toBe('04524');
    await x.screenshot(options, 'options-connected');
  });

  it("a wrong 보안키 shows Korea Post's message as 오류", async () => {
    const page = await x.extensionPage('/options.html');
    await page.waitForSelector('[data-action="verify"]');
    await page.fill(field('securityKey'), 'wrongSecurityKey123456');
    await page.click('[data-action="verify"]');
    await page.waitForSelector('[data-connection="error"]');
    await expect(page.textContent('.conn__message')).resolves.toMatch(/ERR-/);
    // put the right key back so the rest of the suite stays connected
    await page.fill(field('securityKey'), x.epost!.control.keys.securityKey);
    await page.click('[data-action="verify"]');
    await page.waitForSelector('[data-connection="connected"]');
    await page.close();
    await options.reload();
    await options.waitForSelector('[data-action="verify"]');
    await options.waitForSelector('[data-list="contracts"]');
    await options.check('input[name="contract"][value="7002080923"]');
  });

  it('invalid input shows Korean messages per field and saves nothing', async () => {
    await options.fill(field('companyName'), '테스트상점');
    await options.fill(field('ceoName'), '홍길동');
    await options.fill(field('bizNo'), '123-45-67890');
    await options.fill(field('email'), 'shop@');
    await options.fill(field('tel'), '02-1234-5678');
    await options.fill(field('mobile'), '02-123-4567');
    await options.fill(field('zip'), '1234');
    await options.fill(field('weight'), '45');
    await options.click('[data-action="save"]');
    await expect(options.textContent('[data-error-for="bizNo"]')).resolves.toContain('사업자번호가 올바르지 않습니다');
    await expect(options.textContent('[data-error-for="email"]')).resolves.toContain('E-mail 형식');
    await expect(options.textContent('[data-error-for="mobile"]')).resolves.toContain('휴대폰번호 형식');
    await expect(options.textContent('[data-error-for="zip"]')).resolves.toContain('5자리');
    await expect(options.textContent('[data-error-for="weight"]')).resolves.toContain('1~30');
    await expect(options.textContent('[data-notice="error"]')).resolves.toContain('저장하지 않았습니다');
    const s = await storedSettings();
    expect(s.companyName).toBe('');
    expect(s.apprNo).toBe('');
    expect(s.defaults.weight).toBe(2);
    await x.screenshot(options, 'options-invalid');
  });

  it('saves a corrected form, with test mode on', async () => {
    await options.fill(field('bizNo'), '2208162517');
    await options.fill(field('email'), 'shop@example.com');
    await options.fill(field('mobile'), '01012345678');
    await options.fill(field('zip'), '04524');
    await options.fill(field('weight'), '3');
    await options.click('[data-field="testMode"] button[aria-checked="false"]');
    await options.click('[data-action="save"]');
    await options.waitForSelector('[data-notice="ok"]');
    const s = await storedSettings();
    expect(s).toMatchObject({
      custNo: '0005085217',
      apprNo: '7002080923',
      postNm: '광주우체국',
      payTypeNm: '후납',
      companyName: '테스트상점',
      bizNo: '220-81-62517',
      mobile: '010-1234-5678',
      testMode: true,
      defaults: { weight: 3 },
      sender: { officeSer: '01', zip: '04524' },
      connection: { state: 'connected' },
    });
    expect(s.endpoints.shipBaseUrl).toBe(x.epost!.url);
    expect(await storageText()).not.toContain(x.epost!.control.keys.apiKey);
    await options.reload();
    await options.waitForSelector('[data-action="verify"]');
    await expect(options.inputValue(field('bizNo'))).resolves.toBe('220-81-62517');
    await expect(options.textContent('[data-secret-state="securityKey"]')).resolves.toBe('설정됨');
    await x.screenshot(options, 'options-saved');
  });

  it('an admin address is requested from the click and kept; a manifest-covered host is not injected twice', async () => {
    // localhost is in the sandbox manifest: the permission request resolves without a prompt, and the
    // manifest's content script already runs there (own-domain registration: tests/unit/background)
    const admin = `http://localhost:${new URL(x.godomall!.url).port}`;
    await options.fill(field('adminOrigin'), `${admin}/order/order_list_pay.php`);
    await options.click('[data-action="save"]');
    await options.waitForSelector('[data-list="admin-origins"] li');
    await expect(options.textContent('[data-list="admin-origins"]')).resolves.toContain(admin);
    expect((await storedSettings()).adminOrigins).toEqual([admin]);
    const scripts = await x.serviceWorker!.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toEqual([]);
    await x.screenshot(options, 'options-admin-origin');
  });

  it('popup: counts, test-mode banner, next sync and the manual sync', async () => {
    const contactError =
      '연락처오류: 수령자 휴대폰번호 「010-12ab-5678」 형식이 올바르지 않습니다. 주문 상세에서 수정한 뒤 다시 발급하세요.';
    await seedShipments([
      shipment('2611281000000001', { state: 'issued', liveBaseKey: '2611281000000001', regiNo: 'TESTREGINOAPI' }),
      shipment('2611281000000002', { state: 'failed', failure: 'contact', message: contactError }),
      shipment('2611281000000003', { state: 'delivered', test: false, regiNo: '6000000000009' }),
    ]);
    const popup = await x.extensionPage('/popup.html');
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.waitForSelector('[data-banner="test-mode"]');
    // 발급 · 예약 후 · 배송중 · 배송완료 · 반품 회수 중 · 연동 해제 · 연락처오류 · 예외 · 고도몰 저장 대기, and the live total
    await expect(popup.locator('[data-count]').count()).resolves.toBe(10);
    // a test number (TESTREGINOAPI) reaches no post office: no parcel in the counts
    await expect(popup.textContent('[data-count="live"]')).resolves.toContain('우체국에 접수된 소포 1건');
    await expect(popup.textContent('[data-count="issued"] .count__n')).resolves.toBe('0');
    await expect(popup.textContent('[data-count="delivered"] .count__n')).resolves.toBe('1');
    await expect(popup.textContent('[data-count="contactError"] .count__n')).resolves.toBe('1');
    await expect(popup.getAttribute('[data-count="contactError"]', 'class')).resolves.toContain('count--alert');
    const link = popup.locator('[data-list="needs-action"] a');
    await expect(link.textContent()).resolves.toBe('2611281000000002');
    await expect(link.getAttribute('href')).resolves.toBe(`${x.godomall!.url}/order/order_view.php?orderNo=2611281000000002`);
    await expect(popup.textContent('[data-list="needs-action"] .reason')).resolves.toBe(contactError);
    await expect(popup.getAttribute('.conn', 'data-connection')).resolves.toBe('connected');
    await expect(popup.textContent('[data-sync="next"]')).resolves.not.toBe('—');
    await expect(popup.textContent('[data-sync="last"]')).resolves.toBe('—');
    await popup.click('[data-action="sync-now"]');
    await popup.waitForFunction(() => document.querySelector('[data-sync="last"]')?.textContent !== '—');
    await expect(popup.textContent('[data-sync="last"]')).resolves.toContain('확인 0건');
    // a finished sync refreshes the action badge: one row needs the operator
    await expect.poll(() => x.serviceWorker!.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    await x.screenshot(popup, 'popup');
  });

  it('popup: 미발급 of the admin list in the active tab', async () => {
    const admin = await x.openAdmin('/order/order_list_pay.php');
    await admin.waitForSelector('.epg-badge--unissued');
    const expected = await admin.locator('.epg-badge--unissued').count();
    const popup = await x.extensionPage('/popup.html');
    await popup.setViewportSize({ width: 380, height: 640 });
    await popup.waitForSelector('[data-count]');
    await admin.bringToFront(); // the popup asks the active tab of its window
    await popup.waitForSelector('[data-count="unissuedInView"]', { timeout: 15_000 });
    await expect(popup.textContent('[data-count="unissuedInView"] .count__n')).resolves.toBe(String(expected));
    await x.screenshot(popup, 'popup-in-view');
  });
});
