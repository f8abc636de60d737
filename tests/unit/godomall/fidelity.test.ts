// Fidelity: the detail pages written by hand from the published godomall5 templates
// (tests/fixtures/godomall-templates/detail/, each citing its template and lines) against (1) our
// readers and (2) what our simulator serves for an order with the same values. The structure on the
// path to every element a selector uses (tags, ids, names, classes, nesting) must be the same, and
// the readers must read the same order from both. Fixtures saved from the simulator would only prove
// agreement with ourselves; these were written from the PHP.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readOrderDetail,
  readOrderItems,
  readCourierOptions,
  findEpostCourierSno,
  readOrderNo,
  hasOrderForm,
} from '../../../lib/godomall/order';
import { SEL } from '../../../lib/godomall/selectors';
import { readOperatorId } from '../../../lib/godomall/rows';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import type { SeedOrder } from '../../sandbox/godomall/model';
import { PARSERS } from './parsers';
import { path } from './dom-path';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/detail');
const real = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface ExpectedItem {
  sno: string;
  statusCode: string;
  goodsName: string;
  optionText: string;
  quantity: number;
  collect: 'pre' | 'later';
  deliveryMethodFl: string | null;
  invoiceCompanySno: number;
  invoiceNo: string;
}
const EXPECTED = JSON.parse(real('expected.json')) as Record<
  string,
  { items?: ExpectedItem[]; orderNo?: string; receiver?: Record<string, string | null> }
>;
const GRID = EXPECTED['inc_order_view_grid.html']!.items!;
const VIEW = EXPECTED['order_view.html']!;
const ORDER_NO = VIEW.orderNo!;

/** `중량 : 10kg` (as the template prints dt/dd) and our `중량: 10kg` are the same option. */
const opt = (s: string) => s.replace(/\s*:\s*/g, ': ');

/** The same order as the hand-written pages, for the simulator to render. */
function sampleOrder(): SeedOrder {
  const r = VIEW.receiver!;
  return {
    orderNo: ORDER_NO,
    orderDate: '2024-11-05 12:30:00',
    orderName: '홍길동',
    orderCellPhone: '010-1234-5678',
    receiverName: r.name!,
    receiverPhone: r.phoneDisplayed!,
    receiverCellPhone: r.cellPhoneDisplayed!,
    receiverZonecode: r.zonecode!,
    receiverZipcode: r.zipcode!,
    receiverAddress: r.address!,
    receiverAddressSub: r.addressSub!,
    orderMemo: r.orderMemo!,
    items: GRID.map((i) => ({
      sno: i.sno,
      goodsNm: i.goodsName,
      optionText: opt(i.optionText),
      goodsCnt: i.quantity,
      price: 10000,
      status: i.statusCode,
      deliverySno: i.collect === 'pre' ? 'd1' : 'd2',
      collect: i.collect,
      deliveryFee: 3000,
      supplier: '본사',
      gifts: [],
      invoiceCompanySno: i.invoiceCompanySno ? String(i.invoiceCompanySno) : '',
      invoiceNo: i.invoiceNo,
      deliveryMethodFl: i.deliveryMethodFl ?? 'delivery',
    })),
  };
}

/** What every goods-table selector of lib/godomall/order.ts meets, described by its path. */
function goodsTableShape(doc: Document) {
  const row = doc.querySelector(SEL.detailItemRow)!;
  const rowAttrs = Array.from(row.attributes)
    .map((a) => a.name)
    .sort();
  const hidden = Array.from(row.querySelectorAll('input[type=hidden]')).map((i) => (i.getAttribute('name') ?? '').replace(/\d+/g, 'N'));
  return {
    rowAttrs,
    rowId: (row.getAttribute('id') ?? '').replace(/\d+/g, 'N'),
    checkbox: path(row.querySelector('input[type=checkbox][name^="bundle[statusCheck]"]'), 'tr'),
    hidden,
    goodsLink: path(row.querySelector(SEL.detailGoodsLink), 'tr'),
    option: path(row.querySelector(SEL.detailOption), 'tr'),
    quantity: path(
      Array.from(row.querySelectorAll(SEL.detailQuantityStrong)).find((s) => s.parentElement?.parentElement === row) ?? null,
      'tr',
    ),
    courierSelect: path(doc.querySelector(SEL.courierSelect), 'body'),
  };
}

describe.each(PARSERS)('the hand-written template pages (%s)', (_name, parse) => {
  it('order_view.html: frmOrder, the receiver edit layer and the orderer are read as the template prints them', () => {
    const view = parse(real('order_view.html'));
    expect(hasOrderForm(view)).toBe(true);
    expect(readOrderNo(view)).toBe(ORDER_NO);
    expect(readOperatorId(view)).toBe((VIEW as unknown as { loggedInManager: { id: string } }).loggedInManager.id);
    const d = readOrderDetail(view, parse(real('inc_order_view_grid.html')));
    const r = VIEW.receiver!;
    expect(d).toMatchObject({
      orderNo: ORDER_NO,
      receiverName: r.name,
      receiverPhone: r.phone,
      receiverCellPhone: r.cellPhone,
      receiverZonecode: r.zonecode,
      receiverAddress: r.address,
      receiverAddressSub: r.addressSub,
      orderMemo: r.orderMemo,
    });
  });

  it.each(['inc_order_view_grid.html', 'inc_order_view_fixed.html', 'inc_order_view_single.html'])(
    '%s: every item read, none unreadable',
    (file) => {
      const doc = parse(real(file));
      const items = readOrderItems(doc);
      const want = EXPECTED[file]!.items!;
      expect(
        items.map((i) => ({
          sno: i.sno,
          status: i.status,
          goodsName: i.goodsName,
          optionText: i.optionText,
          quantity: i.quantity,
          collect: i.collectOnDelivery,
          invoiceNo: i.invoiceNo,
          unreadable: i.unreadable,
        })),
      ).toEqual(
        want.map((i) => ({
          sno: i.sno,
          status: i.statusCode,
          goodsName: i.goodsName,
          optionText: opt(i.optionText),
          quantity: i.quantity,
          collect: i.collect === 'later',
          invoiceNo: i.invoiceNo,
          unreadable: undefined,
        })),
      );
      for (const [item, w] of items.map((i, n) => [i, want[n]!] as const))
        if (w.deliveryMethodFl) expect(item.deliveryMethod).toBe(w.deliveryMethodFl);
      expect(findEpostCourierSno(readCourierOptions(doc))).toBe('12');
    },
  );
});

describe.each(PARSERS)('the simulator against the hand-written template pages (%s)', (_name, parse) => {
  let sandbox: GodomallSandbox;
  let get: (path: string, body?: URLSearchParams) => Promise<Document>;
  beforeAll(async () => {
    sandbox = await startGodomallSandbox({ orders: [sampleOrder()] });
    const f = await loginFetch(sandbox);
    get = async (path, body) =>
      parse(
        await (
          await f(
            sandbox.url + path,
            body ? { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {},
          )
        ).text(),
      );
  });
  afterAll(() => sandbox.close());
  const inc = () => get('/order/inc_order_view.php', new URLSearchParams({ orderNo: ORDER_NO, orderStatusMode: 'order' }));

  it('inc_order_view (grid): the same structure on the path to every element a selector uses', async () => {
    sandbox.control.setDetailLayout('grid');
    expect(goodsTableShape(await inc())).toEqual(goodsTableShape(parse(real('inc_order_view_grid.html'))));
  });

  it('inc_order_view (fixed columns): the same structure', async () => {
    sandbox.control.setDetailLayout('fixed');
    const ours = goodsTableShape(await inc());
    const theirs = goodsTableShape(parse(real('inc_order_view_fixed.html')));
    sandbox.control.setDetailLayout('grid');
    expect(ours).toEqual(theirs);
  });

  it('order_view: the same forms, hidden fields and receiver inputs', async () => {
    const shape = (doc: Document) => ({
      frmOrder: path(doc.querySelector(SEL.orderForm), 'body').split(' > ').pop(),
      hidden: Array.from(doc.querySelectorAll(`${SEL.orderForm} > input[type=hidden]`)).map((i) => i.getAttribute('name')),
      statusForm: path(doc.querySelector('form#frmOrderStatus'), 'body').split(' > ').pop(),
      tab: path(doc.querySelector('#tab-status-order'), '#tabOrderStatus'),
      // the order panel's anchor (order_view.php:135–138): the goods tabs inside frmOrder, after their section title
      goodsTabs: path(doc.querySelector(SEL.detailGoodsTabs), SEL.orderForm),
      goodsTitle: doc.querySelector(SEL.detailGoodsTabs)?.previousElementSibling?.className,
      operator: path(doc.querySelector(SEL.operatorHeader), 'body').split(' > ').pop(),
      receiver: [
        'receiverName',
        'receiverPhone',
        'receiverCellPhone',
        'receiverZonecode',
        'receiverZipcode',
        'receiverAddress',
        'receiverAddressSub',
        'orderMemo',
      ].map((k) => path(doc.querySelector(`[name="info[${k}]"]`), '.js-order-view-receiver-area')),
    });
    const theirs = shape(parse(real('order_view.html')));
    expect(theirs.goodsTabs).toMatch(/div#tabOrderStatus$/);
    expect(theirs.goodsTitle).toBe('table-title');
    expect(shape(await get(`/order/order_view.php?orderNo=${ORDER_NO}`))).toEqual(theirs);
  });

  it('the readers read the same order from the simulator as from the template pages', async () => {
    const pick = (d: ReturnType<typeof readOrderDetail>) => ({
      ...d,
      courierOptions: undefined,
      carriedFields: undefined,
      orderChannel: undefined, // the hand-written page leaves out the inline script
      items: d.items.map((i) => ({
        sno: i.sno,
        status: i.status,
        goodsName: i.goodsName,
        optionText: i.optionText,
        quantity: i.quantity,
        collect: i.collectOnDelivery,
        invoiceNo: i.invoiceNo,
        unreadable: i.unreadable,
      })),
    });
    const ours = readOrderDetail(await get(`/order/order_view.php?orderNo=${ORDER_NO}`), await inc());
    const theirs = readOrderDetail(parse(real('order_view.html')), parse(real('inc_order_view_grid.html')));
    const byStatus = (d: ReturnType<typeof pick>) => ({ ...d, items: [...d.items].sort((a, b) => a.sno.localeCompare(b.sno)) });
    expect(byStatus(pick(ours))).toEqual(byStatus(pick(theirs)));
  });
});
