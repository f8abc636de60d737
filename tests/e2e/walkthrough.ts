// Page-driving steps of the seed's whole flow, shared by tests/e2e/workflow.e2e.ts and `npm run demo`.
// Every step works through the real UI (options form, overlay buttons, labels page, popup) and checks
// what it did on the simulators; a check that does not hold throws StepFailed, so the demo's headless
// run exits non-zero and the e2e test fails.
import type { Page } from 'playwright-core';
import type { Shipment } from '../../lib/db/types';
import type { ExtensionSession } from './harness';
import { journal } from './journal';

export interface Walk {
  x: ExtensionSession;
  /** saves a screenshot of `page` under `name` and returns its path */
  shot(page: Page, name: string): Promise<string>;
  log(line: string): void;
}

class StepFailed extends Error {}

export function must(ok: unknown, what: string): asserts ok {
  if (!ok) throw new StepFailed(what);
}

const CHECKBOX = 'input[type=checkbox][name^="statusCheck["]';
const TOP = '[data-epg-toolbar="top"]';

/** Waits until the overlay has its two toolbars and one badge per row. */
async function overlayReady(page: Page): Promise<void> {
  await page.waitForSelector('.table-action > [data-epg-toolbar="bottom"]', { timeout: 15_000 });
  await page.waitForFunction(
    (sel) => document.querySelectorAll('[data-epg-badge]').length === document.querySelectorAll(sel).length,
    CHECKBOX,
  );
}

/** An admin list with the overlay ready. */
export async function openList(w: Walk, path: string): Promise<Page> {
  const page = await w.x.openAdmin(path);
  await overlayReady(page);
  return page;
}

/**
 * The checkbox of one item's row (`?view=orderGoods`), or the first of an order's rows: one per order
 * on the grouped 상품준비중 list, one per item (`orderNo||sno`) on the grouped 결제완료/배송중 lists.
 */
export function rowBox(orderNo: string, sno?: string): string {
  return sno ? `${CHECKBOX}[value^="${orderNo}||${sno}||"]` : `${CHECKBOX}[value="${orderNo}"], ${CHECKBOX}[value^="${orderNo}||"]`;
}

export function badgeKind(page: Page, orderNo: string, sno?: string): Promise<string | null> {
  return page
    .locator(`tr:has(${rowBox(orderNo, sno)}) [data-epg-badge]`)
    .first()
    .getAttribute('data-epg-kind');
}

/** Polls until `read` gives `want` (the background and the admin answer asynchronously). */
export async function until<T>(what: string, read: () => Promise<T> | T, want: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!want(last)) {
    if (Date.now() > end) throw new StepFailed(`${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

export { journal } from './journal';

export async function shipment(x: ExtensionSession, key: string): Promise<Shipment | undefined> {
  return (await journal<Shipment>(x, 'shipments')).find((s) => s.key === key);
}

// ── 1. options: connect to the Korea Post simulator and save ─────────────────────────────────────

const field = (name: string) => `[data-field="${name}"] input`;

/** 연동 확인 with the simulator's keys, contract 7002080923 (후납), 공급지 01, company data, save. */
export async function connectOptions(w: Walk): Promise<void> {
  const { x } = w;
  const keys = x.epost!.control.keys;
  const page = await x.extensionPage('/options.html');
  await page.waitForSelector('[data-action="verify"]');
  // only the sandbox build has the endpoint fields; the production build talks to the real host names
  for (const key of ['shipBaseUrl', 'traceBaseUrl', 'openApiBaseUrl']) {
    if (await page.locator(field(key)).count()) await page.fill(field(key), x.epost!.url);
  }
  await page.fill(field('memberId'), keys.memberId);
  await page.fill(field('apiKey'), keys.apiKey);
  await page.fill(field('securityKey'), keys.securityKey);
  await page.fill(field('traceKey'), keys.traceKey);
  await page.click('[data-action="verify"]');
  await page.waitForSelector('[data-connection="connected"]', { timeout: 20_000 });
  must((await page.textContent('[data-value="custNo"]')) === x.epost!.control.custNo, '연동 확인: 고객번호');
  await page.check('input[name="contract"][value="7002080923"]');
  await until(
    '공급지',
    () => page.inputValue(field('officeSer')),
    (v) => v === '01',
  );
  await page.fill(field('companyName'), '테스트상점');
  await page.fill(field('ceoName'), '홍길동');
  await page.fill(field('bizNo'), '2208162517');
  await page.fill(field('email'), 'shop@example.com');
  await page.fill(field('tel'), '02-1234-5678');
  await page.fill(field('mobile'), '01012345678');
  await w.shot(page, 'walk-01-options-filled');
  await page.click('[data-action="save"]');
  await page.waitForSelector('[data-notice="ok"]', { timeout: 15_000 });
  await w.shot(page, 'walk-02-options-saved');
  await page.close();
  w.log('옵션: 시뮬레이터에 연동하고 저장했습니다.');
}

// ── overlay actions ──────────────────────────────────────────────────────────────────────────────

export type OverlayAction = 'issueSelected' | 'issueAll' | 'reserveSelected' | 'reserveAll' | 'cancel';
export interface Pick {
  orderNo: string;
  sno?: string;
}

/**
 * Opens `path`, picks 주문별/상품별, checks the rows, clicks the action (accepting a confirm) and waits
 * for the job's end. Returns the result lines of the job panel.
 */
export async function overlayJob(
  w: Walk,
  path: string,
  mode: 'order' | 'item',
  action: OverlayAction,
  picks: Pick[],
  name: string,
): Promise<string[]> {
  const page = await openList(w, path);
  await page.locator(`${TOP} [data-epg-mode="${mode}"]`).click();
  await until(
    '발급방법',
    () => page.locator(`${TOP} [data-epg-mode="${mode}"]`).getAttribute('aria-pressed'),
    (v) => v === 'true',
  );
  for (const p of picks) await page.locator(rowBox(p.orderNo, p.sno)).first().check();
  await until(
    '선택',
    () => page.locator(`${TOP} [data-epg-selection]`).textContent(),
    (t) => t === `선택 ${picks.length}건`,
  );
  // the 일괄 buttons count the whole search (all pages): wait until that count has arrived
  await until(
    '검색 집계',
    () => page.locator(`${TOP} [data-epg-action="issueAll"]`).textContent(),
    (t) => !!t && !t.includes('…'),
  );
  page.on('dialog', (d) => void d.accept());
  await page.locator(`${TOP} [data-epg-action="${action}"]`).click();
  await page.waitForSelector(`${TOP} [data-epg-job="done"], ${TOP} [data-epg-job="failed"]`, { timeout: 60_000 });
  const lines = await page.locator(`${TOP} .epg-results li`).allTextContents();
  // the badges follow the journal once the job has ended
  await page.waitForTimeout(300);
  await w.shot(page, name);
  await page.close();
  w.log(`${action} (${mode}): ${lines.join(' / ')}`);
  return lines;
}

/** Result line of one order (or item) in a job panel. */
export function resultOf(lines: string[], orderNo: string, sno?: string): string {
  const line = lines.find((l) => l.startsWith(sno ? `${orderNo} (${sno})` : orderNo));
  must(line, `결과 없음: ${orderNo}${sno ? ` (${sno})` : ''} in ${JSON.stringify(lines)}`);
  return line;
}

// ── 운송장 출력 ──────────────────────────────────────────────────────────────────────────────────

/** Checks the rows, clicks 운송장 출력, and on the labels tab ends a print (afterprint, as a closed dialog). */
export async function printLabels(w: Walk, path: string, picks: Pick[], name: string): Promise<number> {
  const page = await openList(w, path);
  for (const p of picks) await page.locator(rowBox(p.orderNo, p.sno)).first().check();
  const opened = w.x.context.waitForEvent('page', { predicate: (p) => p.url().includes('/labels.html'), timeout: 20_000 });
  await page.locator(`${TOP} [data-epg-action="print"]`).click();
  const labels = await opened;
  await labels.waitForFunction(() => !!window.__epostLabels && window.__epostLabels.status() !== 'loading', undefined, { timeout: 20_000 });
  must((await labels.evaluate(() => window.__epostLabels!.status())) === 'ready', '운송장 페이지가 준비되지 않았습니다');
  const sheets = await labels.locator('.sheet').count();
  await labels.evaluate(() => document.fonts.ready);
  await w.shot(labels, name);
  // Chrome's print dialog cannot be driven headless: its closing is what the page listens for
  labels.on('dialog', (d) => void d.accept()); // 「운송장 N건이 출력되었습니까?」 → 확인
  await labels.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await labels.waitForFunction(() => window.__epostLabels!.notice().includes('기록'), undefined, { timeout: 20_000 });
  await labels.close();
  await page.close();
  w.log(`운송장 출력: ${sheets}장`);
  return sheets;
}

// ── popup ────────────────────────────────────────────────────────────────────────────────────────

export type Counts = Record<'issued' | 'reserved' | 'shipping' | 'delivered' | 'contactError' | 'exceptions' | 'pendingWrites', number>;

async function readCounts(popup: Page): Promise<Counts> {
  return popup.evaluate(() => {
    const out: Record<string, number> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-count]'))
      out[el.dataset.count!] = Number(el.querySelector('.count__n')?.textContent);
    return out as Counts;
  });
}

export async function openPopup(w: Walk): Promise<Page> {
  const popup = await w.x.extensionPage('/popup.html');
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.waitForSelector('[data-count]');
  return popup;
}

/** 「배송상태 수동 업데이트」 in the popup; waits for the run to finish and returns the counts after it. */
export async function syncFromPopup(w: Walk, name: string): Promise<{ last: string; counts: Counts }> {
  const popup = await openPopup(w);
  const before = await popup.textContent('[data-sync="last"]');
  await popup.click('[data-action="sync-now"]');
  await popup.waitForFunction(
    (b) => {
      const last = document.querySelector('[data-sync="last"]')?.textContent;
      const button = document.querySelector<HTMLButtonElement>('[data-action="sync-now"]');
      return last !== b && !!button && !button.disabled;
    },
    before,
    { timeout: 60_000 },
  );
  const last = (await popup.textContent('[data-sync="last"]')) ?? '';
  const counts = await readCounts(popup);
  await w.shot(popup, name);
  await popup.close();
  w.log(`배송상태 업데이트: ${last} ${JSON.stringify(counts)}`);
  return { last, counts };
}

export async function popupCounts(w: Walk, name: string): Promise<Counts> {
  const popup = await openPopup(w);
  const counts = await readCounts(popup);
  await w.shot(popup, name);
  await popup.close();
  return counts;
}
