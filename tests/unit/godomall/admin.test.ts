import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { createGodomallAdmin, OrderNotFoundError } from '../../../lib/godomall/admin';
import { AdminWriteError, SessionExpiredError } from '../../../lib/godomall/types';
import { PARSERS } from './parsers';
import { SEED } from './expected';

let sandbox: GodomallSandbox;
beforeAll(async () => {
  // a shop whose 우체국택배 option is not 12: the admin must read it from the page
  sandbox = await startGodomallSandbox({ epostCourierSno: '27' });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.control.reset());

const ORDER = SEED[0]!.orderNo; // one p1 item
const SUPPLIERS = SEED[13]!; // three items, three suppliers
const CLAIM = SEED[16]!.orderNo; // claim in progress
const MIXED = SEED[15]!; // p1, g1, g5

describe.each(PARSERS)('createGodomallAdmin against the simulator (%s)', (_name, parseHtml) => {
  const admin = async (path = '') => createGodomallAdmin({ origin: sandbox.url + path, fetch: await loginFetch(sandbox, 'kim'), parseHtml });

  it('fetches an order: detail page + the goods table it loads afterwards', async () => {
    const d = await (await admin()).fetchOrder(SUPPLIERS.orderNo);
    expect(d.orderNo).toBe(SUPPLIERS.orderNo);
    expect(d.receiverName).toBe(SUPPLIERS.receiverName);
    expect(d.items.filter((i) => !i.isGift).map((i) => i.sno)).toEqual(SUPPLIERS.items.map((i) => i.sno));
  });

  it('saves 우체국택배 + invoice for the whole order without changing its status', async () => {
    await (await admin()).saveInvoice(ORDER, '6001234567890');
    const o = sandbox.control.order(ORDER)!;
    expect(o.items.map((i) => [i.invoiceCompanySno, i.invoiceNo, i.status])).toEqual([['27', '6001234567890', 'p1']]);
    const back = await (await admin()).fetchOrder(ORDER);
    expect(back.items[0]).toMatchObject({ courier: '우체국택배', invoiceNo: '6001234567890' });
  });

  it('saves per item (상품별) and clears again', async () => {
    const a = await admin();
    const [first, second] = SUPPLIERS.items;
    await a.saveInvoice(SUPPLIERS.orderNo, '6001111111111', [second!.sno]);
    let o = sandbox.control.order(SUPPLIERS.orderNo)!;
    expect(o.items.map((i) => i.invoiceNo)).toEqual(['', '6001111111111', '']);
    await a.saveInvoice(SUPPLIERS.orderNo, '6002222222222', [first!.sno]);
    await a.clearInvoice(SUPPLIERS.orderNo, [second!.sno]);
    o = sandbox.control.order(SUPPLIERS.orderNo)!;
    expect(o.items.map((i) => [i.invoiceCompanySno, i.invoiceNo])).toEqual([['27', '6002222222222'], ['', ''], ['', '']]);
  });

  it('changes the status of the given items only, whatever their status group', async () => {
    const a = await admin();
    await a.changeStatus(MIXED.orderNo, [MIXED.items[0]!.sno, MIXED.items[2]!.sno], 'g1');
    expect(sandbox.control.order(MIXED.orderNo)!.items.map((i) => i.status)).toEqual(['g1', 'g1', 'g1']);
    await a.changeStatus(MIXED.orderNo, [], 'd1'); // no items = the whole order
    expect(sandbox.control.order(MIXED.orderNo)!.items.map((i) => i.status)).toEqual(['d1', 'd1', 'd1']);
  });

  it('a refused write (claim in progress) raises AdminWriteError with the admin message and changes nothing', async () => {
    const a = await admin();
    const err = await a.changeStatus(CLAIM, [], 'g1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminWriteError);
    expect((err as AdminWriteError).adminMessage).toContain('클레임');
    expect(sandbox.control.order(CLAIM)!.items.map((i) => i.status)).toEqual(['p1']);
  });

  it('refuses an unknown status and an unknown item without writing', async () => {
    const a = await admin();
    await expect(a.changeStatus(ORDER, [], 'x9')).rejects.toBeInstanceOf(AdminWriteError);
    await expect(a.saveInvoice(ORDER, '6001234567890', ['99999'])).rejects.toBeInstanceOf(AdminWriteError);
    expect(sandbox.control.order(ORDER)!.items[0]).toMatchObject({ status: 'p1', invoiceNo: '' });
  });

  it('saves status and invoice at once through the detail page form', async () => {
    await (await admin()).saveInvoiceWithStatus(MIXED.orderNo, '6003333333333', [MIXED.items[0]!.sno], 'g1');
    const item = sandbox.control.order(MIXED.orderNo)!.items[0]!;
    expect(item).toMatchObject({ status: 'g1', invoiceCompanySno: '27', invoiceNo: '6003333333333' });
  });

  it('detects an expired session on reads and writes, and writes nothing', async () => {
    const a = await admin();
    sandbox.control.expireSessions();
    await expect(a.fetchOrder(ORDER)).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(a.saveInvoice(ORDER, '6001234567890')).rejects.toBeInstanceOf(SessionExpiredError);
    expect(sandbox.control.order(ORDER)!.items[0]!.invoiceNo).toBe('');
  });

  it('works in the supplier admin and reports orders it cannot see', async () => {
    const a = await admin('/provider/order/order_list_goods.php');
    const d = await a.fetchOrder(SUPPLIERS.orderNo);
    expect(d.items.filter((i) => !i.isGift).map((i) => i.supplier)).toEqual(['(주)한빛물산']);
    await expect((await admin()).fetchOrder('0000000000000000')).rejects.toBeInstanceOf(OrderNotFoundError);
  });
});

describe.each(PARSERS)('an admin whose forms carry a hidden session token (%s)', (_name, parseHtml) => {
  let tokenShop: GodomallSandbox;
  beforeAll(async () => {
    tokenShop = await startGodomallSandbox({ formToken: true });
  });
  afterAll(() => tokenShop.close());
  beforeEach(() => tokenShop.control.reset());

  it('sends the page\'s unknown hidden fields back with every write, so the admin accepts it', async () => {
    const admin = createGodomallAdmin({ origin: tokenShop.url, fetch: await loginFetch(tokenShop, 'kim'), parseHtml });
    await admin.saveInvoice(ORDER, '6001234567890');
    await admin.changeStatus(ORDER, [], 'g1');
    expect(tokenShop.control.order(ORDER)!.items.map((i) => [i.invoiceNo, i.status])).toEqual([['6001234567890', 'g1']]);
  });

  it('the same write without the token is refused by that admin (the simulator really checks it)', async () => {
    const fetchIn = await loginFetch(tokenShop, 'kim');
    const res = await fetchIn(`${tokenShop.url}/order/order_ps.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ mode: 'combine_status_change', changeStatus: 'g1', 'statusCheck[p][]': `${ORDER}||${SEED[0]!.items[0]!.sno}` }).toString(),
    });
    expect(await res.text()).toContain('보안 토큰이 올바르지 않습니다');
    expect(tokenShop.control.order(ORDER)!.items[0]!.status).toBe('p1');
  });
});
