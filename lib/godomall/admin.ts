// The GodomallAdmin bound to one admin (the shop's `/order/` pages or a supplier's `/provider/order/`
// pages) and its session cookie. Runs in the service worker (its pages read by the offscreen
// document: page-reader.ts) and in Node tests (read in place).
import type { GodomallAdmin, OrderDetail, OrderTab, StatusCode } from './types';
import { AdminWriteError, SessionExpiredError } from './types';
import { orderBaseUrl } from './pages';
import { looksLikeLoginHtml } from './session';
import { epostCourierOf } from './order';
import type { AdminPageReader } from './page-reader';
import { assertWriteAccepted, clearInvoiceBody, detailWriteBody, type ItemRef } from './write';
import { FIELD } from './selectors';

export interface GodomallAdminOptions {
  /** the admin origin, or any admin URL (a `/provider/…` URL selects the supplier admin) */
  origin: string;
  fetch?: typeof fetch;
  /** turns the fetched pages into data (page-reader.ts) */
  reader: AdminPageReader;
}

/** order_view.php printed no order (wrong number, or not this supplier's). */
export class OrderNotFoundError extends Error {
  override readonly name = 'OrderNotFoundError';
  constructor(readonly orderNo: string) {
    super(`고도몰 관리자에서 주문을 찾을 수 없습니다. (주문번호 ${orderNo})`);
  }
}

/**
 * order_view.php:1181–1199 and 1180–1212: each goods tab is POSTed for with its `orderStatusMode`:
 * `order` (주문내역: o p g d s, IncOrderViewController.php:48–53), `back` (반품내역: b, :157–160),
 * `exchange` (교환내역: e, :110–113), `exchangeAdd` (교환추가내역: z, :142–145 — the controller serves it
 * though order_view.php:138–206 links no tab to it). The rows are the same template (inc_order_view.php:90).
 */
const TAB_MODE: Record<OrderTab, string> = { order: 'order', back: 'back', exchange: 'exchange', exchangeAdd: 'exchangeAdd' };

export function createGodomallAdmin(opts: GodomallAdminOptions): GodomallAdmin {
  const origin = new URL(opts.origin).origin;
  const base = orderBaseUrl(opts.origin);
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);

  async function request(path: string, body?: URLSearchParams): Promise<string> {
    const res = await doFetch(base + path, {
      method: body ? 'POST' : 'GET',
      credentials: 'include',
      headers: body ? { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } : undefined,
      body: body?.toString(),
    });
    if (res.url && /\/base\/login\.php/.test(res.url)) throw new SessionExpiredError(origin);
    if (!res.ok) throw new Error(`고도몰 관리자 응답 오류 (HTTP ${res.status})`);
    const html = await res.text();
    if (looksLikeLoginHtml(html)) throw new SessionExpiredError(origin);
    return html;
  }

  async function fetchOrder(orderNo: string, tab: OrderTab = 'order'): Promise<OrderDetail> {
    // the page and its goods table are independent requests (order_view.php loads the table by ajax): asked together
    const [viewHtml, goodsHtml] = await Promise.all([
      request(`order_view.php?orderNo=${encodeURIComponent(orderNo)}`),
      request('inc_order_view.php', new URLSearchParams({ [FIELD.orderNo]: orderNo, [FIELD.orderStatusMode]: TAB_MODE[tab] })),
    ]);
    const order = await opts.reader.orderDetail(viewHtml, goodsHtml);
    if (!order) throw new OrderNotFoundError(orderNo);
    return order;
  }

  /** The order's real (non-gift) items, restricted to `itemSnos` when given; an unknown sno refuses. */
  function pick(order: OrderDetail, itemSnos?: string[]): ItemRef[] {
    const real = order.items.filter((i) => !i.isGift);
    const chosen = itemSnos?.length
      ? itemSnos.map((sno) => {
          const item = real.find((i) => i.sno === sno);
          if (!item) throw new AdminWriteError(`주문 ${order.orderNo}에 상품주문번호 ${sno}가 없습니다.`);
          return item;
        })
      : real;
    if (!chosen.length) throw new AdminWriteError(`주문 ${order.orderNo}의 주문내역에 상품이 없습니다.`);
    return chosen.map(({ sno, status, deliveryMethod, courierSno }) => ({ sno, status, deliveryMethod, courierSno }));
  }

  /** Posts a write, with the page's own hidden fields (those we don't set) sent back unchanged. */
  async function post(order: OrderDetail, body: URLSearchParams): Promise<void> {
    for (const [name, value] of order.carriedFields ?? []) if (!body.has(name)) body.append(name, value);
    assertWriteAccepted(await request('order_ps.php', body), origin);
  }

  return {
    origin,
    fetchOrder,
    async saveInvoice(order, invoiceNo, itemSnos) {
      const items = pick(order, itemSnos);
      const invoice = { courierSno: epostCourierOf(order), invoiceNo };
      await post(order, detailWriteBody(order.orderNo, items, { orderChannel: order.orderChannel, invoice }));
    },
    async clearInvoice(order, itemSnos) {
      await post(order, clearInvoiceBody(order.orderNo, pick(order, itemSnos)));
    },
    async courierList() {
      // order_list_goods.php (상품준비중) prints `invoiceCompanySno[<orderNo>]` selects of $deliveryCom,
      // the shop's courier list, on its rows (layout_order_goods_simple_list.php:541/548)
      const options = await opts.reader.courierList(await request('order_list_goods.php'));
      return options.length ? options : undefined;
    },
    async changeStatus(order, itemSnos, to: StatusCode) {
      // no items = the whole order (주문별), like saveInvoice
      await post(order, detailWriteBody(order.orderNo, pick(order, itemSnos), { orderChannel: order.orderChannel, status: to }));
    },
  };
}
