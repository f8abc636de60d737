import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readListRows, readListRowsWithElements, badgeCell, readOperatorId } from '../../../lib/godomall/rows';
import { PARSERS, fixture } from './parsers';
import { SEED, expectedRows } from './expected';
import { normSpace } from '../../../lib/godomall/dom';
import type { ListKind } from '../../sandbox/godomall/model';

const strip = (rows: ReturnType<typeof readListRows>) =>
  rows.map((r) => ({
    key: r.key,
    orderNo: r.orderNo,
    ...(r.sno ? { sno: r.sno } : {}),
    status: r.status,
    courier: r.courier,
    invoiceNo: r.invoiceNo,
  }));

const CASES: Array<[string, ListKind, 'order' | 'orderGoods', boolean]> = [
  ['list_all.html', 'all', 'order', false],
  ['list_all_orderGoods.html', 'all', 'orderGoods', false],
  ['list_pay.html', 'pay', 'order', false],
  ['list_pay_orderGoods.html', 'pay', 'orderGoods', false],
  ['list_pay_no_keys.html', 'pay', 'order', false],
  ['list_goods.html', 'goods', 'order', false],
  ['list_goods_orderGoods.html', 'goods', 'orderGoods', false],
  ['list_goods_reordered.html', 'goods', 'orderGoods', false],
  ['list_delivery.html', 'delivery', 'order', false],
  ['list_delivery_reordered.html', 'delivery', 'order', false],
  ['list_delivery_ok.html', 'delivery_ok', 'order', false],
  ['provider_list_goods.html', 'goods', 'order', true],
  ['provider_list_all_orderGoods.html', 'all', 'orderGoods', true],
];

describe.each(PARSERS)('readListRows (%s)', (_name, parse) => {
  it.each(CASES)('%s: every row with its key, status and invoice', (file, list, view, provider) => {
    const rows = readListRows(parse(fixture(file)));
    const expected = expectedRows(list, view, provider);
    expect(rows.length).toBeGreaterThan(0);
    expect(strip(rows)).toEqual(expected);
  });

  it('reads the group letter from the checkbox name, not from labels (renamed p1, shop-defined g5)', () => {
    const rows = readListRows(parse(fixture('list_goods_orderGoods.html')));
    expect(new Set(rows.map((r) => r.statusGroup))).toEqual(new Set(['g']));
    expect(rows.some((r) => r.status === 'g5')).toBe(true);
    const pay = readListRows(parse(fixture('list_pay.html')));
    expect(pay.every((r) => r.statusGroup === 'p' && r.status === 'p1')).toBe(true);
  });

  it('treats a CJ-preselected empty row as having no invoice, and reads hand-typed 우체국택배 numbers', () => {
    const rows = readListRows(parse(fixture('list_goods.html')));
    const typed = rows.find((r) => r.invoiceNo === '6012345678901');
    expect(typed).toMatchObject({ courier: '우체국택배', courierSno: '12' });
    const empty = rows.filter((r) => r.invoiceNo === '');
    expect(empty.length).toBeGreaterThan(3);
    expect(empty.every((r) => r.courier !== '우체국택배')).toBe(true);
  });

  it("reads the 수령자 column when the grid has one, on each order's first row; never guesses without it", () => {
    const byOrder = new Map(SEED.map((o) => [o.orderNo, normSpace(o.receiverName)]));
    for (const file of ['list_all.html', 'list_goods.html', 'list_goods_orderGoods.html', 'list_delivery_reordered.html']) {
      const rows = readListRows(parse(fixture(file)));
      const named = rows.filter((r) => r.receiverName !== undefined);
      expect(new Set(named.map((r) => r.orderNo)).size, file).toBe(new Set(rows.map((r) => r.orderNo)).size);
      for (const r of named) expect(r.receiverName, `${file} ${r.orderNo}`).toBe(byOrder.get(r.orderNo));
    }
    // the 결제완료 list's default grid has no 수령자 column: no names, not another column's text
    expect(readListRows(parse(fixture('list_pay.html'))).some((r) => r.receiverName !== undefined)).toBe(false);
  });

  it('spans rowspans: each checkbox row covers all its item rows', () => {
    const doc = parse(fixture('list_goods.html'));
    const withEls = readListRowsWithElements(doc);
    const totalTrs = doc.querySelectorAll('table.order-list > tbody > tr').length; // not the 주문상품 cells' own tables
    expect(withEls.reduce((n, r) => n + r.trs.length, 0)).toBe(totalTrs);
    const multi = withEls.find((r) => r.trs.length > 1);
    expect(multi?.trs.every((tr) => tr.tagName === 'TR')).toBe(true);
  });

  it('finds a badge cell inside the row and the operator id', () => {
    const doc = parse(fixture('list_goods_reordered.html'));
    for (const { trs } of readListRowsWithElements(doc)) {
      const { cell, place } = badgeCell(trs[0]!);
      expect(cell.tagName).toBe('TD');
      expect(cell.parentElement).toBe(trs[0]);
      // the reordered grid keeps 주문상품: the badge goes to its (outer) cell, not the nested table's
      expect(place).toBe('goods');
      expect(cell.querySelector('a[title="상품명"]')).not.toBeNull();
    }
    expect(readOperatorId(doc)).toBe('shopadmin');
    expect(readListRows(parse(fixture('login.html')))).toEqual([]);
  });
});

describe.each(PARSERS)('badgeCell on the hand-written template pages (%s)', (_name, parse) => {
  const template = (name: string) =>
    parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/list', name), 'utf8'));
  const places = (doc: Document) => readListRowsWithElements(doc).map(({ trs }) => badgeCell(trs[0]!));
  /** What the operator's 조회항목 설정 does to a column: its cells are not printed at all. */
  const dropColumn = (doc: Document, cellOf: (tr: Element) => Element | undefined) => {
    for (const tr of Array.from(doc.querySelectorAll('table.order-list > tbody > tr'))) cellOf(tr)?.remove();
  };
  const goodsCell = (tr: Element) => (badgeCell(tr).place === 'goods' ? badgeCell(tr).cell : undefined);

  it('the 주문상품 cell of every row, in both views (its outer cell, never the nested table)', () => {
    for (const name of ['pay.html', 'pay_orderGoods.html', 'goods.html', 'delivery.html', 'pay_reordered.html']) {
      const found = places(template(name));
      expect(found.length, name).toBeGreaterThan(0);
      for (const { cell, place } of found) {
        expect(place, name).toBe('goods');
        expect(cell.classList.contains('text-left'), name).toBe(true);
        expect(cell.parentElement?.parentElement?.parentElement?.matches('table.order-list'), name).toBe(true);
      }
    }
  });

  it("without 주문상품: the 주문번호 cell on an order's first row, else the checkbox cell", () => {
    const doc = template('pay.html');
    dropColumn(doc, goodsCell);
    const found = places(doc);
    // 결제완료 grouped: a box per item; the 주문번호 cell (rowspanned) sits on each order's first row only
    expect(found.map((f) => f.place)).toEqual(
      readListRowsWithElements(doc).map(({ trs }) => (trs[0]!.querySelector('td.order-no') ? 'orderNo' : 'check')),
    );
    expect(found.some((f) => f.place === 'orderNo') && found.some((f) => f.place === 'check')).toBe(true);
    for (const { cell, place } of found) if (place === 'check') expect(cell.querySelector('input[name^="statusCheck["]')).not.toBeNull();
    dropColumn(doc, (tr) => tr.querySelector(':scope > td.order-no') ?? undefined);
    expect(places(doc).every((f) => f.place === 'check')).toBe(true);
  });
});

describe.each(PARSERS)('page-level readers (%s)', (_name, parse) => {
  it('reads the shop labels by code', async () => {
    const { readStatusLabels } = await import('../../../lib/godomall/status-labels');
    const fromList = readStatusLabels(parse(fixture('list_pay.html')));
    expect(fromList).toMatchObject({ p1: '결제확인', g1: '상품준비중', g5: '포장완료', d1: '배송중' });
    const fromSettings = readStatusLabels(parse(fixture('status_settings.html')));
    expect(fromSettings).toMatchObject({ p1: '결제확인', g6: '출고대기(창고)', c4: '고객취소요청' });
  });
});
