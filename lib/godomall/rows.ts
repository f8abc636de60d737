// Reads the rows of any admin order list (every list page, both views, the supplier admin) from
// form names and structure only: checkboxes, hidden status inputs, a[data-order-no], invoice
// selects/inputs or the 배송추적 button. Rowspans are followed; columns are never counted, except for
// one hint that may be absent: the 수령자 column's name (receiverOf).
import type { ListRow } from './types';
import { SEL, groupLetterOfName, itemSnoOfName, splitRowKey, NO_COURIER_VALUE } from './selectors';
import { ancestor, controlValue, nextSiblings, normSpace, optionText, rowSpanOf, selectedOption } from './dom';
import { statusGroup } from './statuses';

export interface ListRowElements {
  row: ListRow;
  checkbox: Element;
  /** the table rows this checkbox row spans (first one holds the checkbox) */
  trs: Element[];
}

interface Invoice {
  courier: string;
  courierSno: string;
  invoiceNo: string;
}

const NO_INVOICE: Invoice = { courier: '', courierSno: '', invoiceNo: '' };

export function readListRowsWithElements(root: ParentNode): ListRowElements[] {
  const out: ListRowElements[] = [];
  // the search form has its own invoiceCompanySno/orderStatus[] fields (layout_order_search_form.php:229-294, :394)
  const scope = root.querySelector(SEL.statusForm) ?? root;
  const receiverColumns = new Map<Element, ReceiverColumn>();
  for (const checkbox of Array.from(scope.querySelectorAll(SEL.rowCheckbox))) {
    const tr = ancestor(checkbox, 'tr');
    if (!tr) continue;
    const cell = ancestor(checkbox, 'td') ?? ancestor(checkbox, 'th');
    const trs = [tr, ...nextSiblings(tr, rowSpanOf(cell) - 1)];
    const row = readRow(checkbox, cell ?? tr, trs);
    const receiver = row && receiverOf(tr, receiverColumns);
    if (receiver && row) row.receiverName = receiver;
    // 입금대기 items keep the order number as value on per-item lists (simple :79-83): two boxes can
    // share a key; each keeps its own row (and badge), and the overlay's targets dedupe by order
    if (row) out.push({ row, checkbox, trs });
  }
  return out;
}

export function readListRows(root: ParentNode): ListRow[] {
  return readListRowsWithElements(root).map((r) => r.row);
}

function readRow(checkbox: Element, cell: Element, trs: Element[]): ListRow | undefined {
  const key = checkbox.getAttribute('value') ?? '';
  const split = splitRowKey(key);
  const orderNo = /^\d{16}$/.test(split.orderNo) ? split.orderNo : orderNoFromLinks(trs);
  if (!orderNo) return undefined;
  const hidden = cell.querySelector(SEL.rowStatusHidden) ?? trs[0]?.querySelector(SEL.rowStatusHidden);
  const status = controlValue(hidden);
  const letter = groupLetterOfName(checkbox.getAttribute('name') ?? '') || statusGroup(status);
  const invoice = split.sno ? itemInvoice(trs, split.sno) : orderInvoice(trs, orderNo);
  const row: ListRow = { key, orderNo, statusGroup: letter, status, ...invoice };
  if (split.sno) row.sno = split.sno;
  // simple :128/:145, perItem :147/:166 `deliveryMethodFl[<m>][<key>]` beside the checkbox
  const method = Array.from(cell.querySelectorAll(SEL.rowDeliveryMethodHidden)).find((i) => i.getAttribute('name')?.endsWith(`[${key}]`));
  if (method) row.deliveryMethod = controlValue(method);
  return row;
}

interface ReceiverColumn {
  /** the 수령자 header's place among the table's header cells, or -1 */
  at: number;
  headers: number;
}

function receiverColumn(table: Element): ReceiverColumn {
  // OrderAdminGrid.php:3808 names the column 수령자; each list prints its grid's names as th
  // (layout_order_list.php:37, layout_order_goods_simple_list.php:37); not in every grid
  const head = table.querySelector('thead');
  const cells = head ? Array.from(head.querySelectorAll('th')) : [];
  return { at: cells.findIndex((th) => normSpace(th.textContent ?? '') === RECEIVER_HEADER), headers: cells.length };
}
const RECEIVER_HEADER = '수령자';

/**
 * The receiver's name in the 수령자 column (layout_order_list.php:304-320, layout_order_goods_list.php:644-667,
 * layout_order_goods_simple_list.php:415-431). Only on a row holding a cell for every column (an order's
 * first row; later rows of a rowspanned order have fewer), and never a multi-destination 「… 외 N명」:
 * empty when unsure. A hint for the same-receiver look-up, which reads the order page whenever it matters.
 */
function receiverOf(tr: Element, columns: Map<Element, ReceiverColumn>): string {
  const table = ancestor(tr, 'table');
  if (!table) return '';
  let column = columns.get(table);
  if (!column) columns.set(table, (column = receiverColumn(table)));
  if (column.at < 0) return '';
  const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
  if (cells.length !== column.headers) return '';
  const name = normSpace(cells[column.at]?.textContent ?? '');
  return / 외 \d+명$/.test(name) ? '' : name;
}

function orderNoFromLinks(trs: Element[]): string {
  for (const tr of trs) {
    const a = tr.querySelector(SEL.orderLink);
    const no = a?.getAttribute('data-order-no') ?? '';
    if (no) return no;
  }
  return '';
}

function invoiceFromSelect(select: Element, input: Element | null | undefined): Invoice {
  const option = selectedOption(select);
  const courierSno = option?.getAttribute('value') ?? '';
  const courier = courierSno === NO_COURIER_VALUE ? '' : optionText(option);
  return { courier, courierSno, invoiceNo: controlValue(input).trim() };
}

function itemInvoice(trs: Element[], sno: string): Invoice {
  for (const tr of trs) {
    const select = Array.from(tr.querySelectorAll('select[name^="invoiceCompanySno["]')).find(
      (s) => itemSnoOfName(s.getAttribute('name') ?? '') === sno,
    );
    if (select) {
      const input = Array.from(tr.querySelectorAll('input[name^="invoiceNo["]')).find(
        (i) => itemSnoOfName(i.getAttribute('name') ?? '') === sno,
      );
      return invoiceFromSelect(select, input);
    }
  }
  return traceInvoice(trs);
}

function orderInvoice(trs: Element[], orderNo: string): Invoice {
  for (const tr of trs) {
    const select = tr.querySelector(`select[name="invoiceCompanySno[${orderNo}]"]`);
    if (select) return invoiceFromSelect(select, tr.querySelector(`input[name="invoiceNo[${orderNo}]"]`));
  }
  return traceInvoice(trs);
}

/** Lists without inputs print the courier and number as text next to delivery_trace('<sno>','<no>'). */
export function traceInvoice(trs: Element[]): Invoice {
  for (const tr of trs) {
    for (const button of Array.from(tr.querySelectorAll(SEL.deliveryTrace))) {
      const m = /delivery_trace\(\s*['"]?([^'",)]*)['"]?\s*,\s*['"]([^'"]*)['"]/.exec(button.getAttribute('onclick') ?? '');
      if (!m || !m[2]) continue;
      const invoiceNo = m[2].trim();
      // simple :557 / perItem :633 `<small>업체명 / 번호</small>`
      const cellText = normSpace(ancestor(button, 'td')?.textContent ?? '');
      const at = cellText.indexOf(invoiceNo);
      const courier =
        at > 0
          ? cellText
              .slice(0, at)
              .replace(/\s*\/\s*$/, '')
              .trim()
          : '';
      return { courier, courierSno: m[1] ?? '', invoiceNo };
    }
  }
  return NO_INVOICE;
}

/** Which cell of its row a badge went to (see badgeCell). */
export type BadgePlace = 'goods' | 'orderNo' | 'status' | 'check';

/** The cell of `tr` itself (not of a table nested in it) that holds `inner`. */
function ownCell(tr: Element, inner: Element | null): Element | undefined {
  for (let cur = inner; cur && cur !== tr; cur = cur.parentElement) {
    if (cur.parentElement === tr) return cur.tagName === 'TD' || cur.tagName === 'TH' ? cur : undefined;
  }
  return undefined;
}

/**
 * Where the overlay puts a row's badge. The 주문상품 cell first: the row's widest (text-left, the
 * goods name and options), one per item row. Operators remove and reorder any column, so then the
 * 주문번호 cell (on the order's first row), the status cell, and last the checkbox cell, which every
 * row read has.
 */
export function badgeCell(tr: Element): { cell: Element; place: BadgePlace } {
  const goods = ownCell(tr, tr.querySelector(SEL.rowGoodsLink));
  if (goods) return { cell: goods, place: 'goods' };
  const orderNo = ownCell(tr, tr.querySelector(SEL.orderNoCell));
  if (orderNo) return { cell: orderNo, place: 'orderNo' };
  const status = ownCell(tr, tr.querySelector(SEL.itemStatus));
  if (status) return { cell: status, place: 'status' };
  return { cell: ownCell(tr, tr.querySelector(SEL.rowCheckbox)) ?? tr, place: 'check' };
}

/** The logged-in operator's admin id as the header shows it (empty when not found). */
export function readOperatorId(doc: ParentNode): string {
  const header = doc.querySelector(SEL.operatorHeader);
  if (!header) return '';
  const spans = Array.from(header.querySelectorAll('span'));
  // name and id; a header that prints one span only gives the name, still better than nothing
  return normSpace((spans[1] ?? spans[0])?.textContent ?? '');
}
