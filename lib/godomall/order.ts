// Parses the order detail: order_view.php (receiver edit form, gifts, the page's own script) +
// inc_order_view.php (the goods table, which the page loads afterwards by its own script) into an
// OrderDetail. Markup source: Asset/Admin/order/ of the published godomall5 tree (bluesky1478/godomall);
// every selector is in ./selectors with its file and line. The goods table comes in two published
// shapes — the newer one builds its cells from the operator's `orderGridConfigList` (columns optional
// and reorderable), older copies print fixed columns — so nothing here counts columns.
import { AdminWriteError, type CourierOption, type OrderDetail, type OrderItem } from './types';
import { SEL, FIELD, EPOST_COURIER_TEXT, NO_COURIER_VALUE, WRITTEN_FIELDS, attrValue } from './selectors';
import { controlValue, normSpace, optionText, rowSpanOf, selectedOption } from './dom';
import { traceInvoice } from './rows';
import { isStatusCode } from './statuses';

function info(doc: ParentNode, key: string): string {
  return controlValue(doc.querySelector(`[name=${attrValue(FIELD.info(key))}]`)).trim();
}

/** Addresses and messages go to a courier label: one line, single spaces. */
const oneLine = (s: string) => normSpace(s);

/**
 * 우편번호: the 5-digit zonecode; a zonecode typed with spaces/dashes counts when it has 5 digits;
 * a `zipcode` field holding 5 digits counts too. An old 6-digit zipcode (123-456) is not a 우편번호.
 */
export function pickZonecode(zonecode: string, zipcode: string): string {
  for (const candidate of [zonecode, zipcode]) {
    const digits = candidate.replace(/[\s-]/g, '');
    if (/^\d{5}$/.test(digits)) return digits;
  }
  return '';
}

export function readOrderNo(viewDoc: ParentNode): string {
  return controlValue(viewDoc.querySelector(`${SEL.orderForm} input[name=orderNo]`) ?? viewDoc.querySelector('input[name=orderNo]'));
}

/**
 * Hidden inputs of the detail page's order form that no writer sets (a session token, should the admin
 * add one): the spec's rule is to send such fields back unchanged.
 */
function readCarriedFields(viewDoc: ParentNode): Array<[string, string]> {
  const form = viewDoc.querySelector(SEL.orderForm);
  if (!form) return [];
  const ours = (name: string) => WRITTEN_FIELDS.some((f) => (f.endsWith('[') ? name.startsWith(f) : name === f));
  return [...form.querySelectorAll('input[type=hidden][name]')]
    .map((el) => [el.getAttribute('name') ?? '', el.getAttribute('value') ?? ''] as [string, string])
    .filter(([name]) => name && !ours(name));
}

/** Whether order_view.php printed an order (an unknown orderNo prints a message instead). */
export function hasOrderForm(viewDoc: ParentNode): boolean {
  // an all-방문수령 order prints no receiver inputs (layout_order_view_receiver_info_modify.php:17), so only the form counts
  return !!viewDoc.querySelector(SEL.orderForm) && /^\d+$/.test(readOrderNo(viewDoc));
}

/** order_view.php:1109 `var orderChannelFl = '<shop|naverpay|etc|…>';` — posted back with every detail-page write. */
function readOrderChannel(viewDoc: ParentNode): string | undefined {
  for (const script of Array.from(viewDoc.querySelectorAll('script'))) {
    const m = /\borderChannelFl\s*=\s*['"]([A-Za-z0-9_]*)['"]/.exec(script.textContent ?? '');
    if (m) return m[1];
  }
  return undefined;
}

export function readOrderDetail(viewDoc: ParentNode, goodsDoc: ParentNode): OrderDetail {
  const zonecode = info(viewDoc, 'receiverZonecode');
  const zipcode = info(viewDoc, 'receiverZipcode');
  const detail: OrderDetail = {
    orderNo: readOrderNo(viewDoc),
    receiverName: info(viewDoc, 'receiverName'),
    receiverPhone: info(viewDoc, 'receiverPhone'),
    // layout_order_view_receiver_info_modify.php:46–51: with a 안심번호 the real number stays in the input
    // and the 050x number is a hidden field beside it; the label carries the 안심번호
    receiverCellPhone: info(viewDoc, 'receiverSafeNumber') || info(viewDoc, 'receiverCellPhone'),
    receiverZonecode: pickZonecode(zonecode, zipcode),
    receiverAddress: oneLine(info(viewDoc, 'receiverAddress')),
    receiverAddressSub: oneLine(info(viewDoc, 'receiverAddressSub')),
    orderMemo: oneLine(info(viewDoc, 'orderMemo')),
    orderName: info(viewDoc, 'orderName'),
    orderCellPhone: info(viewDoc, 'orderCellPhone'),
    items: [],
    courierOptions: readCourierOptions(goodsDoc),
    carriedFields: readCarriedFields(viewDoc),
  };
  // the 배송추적 button gives the courier's sno only: its name is the select's option text
  const courierName = (sno: string) => detail.courierOptions?.find((o) => o.value === sno)?.text ?? '';
  const items = readOrderItems(goodsDoc).map((i) =>
    i.courier || !i.courierSno || !i.invoiceNo ? i : { ...i, courier: courierName(i.courierSno) },
  );
  detail.items = [...items, ...readGifts(viewDoc)];
  const channel = readOrderChannel(viewDoc);
  if (channel !== undefined) detail.orderChannel = channel;
  const packet = readPacketOrders(viewDoc, detail.orderNo);
  if (packet.length) detail.packetOrders = packet;
  if (zipcode) detail.receiverZipcode = zipcode;
  return detail;
}

const textOf = (el: Element | null | undefined) => normSpace(el?.textContent ?? '');

/** The packet's other orders (order numbers only; the page may list the order itself too). */
function readPacketOrders(viewDoc: ParentNode, own: string): string[] {
  const listed = Array.from(viewDoc.querySelectorAll(SEL.packetOrderNos), (el) => textOf(el)).filter(
    (n) => /^\d{10,20}$/.test(n) && n !== own,
  );
  return [...new Set(listed)];
}
const named = (root: ParentNode, name: string) => root.querySelector(`[name=${attrValue(name)}]`);

/** inc_order_view.php:90 `statusCheck_<statusMode>_<sno>`: the item number is the LAST `_` part. */
function snoOfRowId(id: string): string {
  const m = /^statusCheck_(?:[a-z]_)?([^_]+)$/.exec(id);
  return m?.[1] ?? '';
}

/** The goods cell: the `td.text-left` holding the goods link (the grid may also print 해외상점 names in one). */
function goodsCell(tr: Element): Element | undefined {
  const link = tr.querySelector(SEL.detailGoodsLink);
  if (link) return link.closest('td') ?? undefined;
  return Array.from(tr.querySelectorAll(SEL.detailGoodsCell)).find((td) => td.querySelector('a'));
}

/** The customer's pending claims on the item (환불신청, 반품신청, 교환신청), as the goods cell labels them. */
function userClaimsOf(cell: Element | undefined): string[] {
  if (!cell) return [];
  return Array.from(cell.querySelectorAll(SEL.detailUserClaim))
    .filter((s) => s.parentElement?.tagName === 'DIV' && s.parentElement.parentElement === cell)
    .map((s) => textOf(s))
    .filter(Boolean);
}

function goodsNameOf(cell: Element | undefined): string {
  if (!cell) return '';
  const link = cell.querySelector(SEL.detailGoodsLink) ?? cell.querySelector('a');
  return textOf(link);
}

/** `옵션명 : 값` pairs (dl dt/dd) and text options (ul li), joined as the label prints them. */
function optionTextOf(cell: Element | undefined): string {
  if (!cell) return '';
  const parts: string[] = [];
  for (const dl of Array.from(cell.querySelectorAll(SEL.detailOption))) {
    const name = textOf(dl.querySelector('dt')).replace(/\s*:$/, '');
    const value = textOf(dl.querySelector('dd'));
    if (value) parts.push(name ? `${name}: ${value}` : value);
  }
  for (const ul of Array.from(cell.querySelectorAll(SEL.detailTextOption))) {
    const [nameLi, valueLi] = Array.from(ul.querySelectorAll('li'));
    const name = textOf(nameLi).replace(/\s*:$/, '');
    // the value li may end with 「(추가금 …)」: the price is not part of the option
    const value = textOf(valueLi).replace(/\s*\(추가금[^)]*\)\s*$/, '');
    if (value) parts.push(name ? `${name}: ${value}` : value);
  }
  return parts.join(' / ');
}

/**
 * The ordered quantity. Grid layout (inc_order_view.php:286–292): the only cell whose own child is a
 * `<strong>` with the number (a 재고 line may follow). Fixed-column copies print the bare number in the
 * cell right after the goods cell. 0 when neither is there: the caller stops the order.
 */
function quantityOf(tr: Element, cell: Element | undefined): number {
  for (const strong of Array.from(tr.querySelectorAll(SEL.detailQuantityStrong))) {
    if (strong.parentElement?.parentElement !== tr) continue;
    const n = textOf(strong);
    if (/^\d[\d,]*$/.test(n)) return Number(n.replace(/,/g, ''));
  }
  const next = cell?.nextElementSibling;
  const n = textOf(next);
  if (next && !next.querySelector('*') && /^\d[\d,]*$/.test(n)) return Number(n.replace(/,/g, ''));
  return 0;
}

/** The full status: `bundle[statusMode][sno]` (grid), `bundle[orderStatus][sno]` (fixed), else the row's data attribute. */
function statusOf(tr: Element, sno: string): string {
  const candidates = [
    controlValue(named(tr, FIELD.bundleStatusMode(sno))),
    controlValue(named(tr, FIELD.bundleOrderStatusOf(sno))),
    tr.getAttribute('data-original-status-mode') ?? '',
  ];
  return candidates.find((c) => isStatusCode(c)) ?? '';
}

/** The goods table rows; 선불/착불 is printed once per delivery group in a rowspanned fee cell. */
export function readOrderItems(goodsDoc: ParentNode): OrderItem[] {
  const items: OrderItem[] = [];
  let group = { id: '', collect: false, left: 0 };
  let groups = 0;
  for (const tr of Array.from(goodsDoc.querySelectorAll(SEL.detailItemRow))) {
    // inc_order_view.php:345–353 the 배송비 cell: 「(선불)」/「(착불)」 once per delivery group, rowspanned
    const feeCell = Array.from(tr.children).find((td) => /\((선불|착불)\)/.test(td.textContent ?? ''));
    if (feeCell) {
      groups++;
      group = { id: String(groups), collect: /\(착불\)/.test(feeCell.textContent ?? ''), left: rowSpanOf(feeCell) };
    }
    const sno = snoOfRowId(tr.getAttribute('id') ?? '');
    const status = statusOf(tr, sno);
    const cell = goodsCell(tr);
    const goodsName = goodsNameOf(cell);
    const quantity = quantityOf(tr, cell);
    const trace = itemInvoiceControls(tr, sno) ?? traceInvoice([tr]);
    const courierSno = controlValue(named(tr, FIELD.bundleDefaultInvoiceCompany(sno))) || trace.courierSno;
    const unreadable = [
      ...(sno ? [] : ['상품주문번호']),
      ...(status ? [] : ['주문 상태']),
      ...(goodsName ? [] : ['상품명']),
      ...(quantity > 0 ? [] : ['수량']),
    ];
    items.push({
      sno,
      goodsName,
      optionText: optionTextOf(cell),
      quantity,
      status,
      deliveryGroup: group.left > 0 ? group.id : '',
      collectOnDelivery: group.left > 0 && group.collect,
      deliveryMethod: controlValue(named(tr, FIELD.bundleDeliveryMethod(sno))),
      isGift: false,
      courier: trace.courier,
      courierSno: courierSno === '0' ? '' : courierSno,
      invoiceNo: trace.invoiceNo || invoiceInputOf(tr),
      ...(unreadable.length ? { unreadable } : {}),
      ...(userClaimsOf(cell).length ? { userClaims: userClaimsOf(cell) } : {}),
    });
    group.left--;
  }
  return items;
}

/** Older fixed-column copies: the item's own courier select and number input (a number makes the courier count). */
function itemInvoiceControls(tr: Element, sno: string): { courier: string; courierSno: string; invoiceNo: string } | undefined {
  const select = named(tr, FIELD.bundleGoodsInvoiceCompany(sno));
  const input = named(tr, FIELD.bundleGoodsInvoiceNo(sno));
  if (!select || !input) return undefined;
  const invoiceNo = controlValue(input).trim();
  if (!invoiceNo) return { courier: '', courierSno: '', invoiceNo: '' };
  const option = selectedOption(select);
  return { courier: optionText(option), courierSno: option?.getAttribute('value') ?? '', invoiceNo };
}

/**
 * inc_order_view.php:472–479 the 송장번호 grid cell: two readonly inputs (courier name, number). Used
 * when the row has no 배송추적 button (the 처리상태 column can be hidden by the operator).
 */
function invoiceInputOf(tr: Element): string {
  for (const td of Array.from(tr.children)) {
    const inputs = Array.from(td.querySelectorAll('input[type=text][readonly]'));
    if (inputs.length) return controlValue(inputs[inputs.length - 1]).trim();
  }
  return '';
}

/**
 * order_view.php:214–250 사은품 정보: one table per order (not per item), rows of 이미지 · 사은품명 ·
 * 지급조건명 · 수량 · 비고. Gifts ride in the order's parcel: shown on the label, never written.
 */
function readGifts(viewDoc: ParentNode): OrderItem[] {
  const table = Array.from(viewDoc.querySelectorAll(SEL.detailGiftTable)).find((t) => textOf(t.querySelector('th')) === '사은품 정보');
  if (!table) return [];
  const gifts: OrderItem[] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const tds = Array.from(tr.children).filter((c) => c.tagName === 'TD');
    if (tds.length < 4) continue;
    const name = textOf(tds[1]);
    if (!name) continue;
    gifts.push({
      sno: `gift:${gifts.length + 1}`,
      goodsName: name,
      optionText: '',
      quantity: Number(textOf(tds[3]).replace(/[^\d]/g, '')) || 1,
      status: '',
      deliveryGroup: '',
      collectOnDelivery: false,
      deliveryMethod: '',
      isGift: true,
      courier: '',
      courierSno: '',
      invoiceNo: '',
    });
  }
  return gifts;
}

export function readCourierOptions(doc: ParentNode): CourierOption[] {
  const select = doc.querySelector(SEL.courierSelect);
  if (!select) return [];
  return Array.from(select.querySelectorAll('option')).map((o) => ({
    value: o.getAttribute('value') ?? '',
    text: normSpace(o.textContent ?? ''),
  }));
}

/**
 * The shop's courier list as a list page prints it: the invoice selects of its rows inside
 * `#frmOrderStatus` (layout_order_goods_simple_list.php:541/548), the whole page when there is no form.
 */
export function readListCourierOptions(page: ParentNode): CourierOption[] {
  return readCourierOptions(page.querySelector(SEL.statusForm) ?? page);
}

/** 우체국택배's option value in this shop: the option whose text is 「우체국택배」 (spaces ignored). */
export function findEpostCourierSno(options: CourierOption[]): string | undefined {
  const wanted = EPOST_COURIER_TEXT.replace(/\s/g, '');
  return options.find((o) => o.text.replace(/\s/g, '') === wanted && o.value && o.value !== NO_COURIER_VALUE)?.value;
}

/** What the operator must do when the shop's 배송 업체 list has no 우체국택배 (nothing can be saved then). */
export function missingEpostCourierText(): string {
  return `고도몰 배송 업체 목록에 「${EPOST_COURIER_TEXT}」가 없습니다. 기본설정 › 배송 정책 › 배송 업체 관리에서 「${EPOST_COURIER_TEXT}」를 추가(사용함)해 주세요.`;
}

/** 우체국택배's sno in this shop's courier select, or a Korean reason why there is none. */
export function epostCourierOf(order: OrderDetail): string {
  const sno = findEpostCourierSno(order.courierOptions ?? []);
  if (sno) return sno;
  if (!order.courierOptions?.length)
    throw new AdminWriteError(`주문 상세의 배송 업체 선택 상자(일괄적용)를 찾지 못했습니다. (주문번호 ${order.orderNo})`);
  throw new AdminWriteError(missingEpostCourierText());
}

/** Korea Post can carry the parcel: 택배 (`delivery`, or empty on orders older than the field) and 묶음 `packet`. */
export function isParcelDelivery(method: string): boolean {
  return method === '' || method === 'delivery' || method === 'packet';
}

const METHOD_NAMES: Record<string, string> = { visit: '방문수령', quick: '퀵배송', cargo: '화물배송', etc: '기타' };

export function deliveryMethodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}
