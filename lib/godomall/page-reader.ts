// How the admin's fetched pages become data. Node tests parse in place (linkedom, happy-dom); the
// service worker has no DOMParser and asks the extension's offscreen document
// (lib/background/offscreen-reader.ts), which runs this same local reader on Chromium's own parser —
// so the worker does not load an HTML parser on every wake-up.
import type { CourierOption, OrderDetail } from './types';
import { hasOrderForm, readListCourierOptions, readOrderDetail } from './order';

export interface AdminPageReader {
  /** order_view.php + the inc_order_view.php goods table → the order; undefined when the page has no order form */
  orderDetail(viewHtml: string, goodsHtml: string): Promise<OrderDetail | undefined>;
  /** a list page → the courier options of its invoice selects (none when it shows none) */
  courierList(listHtml: string): Promise<CourierOption[]>;
}

export function localReader(parseHtml: (html: string) => Document): AdminPageReader {
  return {
    async orderDetail(viewHtml, goodsHtml) {
      const view = parseHtml(viewHtml);
      return hasOrderForm(view) ? readOrderDetail(view, parseHtml(goodsHtml)) : undefined;
    },
    async courierList(listHtml) {
      return readListCourierOptions(parseHtml(listHtml));
    },
  };
}
