import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { createGodomallAdmin, OrderNotFoundError } from '../../../lib/godomall/admin';
import { localReader } from '../../../lib/godomall/page-reader';
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
/** an order as read before the session expired */
const SAVED = {
  orderNo: ORDER,
  receiverName: '',
  receiverPhone: '',
  receiverCellPhone: '',
  receiverZonecode: '',
  receiverAddress: '',
  receiverAddressSub: '',
  orderMemo: '',
  orderName: '',
  orderCellPhone: '',
  items: [
    {
      sno: SEED[0]!.items[0]!.sno,
      goodsName: 'x',
      optionText: '',
      quantity: 1,
      status: 'p1',
      deliveryGroup: '1',
      collectOnDelivery: false,
      deliveryMethod: 'delivery',
      isGift: false,
      courier: '',
      courierSno: '',
      invoiceNo: '',
    },
  ],
};

describe.each(PARSERS)('createGodomallAdmin against the simulator (%s)', (_name, parseHtml) => {
  const admin = async (path = '') =>
    createGodomallAdmin({ origin: sandbox.url + path, fetch: await loginFetch(sandbox, 'kim'), reader: localReader(parseHtml) });

  it("reads the shop's 배송 업체 list from the 상품준비중 list, with or without 우체국택배", async () => {
    const a = await admin();
    const names = (await a.courierList())!.map((o) => o.text);
    expect(names).toContain('우체국택배');
    expect((await a.courierList())!.find((o) => o.text === '우체국택배')?.value).toBe('27');
    // a published shop's list: no 우체국택배 at all
    sandbox.control.setCouriers([
      { sno: '5', name: '한진택배' },
      { sno: '9', name: '경동택배' },
      { sno: '8', name: 'CJ대한통운' },
    ]);
    const without = (await a.courierList())!.map((o) => o.text);
    expect(without).toEqual(expect.arrayContaining(['한진택배', '경동택배', 'CJ대한통운']));
    expect(without).not.toContain('우체국택배');
    sandbox.control.expireSessions();
    await expect(a.courierList()).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('fetches an order: detail page + the goods table it loads afterwards', async () => {
    const d = await (await admin()).fetchOrder(SUPPLIERS.orderNo);
    expect(d.orderNo).toBe(SUPPLIERS.orderNo);
    expect(d.receiverName).toBe(SUPPLIERS.receiverName);
    expect(
      d.items
        .filter((i) => !i.isGift)
        .map((i) => i.sno)
        .sort(),
    ).toEqual(SUPPLIERS.items.map((i) => i.sno).sort());
  });

  it('saves 우체국택배 + invoice for the whole order without changing its status', async () => {
    const a = await admin();
    await a.saveInvoice(await a.fetchOrder(ORDER), '6001234567890');
    const o = sandbox.control.order(ORDER)!;
    expect(o.items.map((i) => [i.invoiceCompanySno, i.invoiceNo, i.status])).toEqual([['27', '6001234567890', 'p1']]);
    const back = await (await admin()).fetchOrder(ORDER);
    expect(back.items[0]).toMatchObject({ courier: '우체국택배', invoiceNo: '6001234567890' });
  });

  it('saves per item (상품별) and clears again', async () => {
    const a = await admin();
    const [first, second] = SUPPLIERS.items;
    const read = () => a.fetchOrder(SUPPLIERS.orderNo);
    await a.saveInvoice(await read(), '6001111111111', [second!.sno]);
    let o = sandbox.control.order(SUPPLIERS.orderNo)!;
    expect(o.items.map((i) => i.invoiceNo)).toEqual(['', '6001111111111', '']);
    await a.saveInvoice(await read(), '6002222222222', [first!.sno]);
    await a.clearInvoice(await read(), [second!.sno]);
    o = sandbox.control.order(SUPPLIERS.orderNo)!;
    expect(o.items.map((i) => [i.invoiceCompanySno, i.invoiceNo])).toEqual([
      ['27', '6002222222222'],
      ['', ''],
      ['', ''],
    ]);
  });

  it('changes the status of the given items only, whatever their status group', async () => {
    const a = await admin();
    await a.changeStatus(await a.fetchOrder(MIXED.orderNo), [MIXED.items[0]!.sno, MIXED.items[2]!.sno], 'g1');
    expect(sandbox.control.order(MIXED.orderNo)!.items.map((i) => i.status)).toEqual(['g1', 'g1', 'g1']);
    await a.changeStatus(await a.fetchOrder(MIXED.orderNo), [], 'd1'); // no items = the whole order
    expect(sandbox.control.order(MIXED.orderNo)!.items.map((i) => i.status)).toEqual(['d1', 'd1', 'd1']);
  });

  it('a refused write (claim in progress) raises AdminWriteError with the admin message and changes nothing', async () => {
    const a = await admin();
    const err = await a.changeStatus(await a.fetchOrder(CLAIM), [], 'g1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminWriteError);
    expect((err as AdminWriteError).adminMessage).toContain('클레임');
    expect(sandbox.control.order(CLAIM)!.items.map((i) => i.status)).toEqual(['p1']);
  });

  it('refuses an unknown status and an unknown item without writing', async () => {
    const a = await admin();
    const order = await a.fetchOrder(ORDER);
    await expect(a.changeStatus(order, [], 'x9')).rejects.toBeInstanceOf(AdminWriteError);
    await expect(a.saveInvoice(order, '6001234567890', ['99999'])).rejects.toBeInstanceOf(AdminWriteError);
    expect(sandbox.control.order(ORDER)!.items[0]).toMatchObject({ status: 'p1', invoiceNo: '' });
  });

  it('a shop without 우체국택배 in its courier list: a Korean reason saying where to add it, nothing written', async () => {
    sandbox.control.setCouriers([
      { sno: '8', name: 'CJ대한통운' },
      { sno: '3', name: '등기/소포' },
      { sno: '30', name: '방문수령' },
    ]);
    const a = await admin();
    const err = await a.saveInvoice(await a.fetchOrder(ORDER), '6001234567890').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdminWriteError);
    expect((err as Error).message).toContain('배송 업체 관리');
    expect(sandbox.control.order(ORDER)!.items[0]!.invoiceNo).toBe('');
  });

  it('reads the older fixed-column goods table and an operator grid without 처리상태/송장번호 columns', async () => {
    const a = await admin();
    await a.saveInvoice(await a.fetchOrder(ORDER), '6001234567890');
    sandbox.control.setDetailLayout('fixed');
    let d = await a.fetchOrder(MIXED.orderNo);
    expect(d.items.map((i) => [i.sno, i.status, i.quantity, i.unreadable])).toEqual(
      MIXED.items.map((i) => [i.sno, i.status, i.goodsCnt, undefined]),
    );
    expect(d.items.map((i) => i.goodsName)).toEqual(MIXED.items.map((i) => i.goodsNm));
    sandbox.control.setDetailLayout('grid', ['orderGoodsNm', 'goodsCnt', 'check', 'deliveryCharge']);
    d = await a.fetchOrder(ORDER);
    expect(d.items[0]).toMatchObject({
      sno: SEED[0]!.items[0]!.sno,
      status: 'p1',
      quantity: SEED[0]!.items[0]!.goodsCnt,
      courierSno: '27',
    });
  });

  it('detects an expired session on reads and writes, and writes nothing', async () => {
    const a = await admin();
    sandbox.control.expireSessions();
    await expect(a.fetchOrder(ORDER)).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(
      a.saveInvoice({ ...SAVED, courierOptions: [{ value: '27', text: '우체국택배' }] }, '6001234567890'),
    ).rejects.toBeInstanceOf(SessionExpiredError);
    expect(sandbox.control.order(ORDER)!.items[0]!.invoiceNo).toBe('');
  });

  it('works in the supplier admin and reports orders it cannot see', async () => {
    const a = await admin('/provider/order/order_list_goods.php');
    sandbox.requests.length = 0;
    const d = await a.fetchOrder(SUPPLIERS.orderNo);
    const own = SUPPLIERS.items.filter((i) => i.supplier === '(주)한빛물산').map((i) => i.sno);
    expect(d.items.filter((i) => !i.isGift).map((i) => i.sno)).toEqual(own);
    // every read and write stays under /provider/order/
    await a.saveInvoice(d, '6004444444444');
    expect(
      sandbox.control
        .order(SUPPLIERS.orderNo)!
        .items.filter((i) => i.invoiceNo === '6004444444444')
        .map((i) => i.sno),
    ).toEqual(own);
    expect(sandbox.requests.length).toBeGreaterThan(2);
    expect(sandbox.requests.filter((r) => !r.includes(' /provider/order/'))).toEqual([]);
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

  it("sends the page's unknown hidden fields back with every write, so the admin accepts it", async () => {
    const admin = createGodomallAdmin({ origin: tokenShop.url, fetch: await loginFetch(tokenShop, 'kim'), reader: localReader(parseHtml) });
    await admin.saveInvoice(await admin.fetchOrder(ORDER), '6001234567890');
    await admin.changeStatus(await admin.fetchOrder(ORDER), [], 'g1');
    expect(tokenShop.control.order(ORDER)!.items.map((i) => [i.invoiceNo, i.status])).toEqual([['6001234567890', 'g1']]);
  });

  it('the same write without the token is refused by that admin (the simulator really checks it)', async () => {
    const fetchIn = await loginFetch(tokenShop, 'kim');
    const res = await fetchIn(`${tokenShop.url}/order/order_ps.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        mode: 'combine_status_change',
        changeStatus: 'g1',
        'statusCheck[p][]': `${ORDER}||${SEED[0]!.items[0]!.sno}`,
      }).toString(),
    });
    expect(await res.text()).toContain('보안 토큰이 올바르지 않습니다');
    expect(tokenShop.control.order(ORDER)!.items[0]!.status).toBe('p1');
  });
});
