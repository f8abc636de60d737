// POST order_ps.php: the admin's writes as Bundle/Controller/Admin/Order/OrderPsController.php and
// Bundle/Component/Order/OrderAdmin.php handle them, answered with the small iframe page.
//   modifyOrderStatusDelivery (OrderPsController.php:107–202 → OrderAdmin::updateOrderStatusDelivery,
//     :5232–5250): invoices first when orderInvoiceUpdateFl=y (only items of p/g/d/z), then the status
//     when orderStatusUpdateFl=y; items are `statusCheck[<m>][] = <orderNo>||<sno>`.
//   combine_invoice_change (:622–646 → saveDeliveryInvoice :5659, or saveDeliveryOrderInvoice :5698 for
//     the grouped 상품준비중 view with invoiceIndividualUnsetFl[<orderNo>] = <orderNo>).
//   combine_status_change (:445–578): the list's checked keys.
import type { Session, Store } from './store';
import { FORM_TOKEN_FIELD, WriteRefused } from './store';
import { iframeAnswer } from './html';

function checkedKeys(form: URLSearchParams): Array<{ m: string; key: string }> {
  const keys: Array<{ m: string; key: string }> = [];
  for (const [name, value] of form) {
    const m = /^statusCheck\[([a-z])\]\[\]$/.exec(name);
    if (m && value) keys.push({ m: m[1]!, key: value });
  }
  return keys;
}

function invoiceChanges(store: Store, form: URLSearchParams, letters?: string) {
  const changes: Array<{ orderNo: string; sno: string; companySno: string; invoiceNo: string }> = [];
  for (const { m, key } of checkedKeys(form)) {
    if (letters && !letters.includes(m)) continue;
    const [orderNo = '', sno] = key.split('||');
    if (sno) {
      const companySno = form.get(`invoiceCompanySno[${m}][${sno}]`);
      if (companySno === null) continue;
      changes.push({ orderNo, sno, companySno, invoiceNo: (form.get(`invoiceNo[${m}][${sno}]`) ?? '').trim() });
      continue;
    }
    // the grouped 상품준비중 view: per order, only with 개별등록 해제 (invoiceIndividualUnsetFl[orderNo] = orderNo)
    const order = store.orders.get(orderNo);
    const companySno = form.get(`invoiceCompanySno[${orderNo}]`);
    if (!order || companySno === null || form.get(`invoiceIndividualUnsetFl[${orderNo}]`) !== orderNo) continue;
    const invoiceNo = (form.get(`invoiceNo[${orderNo}]`) ?? '').trim();
    for (const i of order.items) if (i.status.startsWith('g')) changes.push({ orderNo, sno: i.sno, companySno, invoiceNo });
  }
  return changes;
}

function invoiceChange(store: Store, session: Session, form: URLSearchParams): string {
  const changes = invoiceChanges(store, form);
  if (changes.length === 0) throw new WriteRefused('송장번호를 저장할 주문을 선택해 주세요.');
  store.changeInvoices(changes, session.operatorId);
  return '저장이 완료되었습니다.';
}

function statusChange(store: Store, session: Session, form: URLSearchParams): string {
  const to = (form.get('changeStatus') ?? '').trim();
  if (!to) throw new WriteRefused('변경할 주문 상태를 선택해 주세요.');
  const keys = checkedKeys(form).map((k) => k.key);
  if (keys.length === 0) throw new WriteRefused('[리스트] 주문 정보가 존재하지 않습니다.');
  store.changeStatus(store.itemsOfKeys(keys), to, session.operatorId);
  return '주문상태 변경 처리가 완료되었습니다.';
}

/** The detail page's 일괄적용: invoices (orderInvoiceUpdateFl) then status (orderStatusUpdateFl), all or nothing. */
function statusDelivery(store: Store, session: Session, form: URLSearchParams): string {
  const keys = checkedKeys(form);
  if (keys.length === 0) throw new WriteRefused('[리스트] 주문 정보가 존재하지 않습니다.');
  const items = store.itemsOfKeys(keys.map((k) => k.key));
  const orders = new Set(items.map((i) => i.orderNo));
  const before = [...orders].map((o) => [o, structuredClone(store.orders.get(o)!.items)] as const);
  try {
    if (form.get('orderInvoiceUpdateFl') === 'y') {
      const changes = invoiceChanges(store, form, 'pgdz');
      if (changes.length) store.changeInvoices(changes, session.operatorId);
    }
    if (form.get('orderStatusUpdateFl') === 'y') store.changeStatus(items, (form.get('changeStatus') ?? '').trim(), session.operatorId);
  } catch (err) {
    for (const [o, saved] of before) store.orders.get(o)!.items = saved;
    throw err;
  }
  return '저장이 완료되었습니다.';
}

export function handleOrderPs(store: Store, session: Session, form: URLSearchParams): string {
  if (session.formToken && form.get(FORM_TOKEN_FIELD) !== session.formToken) {
    return iframeAnswer('보안 토큰이 올바르지 않습니다. 페이지를 새로고침한 후 다시 시도해 주세요.', false);
  }
  try {
    const mode = form.get('mode');
    if (mode === 'combine_invoice_change') return iframeAnswer(invoiceChange(store, session, form), true);
    if (mode === 'combine_status_change') return iframeAnswer(statusChange(store, session, form), true);
    if (mode === 'modifyOrderStatusDelivery') return iframeAnswer(statusDelivery(store, session, form), true);
    return iframeAnswer('잘못된 접근입니다.', false);
  } catch (err) {
    if (err instanceof WriteRefused) return iframeAnswer(err.message, false);
    throw err;
  }
}
