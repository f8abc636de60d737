// Fidelity of the order lists: pages written by hand from layout_order_goods_simple_list.php and
// layout_order_goods_list.php (tests/fixtures/godomall-templates/list/, FACTS.md cites every line)
// against (1) our row reader and (2) what our simulator serves for the same list and view. The
// simulator's seed is not the fixtures' three orders, so (2) compares the structure on the path to
// every element a reader uses, not values.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readListRows } from '../../../lib/godomall/rows';
import { lastPageOf } from '../../../lib/godomall/search';
import { SEL } from '../../../lib/godomall/selectors';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { PARSERS } from './parsers';
import { path } from './dom-path';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/list');
const real = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface ExpectedRow {
  key: string | null;
  orderNo: string;
  sno: number;
  statusCode: string;
  deliveryMethodFl: string;
  courierSno: number | null;
  courierText: string | null;
  invoiceNo: string | null;
}
interface ExpectedPage {
  url: string;
  view: string;
  searchCount: number;
  checkboxesPerOrder: boolean;
  rows: ExpectedRow[];
}
const PAGES = (JSON.parse(real('expected.json')) as { fixtures: Record<string, ExpectedPage> }).fixtures;

/** What a reader must make of a row the page shows: the courier only when a number goes with it, or a select shows one. */
function wanted(page: ExpectedPage) {
  return page.rows
    .filter((r) => r.key !== null)
    .map((r) => ({
      key: r.key!,
      orderNo: r.orderNo,
      ...(r.key!.includes('||') ? { sno: String(r.sno) } : {}),
      status: r.statusCode,
      deliveryMethod: r.deliveryMethodFl,
      courier: r.courierSno ? (r.courierText ?? '') : '',
      invoiceNo: r.invoiceNo ?? '',
    }));
}

describe.each(PARSERS)('the hand-written list pages (%s)', (_name, parse) => {
  it.each(Object.keys(PAGES))('%s: every checkbox row with its key, status, method and invoice', (file) => {
    const page = PAGES[file]!;
    const rows = readListRows(parse(real(file)));
    expect(
      rows.map((r) => ({
        key: r.key,
        orderNo: r.orderNo,
        ...(r.sno ? { sno: r.sno } : {}),
        status: r.status,
        deliveryMethod: r.deliveryMethod,
        courier: r.courier,
        invoiceNo: r.invoiceNo,
      })),
    ).toEqual(wanted(page));
    expect(lastPageOf(parse(real(file)))).toBe(1);
  });

  it('the grouped 결제완료/배송중 lists give a box per item, the grouped 상품준비중 list one per order', () => {
    for (const [file, page] of Object.entries(PAGES)) {
      const keys = readListRows(parse(real(file))).map((r) => r.key);
      expect(
        keys.every((k) => k.includes('||')),
        file,
      ).toBe(!page.checkboxesPerOrder);
    }
  });
});

/** Where every element the list reader meets sits, from the status form down. */
function listShape(doc: Document, opts: { inputs: boolean; trace: boolean; orderNo?: boolean }) {
  const form = SEL.statusForm;
  const checkbox = doc.querySelector(`${form} ${SEL.rowCheckbox}`);
  const hidden = checkbox
    ? Array.from(checkbox.parentElement!.querySelectorAll('input[type=hidden]')).map((i) =>
        (i.getAttribute('name') ?? '').replace(/\d+/g, 'N').replace(/\|\|/g, '/'),
      )
    : [];
  return {
    checkbox: path(checkbox, form),
    hidden: [...new Set(hidden)].sort(),
    rowAttrs: Array.from(checkbox?.closest('tr')?.attributes ?? [])
      .map((a) => a.name)
      .sort(),
    ...(opts.inputs
      ? {
          select: path(doc.querySelector(`${form} select[name^="invoiceCompanySno["]`), form),
          input: path(doc.querySelector(`${form} input[name^="invoiceNo["]`), form),
          blankOption: doc.querySelector(`${form} select[name^="invoiceCompanySno["] option[value="0"]`)?.textContent,
        }
      : {}),
    ...(opts.trace ? { trace: path(doc.querySelector(`${form} ${SEL.deliveryTrace}`), form) } : {}),
    pagination: path(doc.querySelector(`${SEL.pagination} li.active`), 'body'),
    // where the overlay puts a row's badge: the 주문상품 cell holding the goods link, else the 주문번호
    // cell (the per-item 결제완료 default grid has none: OrderAdminGrid.php:367–380)
    goodsLink: path(doc.querySelector(`${form} ${SEL.rowGoodsLink}`), form),
    ...(opts.orderNo ? { orderNoCell: path(doc.querySelector(`${form} ${SEL.orderNoCell}`), form) } : {}),
  };
}

describe.each(PARSERS)('the simulator against the hand-written list pages (%s)', (_name, parse) => {
  let sandbox: GodomallSandbox;
  let get: (path: string) => Promise<Document>;
  beforeAll(async () => {
    sandbox = await startGodomallSandbox();
    const f = await loginFetch(sandbox);
    get = async (p) => parse(await (await f(sandbox.url + p)).text());
    // the hand-written pages use the admin's default grids, which carry a 송장번호 column on these lists
    sandbox.control.setGrid('pay', ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsNm', 'settlePrice', 'invoice']);
  });
  afterAll(() => sandbox.close());

  const CASES: Array<[string, string, { inputs: boolean; trace: boolean; orderNo?: boolean }]> = [
    ['pay.html', '/order/order_list_pay.php', { inputs: false, trace: false, orderNo: true }],
    ['pay_orderGoods.html', '/order/order_list_pay.php?view=orderGoods', { inputs: false, trace: false }],
    ['goods.html', '/order/order_list_goods.php', { inputs: true, trace: false, orderNo: true }],
    ['goods_orderGoods.html', '/order/order_list_goods.php?view=orderGoods', { inputs: true, trace: false }],
    ['delivery.html', '/order/order_list_delivery.php', { inputs: false, trace: true, orderNo: true }],
  ];

  it.each(CASES)('%s: the same structure on the path to every element the reader uses', async (file, url, opts) => {
    expect(listShape(await get(url), opts)).toEqual(listShape(parse(real(file)), opts));
  });

  it('counts order items in both views, as the 검색 count of the template does', async () => {
    const count = (d: Document) => d.querySelector('.table-header .pull-left strong.text-danger')?.textContent?.trim();
    const grouped = await get('/order/order_list_pay.php?pageNum=500');
    const perItem = await get('/order/order_list_pay.php?pageNum=500&view=orderGoods');
    expect(count(grouped)).toBe(count(perItem));
    expect(Number(count(grouped))).toBe(readListRows(perItem).length);
    expect(count(parse(real('pay.html')))).toBe(String(PAGES['pay.html']!.searchCount));
  });
});
