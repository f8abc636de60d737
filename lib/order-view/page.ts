// What the order page's panel reads from the admin: the order's items as list rows, per goods tab.
// The page's own goods table is loaded by its script and never refreshed after our jobs write, so the
// panel asks for the tab itself, as order_view.php:1180–1212 does (POST ./inc_order_view.php with
// orderNo and orderStatusMode), and again after each job.
import { readCourierOptions, readOrderItems } from '../godomall/order';
import { orderBaseUrl } from '../godomall/pages';
import { FIELD } from '../godomall/selectors';
import { looksLikeLoginHtml } from '../godomall/session';
import { statusGroup } from '../godomall/statuses';
import type { CourierOption, ListRow, OrderItem, OrderTab } from '../godomall/types';

/**
 * The goods tab's items as the rows the list overlay works on (`orderNo||sno`, as the per-item lists
 * key them). The grid prints an item's courier as its saved sno; its name comes from the tab's own
 * courier select (inc_order_view.php:673–684), as the lists print it.
 */
export function itemRows(orderNo: string, items: readonly OrderItem[], couriers: readonly CourierOption[] = []): ListRow[] {
  return items
    .filter((i) => !i.isGift && i.sno)
    .map((i) => ({
      key: `${orderNo}||${i.sno}`,
      orderNo,
      sno: i.sno,
      statusGroup: statusGroup(i.status),
      status: i.status,
      courier: i.courier || (i.courierSno ? (couriers.find((c) => c.value === i.courierSno)?.text ?? '') : ''),
      invoiceNo: i.invoiceNo,
      courierSno: i.courierSno,
      deliveryMethod: i.deliveryMethod,
    }));
}

/** How the tab is fetched and parsed: the content script's own `fetch` and `DOMParser`, or a test's. */
export interface TabIo {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  parse: (html: string) => Document;
}

/** One goods tab of the order (주문내역 `order`, 반품내역 `back`, 교환내역 `exchange`), read with the operator's session. */
export async function fetchTabRows(pageUrl: string, orderNo: string, tab: OrderTab, io: TabIo, signal?: AbortSignal): Promise<ListRow[]> {
  const res = await io.fetch(`${orderBaseUrl(pageUrl)}inc_order_view.php`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: new URLSearchParams({ [FIELD.orderNo]: orderNo, [FIELD.orderStatusMode]: tab }).toString(),
    ...(signal ? { signal } : {}),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const html = await res.text();
  // an expired session answers with the login page: say so rather than show an order without items
  if (looksLikeLoginHtml(html)) throw new Error('고도몰 관리자 로그인이 만료되었습니다. 다시 로그인해 주세요.');
  const doc = io.parse(html);
  return itemRows(orderNo, readOrderItems(doc), readCourierOptions(doc));
}
