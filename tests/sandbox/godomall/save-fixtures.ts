// Regenerates tests/fixtures/godomall/*.html from the simulator: `npx tsx tests/sandbox/godomall/save-fixtures.ts`
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startGodomallSandbox } from './server';
import { loginFetch } from './login-fetch';
import { sampleOrders } from './sample-orders';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall');

/** Reordered, trimmed grids as operators save them (조회항목 설정). */
export const REORDERED_GRID = 'receiver,status,invoice,goodsNm,check,orderDt,goodsSno';
export const NO_KEYS_GRID = 'goodsNm,status,check,settlePrice';

/** name → path under the admin (shop admin unless it starts with /provider). */
export const FIXTURE_PAGES: Record<string, string> = {
  'list_all.html': '/order/order_list_all.php?pageNum=500',
  'list_all_orderGoods.html': '/order/order_list_all.php?pageNum=500&view=orderGoods',
  'list_pay.html': '/order/order_list_pay.php?pageNum=500',
  'list_pay_orderGoods.html': '/order/order_list_pay.php?pageNum=500&view=orderGoods',
  'list_goods.html': '/order/order_list_goods.php?pageNum=500',
  'list_goods_orderGoods.html': '/order/order_list_goods.php?pageNum=500&view=orderGoods',
  'list_goods_reordered.html': `/order/order_list_goods.php?pageNum=500&view=orderGoods&grid=${REORDERED_GRID}`,
  'list_delivery_reordered.html': `/order/order_list_delivery.php?pageNum=500&grid=${REORDERED_GRID}`,
  'list_pay_no_keys.html': `/order/order_list_pay.php?pageNum=500&grid=${NO_KEYS_GRID}`,
  'list_delivery.html': '/order/order_list_delivery.php?pageNum=500',
  'list_delivery_ok.html': '/order/order_list_delivery_ok.php?pageNum=500',
  'list_all_page2.html': '/order/order_list_all.php?pageNum=10&page=2',
  'provider_list_goods.html': '/provider/order/order_list_goods.php?pageNum=500',
  'provider_list_all_orderGoods.html': '/provider/order/order_list_all.php?pageNum=500&view=orderGoods',
  'status_settings.html': '/policy/order_status.php',
};

export async function saveFixtures(outDir = OUT): Promise<string[]> {
  const sandbox = await startGodomallSandbox({ operatorId: 'shopadmin' });
  try {
    const f = await loginFetch(sandbox);
    await mkdir(outDir, { recursive: true });
    const written: string[] = [];
    const save = async (name: string, html: string) => {
      await writeFile(join(outDir, name), html.replaceAll(sandbox.url, 'http://gdadmin.myshop.godomall.com'));
      written.push(name);
    };
    for (const [name, path] of Object.entries(FIXTURE_PAGES)) await save(name, await (await f(sandbox.url + path)).text());
    // detail pages: order_view.php alone, and the goods table it loads afterwards
    const seed = sampleOrders();
    const details = { html: 0, longName: 3, oldZip: 8, noZip: 9, address: 10, suppliers: 13, safeNumber: 14, mixed: 15 };
    for (const [label, index] of Object.entries(details)) {
      const orderNo = seed[index]!.orderNo;
      await save(`order_view_${label}.html`, await (await f(`${sandbox.url}/order/order_view.php?orderNo=${orderNo}`)).text());
      const inc = await f(`${sandbox.url}/order/inc_order_view.php`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ orderNo, orderStatusMode: 'order' }),
      });
      await save(`inc_order_view_${label}.html`, await inc.text());
    }
    await save(
      'provider_inc_order_view_suppliers.html',
      await (
        await f(`${sandbox.url}/provider/order/inc_order_view.php`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ orderNo: seed[13]!.orderNo, orderStatusMode: '' }),
        })
      ).text(),
    );
    // the claim lists: shipped orders the customers send back (반품접수, 반품보류) or exchange (교환접수)
    const delivered = seed.filter((o) => o.items.every((i) => i.status.startsWith('d')));
    const claims: Array<[number, string]> = [
      [0, 'b1'],
      [1, 'b1'],
      [2, 'b3'],
      [3, 'e1'],
    ];
    for (const [index, status] of claims) sandbox.control.setStatus(delivered[index]!.orderNo, status);
    await save('list_back.html', await (await f(`${sandbox.url}/order/order_list_back.php?pageNum=500`)).text());
    await save('list_exchange.html', await (await f(`${sandbox.url}/order/order_list_exchange.php?pageNum=500`)).text());
    const back = delivered[0]!.orderNo;
    const backTab = await f(`${sandbox.url}/order/inc_order_view.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ orderNo: back, orderStatusMode: 'back' }),
    });
    await save('inc_order_view_back.html', await backTab.text());
    // 교환추가: an exchange whose replacement item was added to the order (e1 + a new z2 item)
    const exchanged = delivered[4]!;
    sandbox.control.exchange(exchanged.orderNo, [exchanged.items[0]!.sno]);
    await save('list_exchange_add.html', await (await f(`${sandbox.url}/order/order_list_exchange_add.php?pageNum=500`)).text());
    const addTab = await f(`${sandbox.url}/order/inc_order_view.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ orderNo: exchanged.orderNo, orderStatusMode: 'exchangeAdd' }),
    });
    await save('inc_order_view_exchange_add.html', await addTab.text());
    await save('login.html', await (await fetch(`${sandbox.url}/order/order_list_all.php`)).text());
    return written;
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = await saveFixtures();
  console.log(`saved ${names.length} fixtures to ${OUT}`);
}
