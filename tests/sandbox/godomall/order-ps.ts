// POST order_ps.php: the admin's writes, answered with the small iframe page.
import type { Session, Store } from './store';
import { FORM_TOKEN_FIELD, WriteRefused } from './store';
import { iframeAnswer } from './html';

function checkedKeys(form: URLSearchParams): string[] {
  const keys: string[] = [];
  for (const [name, value] of form) if (/^statusCheck\[[a-z]\]\[\]$/.test(name) && value) keys.push(value);
  return keys;
}

/** `invoiceCompanySno[<m>][<sno>]` for whatever status letter the form used. */
function itemField(form: URLSearchParams, field: string, sno: string): string | undefined {
  for (const [name, value] of form) if (new RegExp(`^${field}\\[[a-z]\\]\\[${sno}\\]$`).test(name)) return value;
  return undefined;
}

function invoiceChange(store: Store, session: Session, form: URLSearchParams): string {
  const changes: Array<{ orderNo: string; sno: string; companySno: string; invoiceNo: string }> = [];
  for (const key of checkedKeys(form)) {
    const [orderNo = '', sno] = key.split('||');
    if (sno) {
      const companySno = itemField(form, 'invoiceCompanySno', sno);
      if (companySno === undefined) continue;
      changes.push({ orderNo, sno, companySno, invoiceNo: (itemField(form, 'invoiceNo', sno) ?? '').trim() });
      continue;
    }
    const order = store.orders.get(orderNo);
    const companySno = form.get(`invoiceCompanySno[${orderNo}]`);
    if (!order || companySno === null) continue;
    // an order split over suppliers is saved per order only with 개별등록 해제
    if (new Set(order.items.map((i) => i.supplier)).size > 1 && form.get(`invoiceIndividualUnsetFl[${orderNo}]`) !== 'y') continue;
    const invoiceNo = (form.get(`invoiceNo[${orderNo}]`) ?? '').trim();
    for (const i of order.items) changes.push({ orderNo, sno: i.sno, companySno, invoiceNo });
  }
  if (changes.length === 0) throw new WriteRefused('송장번호를 저장할 주문을 선택해 주세요.');
  store.changeInvoices(changes, session.operatorId);
  return '송장번호 저장이 완료되었습니다.';
}

function statusChange(store: Store, session: Session, form: URLSearchParams): string {
  const to = (form.get('changeStatus') ?? '').trim();
  if (!to) throw new WriteRefused('변경할 주문 상태를 선택해 주세요.');
  const keys = checkedKeys(form);
  if (keys.length === 0) throw new WriteRefused('선택된 주문이 없습니다.');
  store.changeStatus(store.itemsOfKeys(keys), to, session.operatorId);
  return '주문 상태 변경이 완료되었습니다.';
}

/** The detail page's save: status and invoice of the checked items, both or neither. */
function statusDelivery(store: Store, session: Session, form: URLSearchParams): string {
  const orderNo = form.get('orderNo') ?? '';
  const order = store.orders.get(orderNo);
  if (!order) throw new WriteRefused('주문 정보가 존재하지 않습니다.');
  const snos: string[] = [];
  for (const [name, value] of form) if (/^bundle\[statusCheck\]\[[^\]]+\]$/.test(name) && value) snos.push(value);
  if (snos.length === 0) throw new WriteRefused('선택된 상품이 없습니다.');
  const changes = snos.map((sno) => ({ orderNo, sno }));
  const companySno = form.get('bundle[invoiceCompanySno]') ?? '0';
  const invoiceNo = (form.get('bundle[invoiceNo]') ?? '').trim();
  const before = structuredClone(order.items);
  try {
    store.changeStatus(changes, (form.get('bundle[orderStatus]') ?? '').trim(), session.operatorId);
    if (companySno !== '0' || invoiceNo) store.changeInvoices(changes.map((c) => ({ ...c, companySno, invoiceNo })), session.operatorId);
  } catch (err) {
    order.items = before;
    throw err;
  }
  return '주문 상태 및 송장번호 저장이 완료되었습니다.';
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
