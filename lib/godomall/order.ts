// Parses the order detail: order_view.php (receiver edit form) + inc_order_view.php (goods table,
// which the page loads afterwards by its own script) into an OrderDetail.
import type { OrderDetail, OrderItem } from './types';
import { SEL, FIELD, EPOST_COURIER_TEXT, WRITTEN_FIELDS, attrValue } from './selectors';
import { controlValue, normSpace, rowSpanOf } from './dom';
import { traceInvoice } from './rows';

export interface CourierOption {
  value: string;
  text: string;
}

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

/** Whether order_view.php printed an order (an unknown orderNo prints a message instead). */
/**
 * Hidden inputs of the detail page's order form that no writer sets (a session token, should the admin
 * add one): the spec's rule is to send such fields back unchanged.
 */
export function readCarriedFields(viewDoc: ParentNode): Array<[string, string]> {
  const form = viewDoc.querySelector(SEL.orderForm);
  if (!form) return [];
  const ours = (name: string) => WRITTEN_FIELDS.some((f) => (f.endsWith('[') ? name.startsWith(f) : name === f));
  return [...form.querySelectorAll('input[type=hidden][name]')]
    .map((el) => [el.getAttribute('name') ?? '', el.getAttribute('value') ?? ''] as [string, string])
    .filter(([name]) => name && !ours(name));
}

export function hasOrderForm(viewDoc: ParentNode): boolean {
  return !!viewDoc.querySelector(SEL.orderForm) && !!viewDoc.querySelector(`[name=${attrValue(FIELD.info('receiverName'))}]`);
}

export function readOrderDetail(viewDoc: ParentNode, goodsDoc: ParentNode): OrderDetail {
  const zonecode = info(viewDoc, 'receiverZonecode');
  const zipcode = info(viewDoc, 'receiverZipcode');
  const detail: OrderDetail = {
    orderNo: readOrderNo(viewDoc),
    receiverName: info(viewDoc, 'receiverName'),
    receiverPhone: info(viewDoc, 'receiverPhone'),
    receiverCellPhone: info(viewDoc, 'receiverCellPhone'),
    receiverZonecode: pickZonecode(zonecode, zipcode),
    receiverAddress: oneLine(info(viewDoc, 'receiverAddress')),
    receiverAddressSub: oneLine(info(viewDoc, 'receiverAddressSub')),
    orderMemo: oneLine(info(viewDoc, 'orderMemo')),
    orderName: info(viewDoc, 'orderName'),
    orderCellPhone: info(viewDoc, 'orderCellPhone'),
    items: readOrderItems(goodsDoc),
  };
  if (zipcode) detail.receiverZipcode = zipcode;
  return detail;
}

const textOf = (el: Element | null | undefined) => normSpace(el?.textContent ?? '');
const numberOf = (el: Element | null | undefined) => Number(textOf(el).replace(/[^\d]/g, '')) || 0;

/** The goods table rows; 선불/착불 is printed once per delivery group in a rowspanned fee cell. */
export function readOrderItems(goodsDoc: ParentNode): OrderItem[] {
  const items: OrderItem[] = [];
  let group = { id: '', collect: false, left: 0 };
  let groups = 0;
  for (const tr of Array.from(goodsDoc.querySelectorAll(SEL.detailItemRow))) {
    const feeCell = Array.from(tr.children).find((td) => /\((선불|착불)\)/.test(td.textContent ?? ''));
    if (feeCell) {
      groups++;
      group = {
        id: feeCell.getAttribute('data-delivery-sno') ?? String(groups),
        collect: /\(착불\)/.test(feeCell.textContent ?? ''),
        left: rowSpanOf(feeCell),
      };
    }
    const sno = (tr.getAttribute('id') ?? '').replace(/^statusCheck_/, '');
    const status = controlValue(tr.querySelector(`[name=${attrValue(FIELD.bundleStatusMode(sno))}]`));
    const { courier, invoiceNo } = traceInvoice([tr]);
    const base = {
      status,
      deliveryGroup: group.left > 0 ? group.id : '',
      collectOnDelivery: group.left > 0 && group.collect,
      supplier: textOf(tr.querySelector(SEL.detailSupplier)),
      courier,
      invoiceNo,
    };
    items.push({
      ...base,
      sno,
      goodsName: textOf(tr.querySelector(SEL.detailGoodsName)),
      optionText: textOf(tr.querySelector(SEL.detailOption)),
      quantity: numberOf(tr.querySelector(SEL.detailQuantity)) || 1,
      isGift: false,
      price: numberOf(tr.querySelector(SEL.detailPrice)),
    });
    Array.from(tr.querySelectorAll(SEL.detailGift)).forEach((gift, i) => {
      const name = textOf(gift.querySelector(SEL.detailGiftName) ?? gift);
      const qty = /(\d+)\s*개\s*$/.exec(name);
      // gifts ride in their item's parcel: never written to the admin, shown on the label
      items.push({ ...base, sno: `${sno}:gift:${i + 1}`, goodsName: name, optionText: '', quantity: qty ? Number(qty[1]) : 1, isGift: true, price: 0 });
    });
    group.left--;
  }
  return items;
}

export function readCourierOptions(doc: ParentNode): CourierOption[] {
  const select = doc.querySelector(SEL.courierSelect);
  if (!select) return [];
  return Array.from(select.querySelectorAll('option')).map((o) => ({ value: o.getAttribute('value') ?? '', text: normSpace(o.textContent ?? '') }));
}

/** 우체국택배's option value in this shop: the option whose text is exactly 「우체국택배」. */
export function findEpostCourierSno(doc: ParentNode): string | undefined {
  return readCourierOptions(doc).find((o) => o.text === EPOST_COURIER_TEXT)?.value;
}
