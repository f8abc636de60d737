import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { fetchAllSearchRows } from '../../../lib/godomall/search';
import { SessionExpiredError } from '../../../lib/godomall/types';
import { linkedomParse } from './parsers';

let sandbox: GodomallSandbox;
beforeAll(async () => {
  sandbox = await startGodomallSandbox({ rows: 1200 });
});
afterAll(() => sandbox.close());

describe('fetchAllSearchRows (「검색된 … 일괄」)', () => {
  it('re-requests the current search with pageNum=500 over every page, each row once', async () => {
    const f = await loginFetch(sandbox);
    const requested: string[] = [];
    const fetchDoc = async (url: string) => {
      requested.push(url);
      return linkedomParse(await (await f(url)).text());
    };
    const rows = await fetchAllSearchRows(`${sandbox.url}/order/order_list_pay.php?view=orderGoods&pageNum=20&page=3`, fetchDoc);
    const expected = sandbox.control.orders().flatMap((o) => o.items.filter((i) => i.status.startsWith('p')).map((i) => i.sno));
    expect(expected.length).toBeGreaterThan(1000);
    expect(rows.map((r) => r.sno).sort()).toEqual(expected.sort());
    expect(requested.every((u) => new URL(u).searchParams.get('pageNum') === '500')).toBe(true);
    expect(requested.map((u) => new URL(u).searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('stops at the first page that adds no row: an admin answering every page alike is not read to its 200th page', async () => {
    const f = await loginFetch(sandbox);
    const requested: string[] = [];
    // whatever page is asked, page 1, with a pagination always pointing one page further
    const fetchDoc = async (url: string) => {
      requested.push(url);
      const next = Number(new URL(url).searchParams.get('page')) + 1;
      const first = new URL(url);
      first.searchParams.set('page', '1');
      const html = (await (await f(first.toString())).text()).replace(
        '</body>',
        `<ul class="pagination"><li><a href="?page=${next}">${next}</a></li></ul></body>`,
      );
      return linkedomParse(html);
    };
    const rows = await fetchAllSearchRows(`${sandbox.url}/order/order_list_pay.php?pageNum=20`, fetchDoc);
    expect(rows.length).toBe(500); // godomall's largest page (pageNum=500), each row once
    expect(requested).toHaveLength(2);
  });

  it('keeps the operator filters and stops at an expired session', async () => {
    const f = await loginFetch(sandbox);
    const fetchDoc = async (url: string) => linkedomParse(await (await f(url)).text());
    const rows = await fetchAllSearchRows(`${sandbox.url}/order/order_list_all.php?orderStatus[]=g5&pageNum=10`, fetchDoc);
    const expected = sandbox.control.orders().filter((o) => o.items.some((i) => i.status === 'g5'));
    // 주문통합 has a row per item (layout_order_goods_simple_list.php:79-83): the orders are the distinct numbers
    expect([...new Set(rows.map((r) => r.orderNo))].sort()).toEqual(expected.map((o) => o.orderNo).sort());
    sandbox.control.expireSessions();
    await expect(fetchAllSearchRows(`${sandbox.url}/order/order_list_all.php`, fetchDoc)).rejects.toBeInstanceOf(SessionExpiredError);
  });
});
