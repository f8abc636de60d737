// Where we are in the admin: pure URL predicates (tested with example URLs).
import type { AdminPageKind } from './types';

const LIST_PAGES: Record<string, AdminPageKind> = {
  'order_list_all.php': 'list-all',
  'order_list_order.php': 'list-order',
  'order_list_pay.php': 'list-pay',
  'order_list_goods.php': 'list-goods',
  'order_list_delivery.php': 'list-delivery',
  'order_list_delivery_ok.php': 'list-delivery-ok',
  'order_list_settle.php': 'list-settle',
  // the claim lists (OrderListBackController.php:31, OrderListExchangeController.php:31): the same row
  // template, layout_order_goods_list.php, inside form#frmOrderStatus (order_list_back.php:7–36)
  'order_list_back.php': 'list-back',
  'order_list_exchange.php': 'list-exchange',
  // 교환추가 (OrderListExchangeAddController.php:31, 71, 110, 125): statusMode z, the same row template
  // inside the same page template (order_list_exchange.php, setPageName), one row per item
  'order_list_exchange_add.php': 'list-exchange-add',
};

/**
 * The published tree's other pages about orders' parcels, which get no overlay, by why (issue 22): a
 * note on the page says so. `closed`: cancelled, refunded, failed or exchanged-away items are not
 * shipped; `userClaim`: a customer's 반품/교환 request is accepted in godomall (b1/e1) before a pickup can be
 * booked on the 반품/교환 list (its rows still show their pickups, userClaimListOf); `userRefund`: a
 * refund moves no parcel; `logistics`: the CJ대한통운
 * logistics service's list (logistics_config.php); `invoiceUpload`: the Excel invoice upload;
 * `godoPost`: godomall's own 우체국택배 service (post_issue/post_reserve/post_request.php), which would
 * register the same orders a second time.
 */
export type NotedPage = 'closed' | 'userClaim' | 'userRefund' | 'logistics' | 'invoiceUpload' | 'godoPost';

const NOTED_PAGES: Record<string, NotedPage> = {
  'order_list_cancel.php': 'closed',
  'order_list_refund.php': 'closed',
  'order_list_fail.php': 'closed',
  'order_list_exchange_cancel.php': 'closed',
  // the customers' requests are one page, order_list_user_exchange.php?view=exchange|back|refund
  // (layout_order_search_form.php:669–675; OrderListUserExchangeController.php:134–147 picks the template
  // order_list_user_exchange/_back/_refund.php by `view`, see userRequestOf); the supplier admin also has
  // order_list_user_back.php (Provider/Order/OrderListUserBackController.php:30, mode b)
  'order_list_user_back.php': 'userClaim',
  'order_list_user_exchange.php': 'userClaim',
  'order_list_user_refund.php': 'userRefund',
  'logistics_order_list_goods.php': 'logistics',
  'order_invoice.php': 'invoiceUpload',
  'post_issue.php': 'godoPost',
  'post_reserve.php': 'godoPost',
  'post_request.php': 'godoPost',
};

function toUrl(url: string | URL): URL | undefined {
  try {
    return typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
}

/** `/order/x.php` (shop admin) or `/provider/order/x.php` (공급사 admin). */
function orderPageName(u: URL): string | undefined {
  return /^\/(?:provider\/)?order\/([a-z_]+\.php)$/.exec(u.pathname)?.[1];
}

export function adminPageKind(url: string | URL): AdminPageKind {
  const u = toUrl(url);
  if (!u) return 'other';
  const page = orderPageName(u);
  if (!page) return 'other';
  if (page === 'order_view.php') return 'order-view';
  return LIST_PAGES[page] ?? 'other';
}

/**
 * Which customers' request a 고객 신청 관리 page lists: `?view=` back, exchange (also when absent,
 * OrderListUserExchangeController.php:74–75, the mode is the view's first letter) or refund.
 */
function userRequestOf(u: URL, page: string): 'b' | 'e' | 'r' | undefined {
  if (page === 'order_list_user_back.php') return 'b';
  if (page !== 'order_list_user_exchange.php') return undefined;
  const view = u.searchParams.get('view') ?? 'exchange';
  return view === 'back' ? 'b' : view === 'exchange' ? 'e' : view === 'refund' ? 'r' : undefined;
}

/** Why this page gets no overlay, when it is one of the published tree's other parcel pages. */
export function notedPageOf(url: string | URL): NotedPage | undefined {
  const u = toUrl(url);
  const page = u && orderPageName(u);
  if (!page) return undefined;
  return userRequestOf(u, page) === 'r' ? 'userRefund' : NOTED_PAGES[page];
}

/** The customers' 반품 (b) / 교환 (e) request list this page is; undefined elsewhere (환불 requests too). */
export function userClaimListOf(url: string | URL): 'b' | 'e' | undefined {
  const u = toUrl(url);
  const page = u && orderPageName(u);
  const mode = page ? userRequestOf(u, page) : undefined;
  return mode === 'r' ? undefined : mode;
}

export function isOrderListPage(url: string | URL): boolean {
  return adminPageKind(url).startsWith('list-');
}

/** The claim a claim list is about (반품 b, 교환 e); undefined on the other pages. */
export function claimListOf(url: string | URL): 'b' | 'e' | undefined {
  const kind = adminPageKind(url);
  return kind === 'list-back' ? 'b' : kind === 'list-exchange' ? 'e' : undefined;
}

/** The 교환추가 list: its rows are exchanges' replacement items, issued as 교환 재배송 parcels. */
export function isReshipList(url: string | URL): boolean {
  return adminPageKind(url) === 'list-exchange-add';
}

export function isOrderViewPage(url: string | URL): boolean {
  return adminPageKind(url) === 'order-view';
}

export function isProviderAdmin(url: string | URL): boolean {
  const u = toUrl(url);
  return !!u && u.pathname.startsWith('/provider/');
}

/** `?view=orderGoods` lists one row per item; every other view groups by order. */
/** The order pages' base URL for this page or origin: `<origin>/order/` or `<origin>/provider/order/`. */
export function orderBaseUrl(pageOrOrigin: string | URL): string {
  const u = toUrl(pageOrOrigin);
  if (!u) throw new Error(`잘못된 관리자 주소입니다: ${String(pageOrOrigin)}`);
  return `${u.origin}${u.pathname.startsWith('/provider/') ? '/provider/order/' : '/order/'}`;
}

/** The order detail page URL for an order, in the same admin (shop or supplier) as `pageOrOrigin`. */
export function orderViewUrl(pageOrOrigin: string | URL, orderNo: string): string {
  return `${orderBaseUrl(pageOrOrigin)}order_view.php?orderNo=${encodeURIComponent(orderNo)}`;
}
