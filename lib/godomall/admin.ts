// The GodomallAdmin bound to one admin origin (shop or 공급사 admin) and its session cookie. Runs in
// the service worker (no DOMParser: the caller passes linkedom's) and in Node tests.
import type { GodomallAdmin, OrderDetail, StatusCode } from './types';
import { AdminWriteError, SessionExpiredError } from './types';
import { orderBaseUrl } from './pages';
import { looksLikeLoginHtml } from './session';
import { findEpostCourierSno, hasOrderForm, readCarriedFields, readOrderDetail } from './order';
import { assertWriteAccepted, clearInvoiceBody, invoiceChangeBody, statusChangeBody, statusDeliveryBody, type ItemRef } from './write';
import { FIELD, EPOST_COURIER_TEXT } from './selectors';

export interface GodomallAdminOptions {
  /** the admin origin, or any admin URL (a `/provider/…` URL selects the supplier admin) */
  origin: string;
  fetch?: typeof fetch;
  parseHtml: (html: string) => Document;
}

/** order_view.php printed no order (wrong number, or not this supplier's). */
export class OrderNotFoundError extends Error {
  override readonly name = 'OrderNotFoundError';
  constructor(readonly orderNo: string) {
    super(`고도몰 관리자에서 주문을 찾을 수 없습니다. (주문번호 ${orderNo})`);
  }
}

export interface GodomallAdminExt extends GodomallAdmin {
  /** the detail page's save: status + 우체국택배 + invoice of the items at once */
  saveInvoiceWithStatus(orderNo: string, invoiceNo: string, itemSnos: string[], to: StatusCode): Promise<void>;
  /** the 우체국택배 option value of this shop (read from the detail page) */
  epostCourierSno(orderNo: string): Promise<string>;
}

export function createGodomallAdmin(opts: GodomallAdminOptions): GodomallAdminExt {
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

  async function load(orderNo: string): Promise<{ detail: OrderDetail; goods: Document; carried: Array<[string, string]> }> {
    const view = opts.parseHtml(await request(`order_view.php?orderNo=${encodeURIComponent(orderNo)}`));
    if (!hasOrderForm(view)) throw new OrderNotFoundError(orderNo);
    const goods = opts.parseHtml(await request('inc_order_view.php', new URLSearchParams({ [FIELD.orderNo]: orderNo, [FIELD.orderStatusMode]: '' })));
    return { detail: readOrderDetail(view, goods), goods, carried: readCarriedFields(view) };
  }

  /** The order's real (non-gift) items, restricted to `itemSnos` when given; unknown snos refuse. */
  function pick(detail: OrderDetail, itemSnos?: string[]): ItemRef[] {
    const real = detail.items.filter((i) => !i.isGift);
    if (!itemSnos?.length) return real.map(({ sno, status }) => ({ sno, status }));
    return itemSnos.map((sno) => {
      const item = real.find((i) => i.sno === sno);
      if (!item) throw new AdminWriteError(`주문 ${detail.orderNo}에 상품주문번호 ${sno}가 없습니다.`);
      return { sno, status: item.status };
    });
  }

  function epostSno(goods: Document): string {
    const sno = findEpostCourierSno(goods);
    if (!sno) throw new AdminWriteError(`관리자의 배송 업체 목록에 「${EPOST_COURIER_TEXT}」가 없습니다. 배송 업체 설정을 확인해 주세요.`);
    return sno;
  }

  /** Posts a write, with the page's own hidden fields (those we don't set) sent back unchanged. */
  async function post(body: URLSearchParams, carried: Array<[string, string]>): Promise<void> {
    for (const [name, value] of carried) if (!body.has(name)) body.append(name, value);
    assertWriteAccepted(await request('order_ps.php', body), origin);
  }

  return {
    origin,
    fetchOrder: async (orderNo) => (await load(orderNo)).detail,
    async saveInvoice(orderNo, invoiceNo, itemSnos) {
      const { detail, goods, carried } = await load(orderNo);
      const items = pick(detail, itemSnos);
      await post(invoiceChangeBody(orderNo, items, epostSno(goods), invoiceNo), carried);
    },
    async clearInvoice(orderNo, itemSnos) {
      const { detail, carried } = await load(orderNo);
      await post(clearInvoiceBody(orderNo, pick(detail, itemSnos)), carried);
    },
    async changeStatus(orderNo, itemSnos, to) {
      // no items = the whole order (주문별), like saveInvoice
      const { detail, carried } = await load(orderNo);
      await post(statusChangeBody(orderNo, pick(detail, itemSnos), to), carried);
    },
    async saveInvoiceWithStatus(orderNo, invoiceNo, itemSnos, to) {
      const { detail, goods, carried } = await load(orderNo);
      await post(statusDeliveryBody(orderNo, pick(detail, itemSnos), to, epostSno(goods), invoiceNo), carried);
    },
    async epostCourierSno(orderNo) {
      return epostSno((await load(orderNo)).goods);
    },
  };
}
