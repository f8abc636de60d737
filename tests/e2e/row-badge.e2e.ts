// A list an operator reads at a glance (issue 21 item 4), in real Chromium at 1280 and 1920 px: on every
// list, view and the operator's own grids each row's parcel sits in its 주문상품 cell as one line —
// the state chip, the 등기번호 unbroken in Korea Post's 5-4-4 groups, the warnings as icons — and no
// column of the admin is wider or narrower than without the extension. Screenshots:
// tests/e2e/screenshots/row-badge_<list>_<width>.png.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatRegiNo } from '../../lib/labels/format';
import { PROVIDER_SUPPLIER, type SeedOrder } from '../sandbox/godomall/model';
import { launchExtension, SCREENSHOT_DIR, type ExtensionSession } from './harness';
import { putJournalRows, shipmentRow } from './journal';

let x: ExtensionSession;
let bare: ExtensionSession;
/** 등기번호 seeded per order, to find on the rows (a claim's pickup only on the claim lists) */
const numbers = new Map<string, string>();
const pickupOrders = new Set<string>();

const CHECKBOX = 'input[type=checkbox][name^="statusCheck["]';
const REORDERED = 'receiver,status,invoice,goodsNm,check,orderDt,goodsSno';

const LISTS: Array<[name: string, path: string]> = [
  ['pay', '/order/order_list_pay.php?pageNum=50'],
  ['pay_orderGoods', '/order/order_list_pay.php?pageNum=50&view=orderGoods'],
  ['goods', '/order/order_list_goods.php?pageNum=50'],
  ['goods_orderGoods_reordered', `/order/order_list_goods.php?pageNum=50&view=orderGoods&grid=${REORDERED}`],
  ['delivery', '/order/order_list_delivery.php?pageNum=50'],
  ['all', '/order/order_list_all.php?pageNum=50'],
  ['back', '/order/order_list_back.php'],
  ['exchange', '/order/order_list_exchange.php'],
  ['provider_goods', '/provider/order/order_list_goods.php'],
];

const allIn = (o: SeedOrder, test: (status: string) => boolean) => o.items.every((i) => test(i.status));

beforeAll(async () => {
  x = await launchExtension({ epost: false });
  bare = await launchExtension({ extension: false, epost: false, useGodomall: x.godomall! });
  const control = x.godomall!.control;
  const origin = x.godomall!.url;
  const orders = control.orders();
  const shopOwn = (o: SeedOrder) => o.items.every((i) => i.supplier !== PROVIDER_SUPPLIER);
  const paid = orders.filter((o) => allIn(o, (s) => s === 'p1') && shopOwn(o)).slice(0, 5);
  const preparing = orders.filter((o) => allIn(o, (s) => s.startsWith('g')) && shopOwn(o)).slice(0, 2);
  const moving = orders.filter((o) => allIn(o, (s) => s === 'd1')).slice(0, 2);
  const supplier = orders.find((o) => o.items.every((i) => i.supplier === PROVIDER_SUPPLIER && i.status.startsWith('g')));
  const delivered = orders.filter((o) => allIn(o, (s) => s === 'd2')).slice(0, 2);
  expect(paid).toHaveLength(5);
  expect(preparing).toHaveLength(2);
  expect(moving).toHaveLength(2);
  expect(supplier).toBeDefined();
  expect(delivered).toHaveLength(2);
  // the claim lists: a 반품 and a 교환 the customers asked for
  control.setStatus(delivered[0]!.orderNo, 'b1');
  control.setStatus(delivered[1]!.orderNo, 'e1');

  let serial = 11;
  const regiNo = (orderNo: string) => {
    const no = `68921${String(22316000 + serial++).padStart(8, '0')}`;
    numbers.set(orderNo, no);
    return no;
  };
  const box = { name: '대형', weight: 10, volume: 120, contCd: '025', packngMtrCd: '50' };
  const live = (o: SeedOrder, patch: Record<string, unknown>) =>
    shipmentRow(origin, o.orderNo, { regiNo: regiNo(o.orderNo), liveBaseKey: o.orderNo, ...patch });
  const pickup = (o: SeedOrder, claim: 'b' | 'e') => {
    const sno = o.items.map((i) => i.sno).sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!;
    const key = `${o.orderNo}-R${sno}`;
    pickupOrders.add(o.orderNo);
    return shipmentRow(origin, o.orderNo, {
      key,
      baseKey: key,
      liveBaseKey: key,
      state: 'reserved',
      regiNo: regiNo(o.orderNo),
      pickup: { claim },
      itemSnos: o.items.map((i) => i.sno),
    });
  };
  await putJournalRows(x, [
    // 도서산간 with the box it went out in: the longest line a row can have (chip, number, two icons)
    live(paid[0]!, { state: 'issued', islandAddFee: '3000', box }),
    live(paid[1]!, { state: 'reserved', test: true }),
    shipmentRow(origin, paid[2]!.orderNo, { state: 'failed', failure: 'contact', message: '수령자 휴대폰 번호 형식이 올바르지 않습니다.' }),
    shipmentRow(origin, paid[3]!.orderNo, { state: 'failed', message: '우편번호가 없습니다.' }),
    live(paid[4]!, {
      state: 'reserved',
      twins: ['6892122316999'],
      exception: { kind: 'twins', reason: '다른 PC가 6892122316999로도 접수했고 취소할 수 없습니다.' },
    }),
    live(preparing[0]!, { state: 'reserved', islandAddFee: '5000' }),
    live(preparing[1]!, { state: 'issued' }),
    live(moving[0]!, { state: 'shipping', exception: { kind: 'undelivered', reason: '수취인 부재' } }),
    live(moving[1]!, { state: 'shipping' }),
    live(supplier!, { state: 'issued' }),
    pickup(delivered[0]!, 'b'),
    pickup(delivered[1]!, 'e'),
  ]);
});

afterAll(async () => {
  await bare?.close();
  await x?.close();
});

/** The admin's own layout: every header cell's width, the checkbox column's by itself. */
function columns(page: Page): Promise<{ all: number[]; check: number }> {
  return page.evaluate(() => {
    const ths = Array.from(document.querySelectorAll('table.order-list thead th'));
    const width = (el: Element) => Math.round(el.getBoundingClientRect().width * 10) / 10;
    const check = ths.find((th) => th.querySelector('input.js-checkall'));
    return { all: ths.map(width), check: check ? width(check) : -1 };
  });
}

interface Seen {
  orderNo: string;
  place: string | null;
  kind: string | null;
  /** the badge's own box, and the top of each part: one line means one top */
  height: number;
  tops: number[];
  lineHeight: number;
  /** the number as drawn (groups and the stylesheet's dashes) and how many line boxes it takes */
  drawn: string;
  numberLines: number;
  numberHeight: number;
  checkCellHasBadge: boolean;
}

function badgesOn(page: Page): Promise<Seen[]> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll<HTMLInputElement>(sel)).map((box) => {
      const tr = box.closest('tr')!;
      const badge = tr.querySelector<HTMLElement>('[data-epg-badge]')!;
      const no = badge.querySelector<HTMLElement>('.epg-badge__no');
      const groups = no ? Array.from(no.querySelectorAll<HTMLElement>(':scope > span')) : [];
      const drawn = no
        ? groups.length
          ? groups
              .map(
                (g) =>
                  g.textContent +
                  getComputedStyle(g, '::after')
                    .content.replace(/^none$/, '')
                    .replace(/"/g, ''),
              )
              .join('')
          : (no.textContent ?? '')
        : '';
      return {
        orderNo: box.value.split('||')[0]!,
        place: badge.getAttribute('data-epg-place'),
        kind: badge.getAttribute('data-epg-kind'),
        height: badge.getBoundingClientRect().height,
        tops: Array.from(badge.children).map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)),
        lineHeight: parseFloat(getComputedStyle(badge).lineHeight),
        drawn,
        numberLines: no ? no.getClientRects().length : 0,
        numberHeight: no ? no.getBoundingClientRect().height : 0,
        checkCellHasBadge: !!box.closest('td')!.querySelector('[data-epg-badge]'),
      };
    });
  }, CHECKBOX);
}

describe('each row reads at a glance (Chromium, 1280 and 1920 px)', () => {
  it.each([1280, 1920])(
    '%i px: one line in the 주문상품 cell on every list, no column changed',
    async (width) => {
      const viewport = { width, height: 1000 };
      for (const [name, path] of LISTS) {
        const without = await bare.openAdmin(path);
        await without.setViewportSize(viewport);
        const page = await x.openAdmin(path);
        await page.setViewportSize(viewport);
        await page.waitForFunction(
          (sel) =>
            document.querySelectorAll(sel).length > 0 &&
            document.querySelectorAll('[data-epg-badge]').length === document.querySelectorAll(sel).length,
          CHECKBOX,
          { timeout: 15_000 },
        );
        // the seeded parcels have reached their rows (the journal answers after the first paint)
        const claimList = name === 'back' || name === 'exchange';
        const shownHere = (orderNo: string) => (pickupOrders.has(orderNo) === claimList ? numbers.get(orderNo) : undefined);
        const expected = await page.evaluate(
          ([sel, nos]) =>
            [...new Set(Array.from(document.querySelectorAll<HTMLInputElement>(sel)).map((b) => b.value.split('||')[0]!))].filter((no) =>
              nos.includes(no),
            ),
          [CHECKBOX, [...numbers.keys()].filter(shownHere)] as const,
        );
        expect(expected.length, `${name}: seeded parcels on this list`).toBeGreaterThan(0);
        await page.waitForFunction(
          ([sel, want]) =>
            want.every(([orderNo, grouped]) =>
              Array.from(document.querySelectorAll<HTMLInputElement>(sel))
                .filter((b) => b.value.split('||')[0] === orderNo)
                .some((b) => b.closest('tr')!.querySelector(`[data-epg-badge] .epg-badge__no[title="${grouped}"]`)),
            ),
          [CHECKBOX, expected.map((no) => [no, formatRegiNo(numbers.get(no)!)] as const)] as const,
          { timeout: 15_000 },
        );

        const seen = await badgesOn(page);
        for (const b of seen) {
          const where = `${name} @${width}: ${b.orderNo}`;
          expect(b.place, where).toBe('goods');
          expect(b.checkCellHasBadge, where).toBe(false);
          // one line: every part centred on the same line, the badge no taller than one line and its chip
          expect(Math.max(...b.tops) - Math.min(...b.tops), where).toBeLessThanOrEqual(2);
          expect(b.height, where).toBeLessThan(b.lineHeight * 1.5);
          const regiNo = shownHere(b.orderNo);
          if (regiNo && b.kind !== 'unissued' && b.kind !== 'contactError') {
            // the number unbroken, as the label prints it
            expect(b.drawn, where).toBe(formatRegiNo(regiNo));
            expect(b.numberLines, where).toBe(1);
            expect(b.numberHeight, where).toBeLessThan(b.lineHeight * 1.5);
          }
        }
        expect(seen.filter((b) => numbers.has(b.orderNo) && b.drawn).length, `${name}: seeded numbers shown`).toBeGreaterThan(0);
        const [withCols, withoutCols] = await Promise.all([columns(page), columns(without)]);
        expect(withCols.check, name).toBeGreaterThan(0);
        expect(withCols.check, `${name}: the checkbox column`).toBe(withoutCols.check);
        expect(withCols.all, `${name}: every column`).toEqual(withoutCols.all);

        await page.locator('table.order-list').scrollIntoViewIfNeeded();
        await x.screenshot(page, `row-badge_${name}_${width}`, { fullPage: false });
        if (name === 'pay') {
          await bare.screenshot(without, `row-badge_${name}_${width}_without-extension`, { fullPage: false });
          // the first rows' 주문상품 cells at their own size, to read the badges closely
          const cell = (await page.locator('table.order-list > tbody > tr').first().locator('[data-epg-badge]').boundingBox())!;
          await page.screenshot({
            path: join(SCREENSHOT_DIR, `row-badge_${name}_${width}_close.png`),
            clip: { x: Math.max(0, cell.x - 260), y: Math.max(0, cell.y - 40), width: 720, height: 380 },
          });
        }
        await page.close();
        await without.close();
        // `?grid=` is saved to the session like 조회항목 설정: back to the default for the next lists
        if (path.includes('grid=')) x.godomall!.control.setGrid('goods', null);
      }
    },
    240_000,
  );

  it('an operator grid without 주문상품: the 주문번호 cell, else the checkbox cell; no column changed', async () => {
    const control = x.godomall!.control;
    control.setGrid('delivery', ['check', 'no', 'orderNo', 'orderName', 'status', 'invoice', 'receiver']);
    try {
      const path = '/order/order_list_delivery.php';
      const without = await bare.openAdmin(path);
      await without.setViewportSize({ width: 1280, height: 1000 });
      const page = await x.openAdmin(path);
      await page.setViewportSize({ width: 1280, height: 1000 });
      const [moving] = [...numbers.entries()].filter(([no]) => control.order(no)?.items.every((i) => i.status === 'd1'));
      const grouped = formatRegiNo(moving![1]);
      await page.locator(`td.order-no [data-epg-badge] .epg-badge__no[title="${grouped}"]`).waitFor({ timeout: 15_000 });
      const seen = await badgesOn(page);
      const firstRows = await page.evaluate(
        (sel) => Array.from(document.querySelectorAll(sel)).map((b) => !!b.closest('tr')!.querySelector('td.order-no')),
        CHECKBOX,
      );
      expect(seen.map((b) => b.place)).toEqual(firstRows.map((first) => (first ? 'orderNo' : 'check')));
      // in the 주문번호 cell the number still reads unbroken
      const inOrderNo = seen.find((b) => b.orderNo === moving![0])!;
      expect(inOrderNo.drawn).toBe(grouped);
      expect(inOrderNo.numberLines).toBe(1);
      const [withCols, withoutCols] = await Promise.all([columns(page), columns(without)]);
      expect(withCols.all).toEqual(withoutCols.all);
      await page.locator('table.order-list').scrollIntoViewIfNeeded();
      await x.screenshot(page, 'row-badge_delivery_no-goods-column_1280', { fullPage: false });
      await page.close();
      await without.close();
    } finally {
      control.setGrid('delivery', null);
    }
  });

  it('hovering a warning icon names it; the number copies as its bare digits', async () => {
    const page = await x.openAdmin(LISTS[0]![1]);
    const [island] = [...numbers.entries()][0]!;
    const badge = page.locator(`tr:has(${CHECKBOX}[value^="${island}"]) [data-epg-badge]`).first();
    await badge.locator('.epg-badge__island').waitFor({ timeout: 15_000 });
    expect(await badge.locator('.epg-badge__island').getAttribute('title')).toBe(
      '도서산간 +3,000원 — 제주/도서산간 추가 요금 (우체국 접수 응답)',
    );
    expect(await badge.locator('.epg-badge__box').getAttribute('title')).toBe('대형 — 발급할 때 고른 박스 규격');
    // the words are there for a screen reader, not drawn in the row
    const sr = await badge.locator('.epg-badge__island .epg-sr').boundingBox();
    expect(sr!.width * sr!.height).toBeLessThanOrEqual(1);
    await badge.locator('.epg-badge__no').click(); // user-select: all selects the whole number
    expect(await page.evaluate(() => String(getSelection()))).toBe(numbers.get(island));
    await page.close();
  });
});
