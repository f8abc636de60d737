// The customers' 반품/교환 request lists (order_list_user_exchange.php?view=back|exchange): the reader on
// a page written by hand from the templates (tests/fixtures/godomall-templates/list/user_back.html, its
// comment cites the lines), and the simulator serving the same structure and answering a request.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUserClaimRows } from '../../../lib/godomall/user-claims';
import { SEL } from '../../../lib/godomall/selectors';
import { badgeCell } from '../../../lib/godomall/rows';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { PROVIDER_SUPPLIER } from '../../sandbox/godomall/model';
import { PARSERS } from './parsers';
import { path } from './dom-path';

const FIXTURE = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/list/user_back.html'),
  'utf8',
);

const facts = (doc: Document) =>
  readUserClaimRows(doc).map((r) => ({ orderNo: r.row.orderNo, sno: r.row.sno, status: r.row.status, handleNo: r.handleNo, open: r.open }));

describe.each(PARSERS)("the customers' request list written from the templates (%s)", (_name, parse) => {
  it('reads each requested item: its order, item, request, the item status and whether the request still waits', () => {
    expect(facts(parse(FIXTURE))).toEqual([
      { orderNo: '2412011010001111', sno: '3101', status: 'd2', handleNo: '7', open: true },
      { orderNo: '2412011010001111', sno: '3102', status: 'b1', handleNo: '8', open: false },
      { orderNo: '2412011010002222', sno: '3201', status: 'd2', handleNo: '9', open: false },
    ]);
  });

  it("puts a row's badge in its 주문상품 cell, rowspanned 주문번호 or not", () => {
    const rows = readUserClaimRows(parse(FIXTURE));
    expect(rows.map((r) => badgeCell(r.trs[0]!).place)).toEqual(['goods', 'goods', 'goods']);
  });
});

/** Where every element the reader and the badge meet sits, from the status form down. */
function shape(doc: Document) {
  const form = SEL.statusForm;
  const checkbox = doc.querySelector(`${form} ${SEL.rowCheckbox}`);
  const disabled = doc.querySelector(`${form} ${SEL.rowCheckbox}[disabled]`);
  return {
    header: [doc.querySelector(SEL.pageHeader)?.getAttribute('class'), path(doc.querySelector(`${SEL.pageHeader} h3`), SEL.pageHeader)],
    checkbox: path(checkbox, form),
    disabled: disabled?.getAttribute('disabled'),
    hidden: [
      ...new Set(
        Array.from(checkbox?.parentElement?.querySelectorAll('input[type=hidden]') ?? []).map((i) =>
          (i.getAttribute('name') ?? '').replace(/\d+/g, 'N').replace(/\|\|/g, '/'),
        ),
      ),
    ].sort(),
    keyParts: checkbox?.getAttribute('value')?.split('||').length,
    rowAttrs: Array.from(checkbox?.closest('tr')?.attributes ?? [])
      .map((a) => a.name)
      .sort(),
    goodsLink: path(doc.querySelector(`${form} ${SEL.rowGoodsLink}`), form),
    orderNoCell: path(doc.querySelector(`${form} ${SEL.orderNoCell} ${SEL.orderLink}`), form),
    accept: path(doc.querySelector(`${form} .table-action button.js-user-accept[data-status-mode=back]`), form),
  };
}

describe.each(PARSERS)("the simulator's customers' request lists (%s)", (_name, parse) => {
  let sandbox: GodomallSandbox;
  let get: (path: string) => Promise<Document>;
  beforeAll(async () => {
    sandbox = await startGodomallSandbox();
    const f = await loginFetch(sandbox);
    get = async (p) => parse(await (await f(sandbox.url + p)).text());
  });
  afterAll(() => sandbox.close());

  it('serves the structure of the hand-written page, and a request answered moves as godomall moves it', async () => {
    const delivered = sandbox.control.orders().filter((o) => o.items.every((i) => i.status === 'd2'));
    const [a, b] = delivered;
    const c = sandbox.control;
    c.requestClaim(a!.orderNo, a!.items[0]!.sno, 'b');
    c.requestClaim(b!.orderNo, b!.items[0]!.sno, 'b');
    c.requestClaim(b!.orderNo, b!.items.at(-1)!.sno, 'e'); // an exchange request: not on the 반품 page
    c.answerClaim(b!.orderNo, b!.items[0]!.sno, true);

    const page = await get('/order/order_list_user_exchange.php?view=back');
    expect(shape(page)).toEqual(shape(parse(FIXTURE)));
    const rows = facts(page);
    expect(rows.map((r) => [r.orderNo, r.sno, r.status, r.open])).toEqual(
      expect.arrayContaining([
        [a!.orderNo, a!.items[0]!.sno, 'd2', true],
        [b!.orderNo, b!.items[0]!.sno, 'b1', false], // accepted: 반품접수, no longer selectable
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(c.order(b!.orderNo)!.items[0]!.status).toBe('b1'); // it is now on the 반품 list, where its pickup is booked

    const exchange = facts(await get('/order/order_list_user_exchange.php?view=exchange'));
    expect(exchange.map((r) => r.open)).toEqual([true]);
    expect(facts(await get('/order/order_list_user_exchange.php'))).toEqual(exchange); // exchange is the default view
    expect(facts(await get('/order/order_list_user_exchange.php?view=refund'))).toEqual([]);
  });

  it("the supplier admin's twin lists the supplier's own items only", async () => {
    const c = sandbox.control;
    const theirs = c.orders().find((o) => o.items.some((i) => i.supplier === PROVIDER_SUPPLIER) && o.items.every((i) => !i.userHandle))!;
    const item = theirs.items.find((i) => i.supplier === PROVIDER_SUPPLIER)!;
    c.setStatus(theirs.orderNo, 'd2', [item.sno]);
    c.requestClaim(theirs.orderNo, item.sno, 'b');
    const shop = facts(await get('/order/order_list_user_exchange.php?view=back'));
    const provider = facts(await get('/provider/order/order_list_user_exchange.php?view=back'));
    expect(shop.map((r) => r.orderNo)).toContain(theirs.orderNo);
    expect(provider.map((r) => r.orderNo)).toEqual([theirs.orderNo]);
    expect(facts(await get('/provider/order/order_list_user_back.php'))).toEqual(provider);
  });
});
