// Every name and selector of the godomall5 admin markup the extension relies on, in one place
// (the published godomall5 templates, bluesky1478/godomall Asset/Admin/…; each entry cites its file and line). Never column positions and never Korean labels: operators reorder
// columns and rename statuses, but form names and structure stay.

/** Quote a value for an attribute selector (`[name="…"]`). */
export function attrValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const SEL = {
  // list pages
  searchForm: 'form#frmSearchOrder',
  statusForm: 'form#frmOrderStatus',
  tableAction: '.table-action',
  statusSelectTop: 'select#orderStatusTop',
  statusSelectBottom: 'select#orderStatusBottom',
  saveInvoiceButton: 'button.js-save-invoice',
  listTable: 'table.table.table-rows.order-list',
  checkAll: 'input.js-checkall[data-target-name=statusCheck]',
  /** one per order (grouped view) or per item (orderGoods view) */
  rowCheckbox: 'input[type=checkbox][name^="statusCheck["]',
  rowStatusHidden: 'input[type=hidden][name^="orderStatus["]',
  rowDeliveryMethodHidden: 'input[type=hidden][name^="deliveryMethodFl["]',
  orderLink: 'a[data-order-no]',
  /**
   * the goods name link of a row's 주문상품 cell (grid key `orderGoodsNm`, in every default grid, e.g.
   * OrderAdminGrid.php:322 결제완료): `<td class="text-left"><table><tr>…<td><a title="상품명">` — one cell
   * per item row, never rowspanned (layout_order_goods_simple_list.php:229–261, layout_order_goods_list.php:307–346)
   */
  rowGoodsLink: 'a[title="상품명"], a[title="추가상품명"]',
  /** the 주문번호 cell, on an order's first row and rowspanned over its items (simple :182–183, perItem :222–223) */
  orderNoCell: 'td.order-no',
  /** the status text cell; the label inside is per shop, the title is fixed */
  itemStatus: 'div[title="주문 상품별 주문 상태"]',
  /** 배송추적 button on lists without invoice inputs: delivery_trace('<companySno>','<invoiceNo>') */
  deliveryTrace: '[onclick*="delivery_trace("]',
  pagination: '.pagination',
  // detail page — Asset/Admin/order/order_view.php (bluesky1478/godomall)
  /** order_view.php:14 `<form id="frmOrder" name="frmOrder" action="./order_ps.php">` with `orderNo` (:16) */
  orderForm: 'form#frmOrder',
  /**
   * order_view.php:135–207 the 상품정보 section: its `div.table-title` (:135–137), then `div#tabOrderStatus`
   * (:138) with the goods tabs and their panes; printed for the supplier admin too (only two tabs are
   * `$isProvider`-gated, :143, :157). The order panel goes right after it.
   */
  detailGoodsTabs: 'div#tabOrderStatus',
  /** order_view.php:33–50 「묶음배송」 dropdown: each order of the packet as `span.dropdown-item-val` in a link */
  packetOrderNos: 'ul.dropdown-packet-area .dropdown-item-val',
  /**
   * inc_order_view.php:90 (grid layout) `<tr id="statusCheck_<statusMode>_<sno>" data-status-mode=… data-original-status-mode=<full code>>`;
   * the older fixed-column copies print the same id without the data attributes.
   */
  detailItemRow: 'tr[id^="statusCheck_"]',
  /** inc_order_view.php:158–181 the 주문상품 cell `td.text-left`, its goods link `a[title="상품명"]` (addGoods: `추가상품명`) */
  detailGoodsCell: 'td.text-left',
  detailGoodsLink: 'a[title="상품명"], a[title="추가상품명"], a[title="추가 상품명"]',
  /** inc_order_view.php:191–218 options `dl[title="옵션명"]` (dt name, dd value), text options `ul[title="텍스트 옵션명"]` */
  detailOption: 'dl[title="옵션명"]',
  detailTextOption: 'ul[title="텍스트 옵션명"]',
  /**
   * inc_order_view.php:159–164 a customer's pending claim on the item (userHandleInfo, OrderAdmin.php:74–78,
   * 3283–3285): `<div><span class="label label-white">환불신청|반품신청|교환신청</span></div>` atop the goods cell
   */
  detailUserClaim: 'span.label.label-white',
  /** inc_order_view.php:286–292 the 수량 cell: `<td class="text-center"><strong>N</strong>[<div title="재고">]` */
  detailQuantityStrong: 'td > strong',
  /**
   * inc_order_view.php:673–684 「선택한 상품을」 block: `select#applyDeliverySno` (gd_select_box with no name),
   * `input#applyInvoiceNo`, `button.js-order-status-delivery`; older fixed-column copies print one
   * `bundle[goods][invoiceCompanySno][<sno>]` select per item instead. Lists: `invoiceCompanySno[…]` selects.
   */
  courierSelect:
    'select#applyDeliverySno, select[name^="bundle[goods][invoiceCompanySno]"], select[name="bundle[invoiceCompanySno]"], select[name^="invoiceCompanySno["]',
  /** order_view.php:214–250 사은품 정보: a `table.table-cols` whose first th says 사은품 정보 (fixed template text) */
  detailGiftTable: 'table.table-cols',
  /**
   * every admin page's title bar: `<div class="page-header js-affix">` at line 1 of order_list_cancel,
   * _refund, _fail, _exchange_cancel, _exchange_add, _user_back, _user_exchange, _user_refund.php,
   * logistics_order_list_goods.php, order_invoice.php and post_issue/_reserve/_request.php
   */
  pageHeader: 'div.page-header',
  // login page (an expired session answers with it)
  loginForm: 'form#frmLogin',
  loginIdInput: 'input[name=managerId]',
  loginPwInput: 'input[name=managerPw]',
  /**
   * who is logged in: Asset/Admin/header.php:39–42 `a#headerSubMenuManager.gnb-idinfo` holds
   * `<span>name</span>님 ( <span>id</span> )` — the id is the second span
   */
  operatorHeader: 'a#headerSubMenuManager',
} as const;

/** Form field names (the `<m>` placeholder is the status group letter). */
export const FIELD = {
  mode: 'mode',
  changeStatus: 'changeStatus',
  statusCheck: (m: string) => `statusCheck[${m}][]`,
  orderStatus: (m: string) => `orderStatus[${m}][]`,
  itemInvoiceCompany: (m: string, sno: string) => `invoiceCompanySno[${m}][${sno}]`,
  itemInvoiceNo: (m: string, sno: string) => `invoiceNo[${m}][${sno}]`,
  orderInvoiceCompany: (orderNo: string) => `invoiceCompanySno[${orderNo}]`,
  orderInvoiceNo: (orderNo: string) => `invoiceNo[${orderNo}]`,
  invoiceIndividualUnset: (orderNo: string) => `invoiceIndividualUnsetFl[${orderNo}]`,
  // detail page
  orderNo: 'orderNo',
  /** order_view.php:1197 the goods table is POSTed for with orderNo + orderStatusMode (`order` = 주문내역 tab) */
  orderStatusMode: 'orderStatusMode',
  /** inc_order_view.php:99–103 per-item hidden inputs of the check cell */
  bundleStatusMode: (sno: string) => `bundle[statusMode][${sno}]`,
  /** the older fixed-column copies name the full status `bundle[orderStatus][<sno>]` */
  bundleOrderStatusOf: (sno: string) => `bundle[orderStatus][${sno}]`,
  bundleDeliveryMethod: (sno: string) => `bundle[deliveryMethodFl][${sno}]`,
  bundleDefaultInvoiceCompany: (sno: string) => `bundle[defaultInvoiceCompanySno][${sno}]`,
  /** the older fixed-column copies: an editable courier select + number input per item (varungakhar/market inc_order_view.php:269–271) */
  bundleGoodsInvoiceCompany: (sno: string) => `bundle[goods][invoiceCompanySno][${sno}]`,
  bundleGoodsInvoiceNo: (sno: string) => `bundle[goods][invoiceNo][${sno}]`,
  // order_view.php:1810–1836 submitOrderStatusDelivery(): the form the detail page really posts
  orderStatusUpdateFl: 'orderStatusUpdateFl',
  orderInvoiceUpdateFl: 'orderInvoiceUpdateFl',
  orderChannelFl: 'orderChannelFl',
  statusMode: (m: string) => `statusMode[${m}][]`,
  itemDeliveryMethod: (m: string, sno: string) => `deliveryMethodFl[${m}][${sno}]`,
  itemDefaultInvoiceCompany: (m: string, sno: string) => `defaultInvoiceCompanySno[${m}][${sno}]`,
  info: (key: string) => `info[${key}]`,
} as const;

/**
 * Names (or name prefixes, ending in `[`) of the fields the writers set themselves. Any other hidden
 * input of the detail page's form (a session token, say) is sent back unchanged with every write.
 */
export const WRITTEN_FIELDS = [
  'mode',
  'orderNo',
  'changeStatus',
  'orderStatusMode',
  'statusCheck[',
  'orderStatus[',
  'invoiceCompanySno[',
  'invoiceNo[',
  'invoiceIndividualUnsetFl[',
  'bundle[',
  'info[',
  'escrowCheck[',
  'orderChannelFl',
  'deliveryMethodFl[',
  'statusMode[',
  'defaultInvoiceCompanySno[',
  'orderStatusUpdateFl',
  'orderInvoiceUpdateFl',
  'orderChannelFl[',
  // order_view.php:15–19 frmOrder's own fields for its other forms (memo, receiver edit): not a write's business
  'no',
  'oldManagerId',
] as const;

export const MODE = {
  invoiceChange: 'combine_invoice_change',
  detailStatusDelivery: 'modifyOrderStatusDelivery',
} as const;

/** `statusCheck[p][]` → `p`; also for `orderStatus[…][]` and `invoiceCompanySno[g][123]`. */
export function groupLetterOfName(name: string): string {
  return /^[A-Za-z]+\[([a-z])\]/.exec(name)?.[1] ?? '';
}

/** `invoiceCompanySno[g][123]` → `123`; `invoiceCompanySno[1234…]` → undefined. */
export function itemSnoOfName(name: string): string | undefined {
  return /^[A-Za-z]+\[[a-z]\]\[([^\]]+)\]$/.exec(name)?.[1];
}

/** The text of the 우체국택배 courier option; the option value differs per shop. */
export const EPOST_COURIER_TEXT = '우체국택배';
export const NO_COURIER_VALUE = '0';

/**
 * A per-item row's key, `orderNo||sno||userHandleNo||cnt||goodsCnt` (layout_order_goods_list.php:88–92):
 * on the customers' request lists the third part is the request's own sno (`ouh.sno AS userHandleNo`,
 * OrderAdmin.php:1150); empty on every other list.
 */
export function userHandleNoOf(key: string): string {
  return key.split('||')[2] ?? '';
}

/** Splits a checkbox key (`orderNo`, `orderNo||sno`, `orderNo||sno||userHandleNo||cnt||goodsCnt`). */
export function splitRowKey(key: string): { orderNo: string; sno?: string } {
  const [orderNo = '', sno] = key.split('||');
  return sno ? { orderNo, sno } : { orderNo };
}
