// 묶음배송 on the order page: order_view.php:33–50 prints, for an order with a packet, a 「묶음배송」
// dropdown whose items are the packet's order numbers (`span.dropdown-item-val` in links to their
// order pages). Written here by hand from the template into the hand-written order page, and checked
// against the simulator's page: same path to the numbers, same reading.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrderDetail } from '../../../lib/godomall/order';
import { SEL } from '../../../lib/godomall/selectors';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { path } from './dom-path';
import { PARSERS } from './parsers';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/detail');
const real = (name: string) => readFileSync(join(DIR, name), 'utf8');

/** order_view.php:34–49 with two sample orders; the controller's list may include the order itself */
const DROPDOWN = `
                <div class="dropdown display-inline">
                    <button type="button" class="dropdown-toggle btn btn-sm btn-black" style="color: #FFFFFF !important; " data-toggle="dropdown" aria-haspopup="false" aria-expanded="false">묶음배송</button>
                    <ul class="dropdown-menu dropdown-packet-area" aria-labelledby="packetPresentation">
                        <li class="dropdown-packet-area-header">묶음배송 주문번호</li>
                        <li class="dropdown-item">
                            <a href="../order/order_view.php?orderNo=2411051230001234" target="_blank">
                                <span class="dropdown-item-val text-primary">2411051230001234</span>
                            </a>
                        </li>
                        <li class="dropdown-item">
                            <a href="../order/order_view.php?orderNo=2411051230005678" target="_blank">
                                <span class="dropdown-item-val text-primary">2411051230005678</span>
                            </a>
                        </li>
                    </ul>
                </div>`;

const withPacket = () => real('order_view.html').replace('<!-- 묶음배송 주문리스트 -->', `<!-- 묶음배송 주문리스트 -->${DROPDOWN}`);

let sandbox: GodomallSandbox;
beforeAll(async () => {
  sandbox = await startGodomallSandbox();
});
afterAll(() => sandbox.close());

describe.each(PARSERS)('묶음배송 on the order page (%s)', (_name, parse) => {
  const goods = parse(real('inc_order_view_grid.html'));

  it("reads the packet's other orders from the template's dropdown, and none without it", () => {
    expect(readOrderDetail(parse(withPacket()), goods).packetOrders).toEqual(['2411051230005678']);
    expect(readOrderDetail(parse(real('order_view.html')), goods).packetOrders).toBeUndefined();
  });

  it('the simulator prints it on the same path, and it reads the same', async () => {
    const [a, b] = sandbox.control.orders();
    sandbox.control.setPacket([a!.orderNo, b!.orderNo], 'PK0001');
    const fetchAs = await loginFetch(sandbox, 'kim');
    const html = await (await fetchAs(`${sandbox.url}/order/order_view.php?orderNo=${a!.orderNo}`)).text();
    sandbox.control.setPacket([a!.orderNo, b!.orderNo], '');
    const sim = parse(html);
    const hand = parse(withPacket());
    const within = (doc: Document) => path(doc.querySelector(SEL.packetOrderNos), 'div.panel-heading');
    expect(within(sim)).toBe(
      'div.display-inline.dropdown > ul.dropdown-menu.dropdown-packet-area > li.dropdown-item > a > span.dropdown-item-val.text-primary',
    );
    expect(within(sim)).toBe(within(hand));
    expect(readOrderDetail(sim, goods).packetOrders).toEqual([b!.orderNo]);
  });
});
