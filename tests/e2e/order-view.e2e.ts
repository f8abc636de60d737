// The order page's 「우체국택배」 panel in Chromium with the built SANDBOX extension against both
// simulators: from order_view.php the operator issues, reserves, cancels, re-issues and prints, and sees
// the parcel's scans once the Korea Post simulator's clock has moved it; on the supplier admin too.
// Judged by what the simulators hold (godomall invoices and statuses, Korea Post registrations).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { badgeKind, connectOptions, overlayJob, resultOf, syncFromPopup, until, type Walk } from './walkthrough';
import { issuable } from './orders';
import { putJournalRows, shipmentRow } from './journal';

let x: ExtensionSession;
let w: Walk;

beforeAll(async () => {
  x = await launchExtension({ viewport: { width: 1400, height: 900 } });
  w = { x, shot: (page, name) => x.screenshot(page, name), log: () => undefined };
  await connectOptions(w);
}, 120_000);
afterAll(async () => {
  await x?.close();
});

const PANEL = '[data-epg-order-panel]';
const parcel = (key: string) => `${PANEL} [data-epg-parcel="${key}"]`;

async function openOrder(path: string): Promise<Page> {
  const page = await x.openAdmin(path);
  page.on('dialog', (d) => void d.accept()); // every job's 「…계속할까요?」
  await page.waitForSelector(`${PANEL} .epg-op__parcels`, { timeout: 20_000 });
  return page;
}

/** Clicks a panel button and waits until the parcel `key` shows `state`. */
async function act(page: Page, button: string, key: string, state: string): Promise<void> {
  await page.locator(button).click();
  await page.waitForSelector(`${parcel(key)}[data-epg-state="${state}"]`, { timeout: 60_000 });
  await page.waitForFunction((sel) => !document.querySelector<HTMLButtonElement>(sel)?.disabled, `${PANEL} [data-epg-action="refresh"]`);
}

describe('the order page panel (order_view.php)', () => {
  it('issue → reserve → cancel → re-issue → print → 배송완료 with its scans, each once at Korea Post', async () => {
    const gd = x.godomall!;
    const ep = x.epost!;
    const orderNo = gd.control.orders().find((o) => issuable(o, 'shop'))!.orderNo;
    const invoices = () => gd.control.order(orderNo)!.items.map((i) => i.invoiceNo);
    const statuses = () => gd.control.order(orderNo)!.items.map((i) => i.status);
    const page = await openOrder(`/order/order_view.php?orderNo=${orderNo}`);
    await page.waitForSelector(`${PANEL} [data-epg-no-parcels]`);
    // the panel sits right under the goods tabs, inside the page's content column
    expect(
      await page.evaluate(() => document.querySelector('#tabOrderStatus')?.nextElementSibling?.hasAttribute('data-epg-order-panel')),
    ).toBe(true);
    await x.screenshot(page, 'order-view-01-none');

    await act(page, `${PANEL} [data-epg-action="issue"]`, orderNo, 'issued');
    const [first] = ep.control.registrations(orderNo);
    expect(await page.locator(`${parcel(orderNo)} [data-epg-number]`).textContent()).toBe(first!.regiNo);
    expect(invoices().every((n) => n === first!.regiNo)).toBe(true);
    await x.screenshot(page, 'order-view-02-issued');

    await act(page, `${parcel(orderNo)} [data-epg-action="reserve"]`, orderNo, 'reserved');
    expect(statuses().every((s) => s === 'g1')).toBe(true);

    await act(page, `${parcel(orderNo)} [data-epg-action="cancel"]`, orderNo, 'void');
    expect(invoices().every((n) => n === '')).toBe(true);
    expect(await page.locator(`${PANEL} [data-epg-action="issue"]`).textContent()).toBe('송장번호 재발급');

    const r1 = `${orderNo}-r1`;
    await act(page, `${PANEL} [data-epg-action="issue"]`, r1, 'issued');
    const [second] = ep.control.registrations(r1);
    expect(second!.regiNo).not.toBe(first!.regiNo);
    expect(invoices().every((n) => n === second!.regiNo)).toBe(true);
    await act(page, `${parcel(r1)} [data-epg-action="reserve"]`, r1, 'reserved');

    // 출력 opens the label page for this parcel; its 「출력되었습니까?」 records the print (배송중)
    const opened = x.context.waitForEvent('page', { predicate: (p) => p.url().includes('/labels.html'), timeout: 20_000 });
    await page.locator(`${parcel(r1)} [data-epg-action="print"]`).click();
    const labels = await opened;
    expect(decodeURIComponent(labels.url())).toContain(`keys=${r1}`);
    await labels.waitForFunction(() => !!window.__epostLabels && window.__epostLabels.status() !== 'loading', undefined, {
      timeout: 20_000,
    });
    expect(await labels.evaluate(() => window.__epostLabels!.status())).toBe('ready');
    expect(await labels.locator('.sheet').count()).toBe(1);
    labels.on('dialog', (d) => void d.accept());
    await labels.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await labels.waitForFunction(() => window.__epostLabels!.notice().includes('기록'), undefined, { timeout: 20_000 });
    await labels.close();
    await until('배송중', statuses, (list) => list.every((s) => s === 'd1'));
    await act(page, `${PANEL} [data-epg-action="refresh"]`, r1, 'shipping');

    ep.control.advanceHours(72);
    await syncFromPopup(w, 'order-view-03-synced');
    await until('배송완료', statuses, (list) => list.every((s) => s === 'd2'));
    await act(page, `${PANEL} [data-epg-action="refresh"]`, r1, 'delivered');
    const scans = await page.locator(`${parcel(r1)} [data-epg-timeline] li`).allTextContents();
    expect(scans.length).toBeGreaterThan(2);
    expect(scans.at(-1)).toContain('배달완료');
    await page.locator(`${PANEL} [data-epg-audit] summary`).click();
    const audit = await page.locator(`${PANEL} [data-epg-audit] tbody tr`).allTextContents();
    expect(audit.length).toBeGreaterThanOrEqual(6);
    await x.screenshot(page, 'order-view-04-delivered');

    expect(ep.control.registrations(orderNo)).toHaveLength(1);
    expect(ep.control.registrations(r1)).toHaveLength(1);
    await page.close();
  }, 240_000);

  it('the supplier admin: the panel on /provider/order/order_view.php issues with every read under /provider/order/', async () => {
    const gd = x.godomall!;
    const orderNo = gd.control.orders().find((o) => issuable(o, 'supplier'))!.orderNo;
    gd.requests.length = 0;
    const page = await openOrder(`/provider/order/order_view.php?orderNo=${orderNo}`);
    await page.waitForSelector(`${PANEL} [data-epg-no-parcels]`);
    await act(page, `${PANEL} [data-epg-action="issue"]`, orderNo, 'issued');
    const [reg] = x.epost!.control.registrations(orderNo);
    expect(gd.control.order(orderNo)!.items.every((i) => i.invoiceNo === reg!.regiNo)).toBe(true);
    const orderReads = gd.requests.filter((r) => /(inc_)?order_view\.php/.test(r));
    expect(orderReads.length).toBeGreaterThanOrEqual(3);
    expect(orderReads.filter((r) => !r.includes(' /provider/order/'))).toEqual([]);
    await x.screenshot(page, 'order-view-05-provider');
    await page.close();
  }, 120_000);

  it('an exchange: 「교환 재배송 발급」 issues the replacement (교환추가) once, shown as 교환 재배송 beside its 교환 회수', async () => {
    const gd = x.godomall!;
    const order = gd.control.orders().filter((o) => issuable(o, 'shop'))[1]!;
    const exchanged = order.items[0]!.sno;
    gd.control.setStatus(order.orderNo, 'd2');
    const [added] = gd.control.exchange(order.orderNo, [exchanged]);
    const pickupKey = `${order.orderNo}-R${exchanged}`;
    const key = `${order.orderNo}-X${added}`;
    const page = await openOrder(`/order/order_view.php?orderNo=${order.orderNo}`);
    await act(page, `${PANEL} [data-epg-action="pickup-e"]`, pickupKey, 'reserved');
    await act(page, `${PANEL} [data-epg-action="reship"]`, key, 'issued');
    const [reg] = x.epost!.control.registrations(key);
    expect(
      await page
        .locator(`${parcel(key)} td`)
        .first()
        .textContent(),
    ).toBe('교환 재배송');
    expect(
      await page
        .locator(`${parcel(pickupKey)} td`)
        .first()
        .textContent(),
    ).toBe('교환 회수');
    expect(await page.locator(`${parcel(key)} [data-epg-number]`).textContent()).toBe(reg!.regiNo);
    // written into the replacement item only; the button is off once it has its parcel
    expect(gd.control.order(order.orderNo)!.items.map((i) => [i.sno, i.invoiceNo])).toEqual(
      gd.control.order(order.orderNo)!.items.map((i) => [i.sno, i.sno === added ? reg!.regiNo : '']),
    );
    expect(await page.locator(`${PANEL} [data-epg-action="reship"]`).isDisabled()).toBe(true);
    await x.screenshot(page, 'order-view-07-exchange-reship');
    expect(x.epost!.control.registrations(key)).toHaveLength(1);
    expect(x.epost!.control.registrations(pickupKey)).toHaveLength(1);
    await page.close();
  }, 120_000);

  it('the 교환추가 list (order_list_exchange_add.php): 선택 발급 and 예약 of a replacement, once at Korea Post, written into that item only', async () => {
    const gd = x.godomall!;
    const order = gd.control.orders().filter((o) => issuable(o, 'shop'))[2]!;
    gd.control.setStatus(order.orderNo, 'd2');
    const [added] = gd.control.exchange(order.orderNo, [order.items[0]!.sno]);
    const key = `${order.orderNo}-X${added}`;
    const list = '/order/order_list_exchange_add.php?pageNum=100';
    const issued = await overlayJob(w, list, 'order', 'issueSelected', [{ orderNo: order.orderNo, sno: added! }], 'exchange-add-issued');
    expect(resultOf(issued, order.orderNo)).toContain('완료');
    const [reg] = x.epost!.control.registrations(key);
    expect(x.epost!.control.registrations(key)).toHaveLength(1);
    expect(gd.control.order(order.orderNo)!.items.map((i) => [i.sno, i.invoiceNo])).toEqual(
      gd.control.order(order.orderNo)!.items.map((i) => [i.sno, i.sno === added ? reg!.regiNo : i.invoiceNo]),
    );
    const reserved = await overlayJob(
      w,
      list,
      'order',
      'reserveSelected',
      [{ orderNo: order.orderNo, sno: added! }],
      'exchange-add-reserved',
    );
    expect(resultOf(reserved, order.orderNo)).toContain('완료');
    const item = () => gd.control.order(order.orderNo)!.items.find((i) => i.sno === added)!;
    expect(item().status).toBe('z2'); // 추가결제완료 stays until 출력 (z3)
    const page = await x.openAdmin(list);
    await until(
      '교환 재배송 배지',
      () => badgeKind(page, order.orderNo, added),
      (k) => k === 'reserved',
    );
    await page.close();
    expect(x.epost!.control.registrations(key)).toHaveLength(1);
  }, 120_000);

  it("the customers' 반품 requests (order_list_user_exchange.php?view=back): the note, no toolbar, each request's pickup or 「승인 전」", async () => {
    const gd = x.godomall!;
    const [waiting, accepted] = gd.control.orders().filter((o) => o.items.every((i) => i.status === 'd2'));
    const [w1, a1] = [waiting!.items[0]!.sno, accepted!.items[0]!.sno];
    gd.control.requestClaim(waiting!.orderNo, w1, 'b');
    gd.control.requestClaim(accepted!.orderNo, a1, 'b');
    gd.control.answerClaim(accepted!.orderNo, a1, true); // 승인: 반품접수 b1, its pickup booked on the 반품 list
    const key = `${accepted!.orderNo}-R${a1}`;
    const regiNo = '6091234567891';
    await putJournalRows(x, [
      shipmentRow(gd.url, accepted!.orderNo, {
        key,
        baseKey: key,
        liveBaseKey: key,
        itemSnos: [a1],
        state: 'reserved',
        regiNo,
        pickup: { claim: 'b' },
      }),
    ]);
    const page = await x.openAdmin('/order/order_list_user_exchange.php?view=back');
    const note = page.locator('[data-epg-page-note]');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toContain('먼저 고도몰에서 반품접수·교환접수로 승인');
    const badge = (orderNo: string, sno: string) => page.locator(`tr:has(input[value^="${orderNo}||${sno}||"]) [data-epg-badge]`);
    await badge(accepted!.orderNo, a1).waitFor({ timeout: 20_000 });
    expect(await badge(accepted!.orderNo, a1).textContent()).toBe(`회수 접수${regiNo}`);
    expect(await badge(waiting!.orderNo, w1).textContent()).toBe('승인 전');
    expect(await badge(waiting!.orderNo, w1).locator('.epg-badge__label').getAttribute('title')).toContain(
      '고도몰에서 먼저 승인처리(반품접수)해야',
    );
    expect(await page.locator('.epg-toolbar__body').count()).toBe(0); // nothing can be booked here
    await x.screenshot(page, 'order-view-06-user-back-requests');
    await page.close();
  });
});
