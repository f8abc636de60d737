// The admin page's own facts the overlay checks: can this shop take a 우체국택배 number at all?
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courierListWarning } from '../../../lib/overlay/page';
import { linkedomParse } from '../godomall/parsers';
import { adminPages, type AdminPages } from './sandbox-html';

let pages: AdminPages;
beforeAll(async () => {
  pages = await adminPages();
});
afterAll(() => pages.close());

const page = async (path: string) => linkedomParse(await pages.html(path));

describe('the shop’s 배송 업체 list', () => {
  it('has 우체국택배: nothing to say; a list without invoice selects says nothing either', async () => {
    expect(courierListWarning(await page('/order/order_list_goods.php'))).toBeUndefined();
    expect(courierListWarning(await page('/order/order_list_pay.php'))).toBeUndefined();
  });

  it('lacks 우체국택배 (a real shop lists 한진, 경동, CJ … and no 우체국): the operator is told what to add where', async () => {
    pages.sandbox.control.setCouriers([
      { sno: '5', name: '한진택배' },
      { sno: '9', name: '경동택배' },
      { sno: '8', name: 'CJ대한통운' },
    ]);
    const warning = courierListWarning(await page('/order/order_list_goods.php'));
    expect(warning).toContain('배송 업체 관리');
    expect(warning).toContain('우체국택배');
  });
});
