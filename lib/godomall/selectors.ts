// Every name and selector of the godomall5 admin markup the extension relies on, in one place
// (see godomall-admin.md). Never column positions and never Korean labels: operators reorder
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
  orderLink: 'a[data-order-no]',
  /** the status text cell; the label inside is per shop, the title is fixed */
  itemStatus: 'div[title="주문 상품별 주문 상태"]',
  /** 배송추적 button on lists without invoice inputs: delivery_trace('<companySno>','<invoiceNo>') */
  deliveryTrace: '[onclick*="delivery_trace("]',
  pagination: '.pagination',
  // detail page
  orderForm: 'form#frmOrder',
  detailItemRow: 'tr[id^="statusCheck_"][data-status-mode]',
  /** inside a detail item row (inc_order_view.php) */
  detailGoodsName: '.goods-name',
  detailOption: '.option-info',
  detailQuantity: '.goods-cnt',
  detailPrice: '.goods-price',
  detailSupplier: '.scm-name',
  detailGift: '.gift-info',
  detailGiftName: '.gift-name',
  /** the courier select of the detail page's 「선택한 상품을 … 저장」 block, or any list invoice select */
  courierSelect: 'select[name="bundle[invoiceCompanySno]"], select[name^="invoiceCompanySno["]',
  // login page (an expired session answers with it)
  loginForm: 'form#frmLogin',
  loginIdInput: 'input[name=managerId]',
  loginPwInput: 'input[name=managerPw]',
  // who is logged in: the header's operator id
  operatorId: '[data-manager-id], .js-manager-id, #managerId',
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
  orderStatusMode: 'orderStatusMode',
  bundleOrderStatus: 'bundle[orderStatus]',
  bundleStatusCheck: (sno: string) => `bundle[statusCheck][${sno}]`,
  bundleStatusMode: (sno: string) => `bundle[statusMode][${sno}]`,
  bundleInvoiceCompany: 'bundle[invoiceCompanySno]',
  bundleInvoiceNo: 'bundle[invoiceNo]',
  info: (key: string) => `info[${key}]`,
} as const;

/**
 * Names (or name prefixes, ending in `[`) of the fields the writers set themselves. Any other hidden
 * input of the detail page's form (a session token, say) is sent back unchanged with every write.
 */
export const WRITTEN_FIELDS = [
  'mode', 'orderNo', 'changeStatus', 'orderStatusMode', 'statusCheck[', 'orderStatus[', 'invoiceCompanySno[',
  'invoiceNo[', 'invoiceIndividualUnsetFl[', 'bundle[', 'info[', 'escrowCheck[', 'orderChannelFl[', 'deliveryMethodFl[',
] as const;

export const MODE = {
  invoiceChange: 'combine_invoice_change',
  statusChange: 'combine_status_change',
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

/** Splits a checkbox key (`orderNo`, `orderNo||sno`, `orderNo||sno||userHandleNo||cnt||goodsCnt`). */
export function splitRowKey(key: string): { orderNo: string; sno?: string } {
  const [orderNo = '', sno] = key.split('||');
  return sno ? { orderNo, sno } : { orderNo };
}
