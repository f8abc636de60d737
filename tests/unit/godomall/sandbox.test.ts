import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { readListRows, readOperatorId } from '../../../lib/godomall/rows';
import { parseWriteAnswer } from '../../../lib/godomall/write';
import { isLoginPage } from '../../../lib/godomall/session';
import { linkedomParse } from './parsers';
import { SEED } from './expected';

let sandbox: GodomallSandbox;
let f: typeof fetch;
beforeAll(async () => {
  sandbox = await startGodomallSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.control.reset();
  f = await loginFetch(sandbox, 'lee');
});

const page = async (path: string, fetcher = f) => linkedomParse(await (await fetcher(sandbox.url + path)).text());
const post = async (form: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  const res = await f(`${sandbox.url}/order/order_ps.php`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return parseWriteAnswer(await res.text());
};

describe('godomall admin simulator', () => {
  it('answers every admin page and POST with the login page until logged in; the cookie is HttpOnly without SameSite', async () => {
    expect(isLoginPage(await page('/order/order_list_pay.php', fetch))).toBe(true);
    const res = await fetch(`${sandbox.url}/base/login_ps.php`, {
      method: 'POST',
      body: new URLSearchParams({ managerId: 'park', managerPw: 'x' }),
      redirect: 'manual',
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^GD5SESSID=[0-9a-f]+; Path=\/; HttpOnly$/);
    const withCookie = ((u: string, i: RequestInit = {}) => fetch(u, { ...i, headers: { cookie: cookie.split(';')[0]! } })) as typeof fetch;
    const doc = await page('/order/order_list_pay.php', withCookie);
    expect(isLoginPage(doc)).toBe(false);
    expect(readOperatorId(doc)).toBe('park');
    sandbox.control.expireSessions();
    expect(isLoginPage(await page('/order/order_list_pay.php', withCookie))).toBe(true);
  });

  it('escapes HTML in product names and cuts long names in lists', async () => {
    const html = await (await f(`${sandbox.url}/order/order_list_pay.php?pageNum=500`)).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; 양말 세트');
    expect(html).not.toContain('<img src=x');
    const goods = await (await f(`${sandbox.url}/order/order_list_goods.php?pageNum=500`)).text();
    expect(goods).toMatch(/\[무료배송\] 프리미엄[^<]*\.\.<\/a>/); // the goods link (title 상품명) holds the cut name
  });

  it('pages per ITEM with pageNum clamped to 10–500 and filters by keyword, status and dates', async () => {
    // OrderAdmin.php:1201-1203 / 1266-1269: LIMIT and 검색 count are over order items in both views
    const trs = (doc: Document) => doc.querySelectorAll('form#frmOrderStatus table.order-list > tbody > tr[data-mall-sno]').length;
    const items = SEED.reduce((n, o) => n + o.items.length, 0);
    const first = await page('/order/order_list_all.php?pageNum=5');
    expect(trs(first)).toBe(10);
    expect(first.querySelector('.table-header .pull-left strong.text-danger')?.textContent).toBe(String(items));
    const lastPage = Math.ceil(items / 10);
    expect(trs(await page(`/order/order_list_all.php?pageNum=10&page=${lastPage}`))).toBe(items - (lastPage - 1) * 10);
    expect(readListRows(await page(`/order/order_list_all.php?pageNum=10&page=${lastPage + 1}`))).toHaveLength(0);
    expect(new Set(readListRows(await page(`/order/order_list_all.php?keyword=${SEED[5]!.orderNo}`)).map((r) => r.orderNo))).toEqual(
      new Set([SEED[5]!.orderNo]),
    );
    const g5 = readListRows(await page('/order/order_list_goods.php?pageNum=500&view=orderGoods&orderStatus[]=g5'));
    expect(g5.length).toBeGreaterThan(0);
    expect(g5.every((r) => r.status === 'g5')).toBe(true);
    const day = SEED[0]!.orderDate.slice(0, 10);
    const sameDay = SEED.filter((o) => o.orderDate.startsWith(day)).reduce((n, o) => n + o.items.length, 0);
    expect(trs(await page(`/order/order_list_all.php?pageNum=500&treatDate[]=${day}&treatDate[]=${day}`))).toBe(sameDay);
  });

  it('shows the operator grid (reordered, without 주문번호) and renamed labels; the reader does not care', async () => {
    sandbox.control.setGrid('goods', ['status', 'invoice', 'check', 'goodsNm']);
    sandbox.control.setStatusLabel('g1', '출고준비');
    const doc = await page('/order/order_list_goods.php?pageNum=500');
    expect(Array.from(doc.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['처리상태', '송장번호', '', '주문상품']);
    expect(doc.querySelector('a[data-order-no]')).toBeNull();
    // the grouped layout prints the status as bare text; the per-item one wraps it in div[title] (perItem :575-580)
    expect(doc.querySelector('div[title="주문 상품별 주문 상태"]')).toBeNull();
    const perItem = await page('/order/order_list_goods.php?pageNum=500&view=orderGoods');
    expect(perItem.querySelector('div[title="주문 상품별 주문 상태"]')?.textContent).toBeTruthy();
    const rows = readListRows(doc);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => /^\d{16}$/.test(r.orderNo))).toBe(true);
    expect(doc.body.innerHTML).toContain('출고준비');
  });

  it('order_ps: status change and its refusals (empty status, nothing checked, claim in progress) change nothing', async () => {
    const o = SEED[0]!;
    expect(await post({ mode: 'combine_status_change', changeStatus: '', 'statusCheck[p][]': o.orderNo })).toMatchObject({ kind: 'error' });
    expect(await post({ mode: 'combine_status_change', changeStatus: 'g1' })).toMatchObject({ kind: 'error' });
    const claim = SEED[16]!;
    expect(await post({ mode: 'combine_status_change', changeStatus: 'g1', 'statusCheck[p][]': [o.orderNo, claim.orderNo] })).toMatchObject(
      {
        kind: 'error',
        message: expect.stringContaining('클레임'),
      },
    );
    expect(sandbox.control.order(o.orderNo)!.items[0]!.status).toBe('p1');
    expect(await post({ mode: 'combine_status_change', changeStatus: 'g1', 'statusCheck[p][]': o.orderNo })).toMatchObject({ kind: 'ok' });
    expect(sandbox.control.order(o.orderNo)!.items[0]!.status).toBe('g1');
  });

  it('order_ps: invoices through the grouped form (OrderAdmin::saveDeliveryOrderInvoice needs invoiceIndividualUnsetFl), unknown courier refused', async () => {
    const single = SEED[3]!; // g1
    const form = (courier: string, no: string, unset?: string) => ({
      mode: 'combine_invoice_change',
      'statusCheck[g][]': single.orderNo,
      [`invoiceCompanySno[${single.orderNo}]`]: courier,
      [`invoiceNo[${single.orderNo}]`]: no,
      ...(unset ? { [`invoiceIndividualUnsetFl[${single.orderNo}]`]: unset } : {}),
    });
    expect(await post(form('99', '123456', single.orderNo))).toMatchObject({ kind: 'error' });
    expect(await post(form('12', '6001234567890'))).toMatchObject({ kind: 'error' });
    expect(sandbox.control.order(single.orderNo)!.items[0]!.invoiceNo).toBe('');
    expect(await post(form('12', '6001234567890', single.orderNo))).toMatchObject({ kind: 'ok' });
    expect(sandbox.control.order(single.orderNo)!.items[0]!).toMatchObject({ invoiceCompanySno: '12', invoiceNo: '6001234567890' });
  });

  it('order_view.php alone has the receiver form but not the items; it loads them by POST ./inc_order_view.php', async () => {
    const html = await (await f(`${sandbox.url}/order/order_view.php?orderNo=${SEED[0]!.orderNo}`)).text();
    expect(html).toContain('name="info[receiverName]"');
    expect(html).not.toContain('id="statusCheck_');
    expect(html).toMatch(/open\('POST', '\.\/inc_order_view\.php'\)/);
    expect(html).toContain(`orderNo=${SEED[0]!.orderNo}&orderStatusMode=order`);
  });

  it('the control surface over HTTP: status by hand, order state, grid, reset', async () => {
    const o = SEED[1]!;
    const res = await fetch(`${sandbox.url}/__sandbox/status`, {
      method: 'POST',
      body: JSON.stringify({ orderNo: o.orderNo, status: 'd1' }),
    });
    expect(((await res.json()) as { items: Array<{ status: string }> }).items.map((i) => i.status)).toEqual(['d1']);
    const state = (await (await fetch(`${sandbox.url}/__sandbox/order?orderNo=${o.orderNo}`)).json()) as {
      items: Array<{ status: string }>;
    };
    expect(state.items[0]!.status).toBe('d1');
    await fetch(`${sandbox.url}/__sandbox/grid`, { method: 'POST', body: JSON.stringify({ list: 'all', columns: ['goodsNm', 'check'] }) });
    expect((await page('/order/order_list_all.php')).querySelectorAll('thead th')).toHaveLength(2);
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    expect(sandbox.control.order(o.orderNo)!.items[0]!.status).toBe('p1');
    const login = await fetch(`${sandbox.url}/__sandbox/login?operator=choi&redirect=/order/order_list_pay.php`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/order/order_list_pay.php');
  });

  it('the status settings page lists renamed and shop-defined statuses by code', async () => {
    const doc = await page('/policy/order_status.php');
    const g = Array.from(doc.querySelectorAll('table[data-status-group="g"] tr[data-status-code]')).map((tr) =>
      tr.getAttribute('data-status-code'),
    );
    expect(g).toEqual(['g1', 'g2', 'g3', 'g4', 'g5', 'g6']);
    expect(doc.querySelector('input[name="orderStatus[p1][user]"]')?.getAttribute('value')).toBe('결제확인');
  });
});
