// Form-encoded bodies for order_ps.php and the reading of its answer (a small iframe page whose
// script shows a message in the parent). A refused write carries an error message and changed
// nothing: read the answer, never assume success.
import { AdminWriteError, SessionExpiredError, type StatusCode } from './types';
import { FIELD, MODE, NO_COURIER_VALUE } from './selectors';
import { statusGroup } from './statuses';
import { looksLikeLoginHtml } from './session';

export interface ItemRef {
  sno: string;
  /** the item's current full status code (its letter names the form fields) */
  status: StatusCode;
  /** `bundle[deliveryMethodFl][sno]` and `bundle[defaultInvoiceCompanySno][sno]` as the goods table printed them */
  deliveryMethod?: string;
  courierSno?: string;
}

const itemKey = (orderNo: string, sno: string) => `${orderNo}||${sno}`;

function letterOf(item: ItemRef): string {
  const m = statusGroup(item.status);
  if (!m) throw new AdminWriteError(`상품주문번호 ${item.sno}의 주문 상태를 알 수 없습니다.`);
  return m;
}

/**
 * combine_invoice_change as the 상품준비중 list's per-item view posts it (송장번호 저장): the checked
 * `statusCheck[<m>][]` keys with their `invoiceCompanySno[<m>][<sno>]` / `invoiceNo[<m>][<sno>]`
 * (OrderPsController.php:622–646 → OrderAdmin::saveDeliveryInvoice reads exactly these). Used to clear:
 * the detail page cannot post an empty number (order_view.php:1276–1283 refuses it).
 */
export function clearInvoiceBody(orderNo: string, items: ItemRef[]): URLSearchParams {
  const body = new URLSearchParams({ [FIELD.mode]: MODE.invoiceChange });
  for (const item of items) {
    const m = letterOf(item);
    body.append(FIELD.statusCheck(m), itemKey(orderNo, item.sno));
    body.append(FIELD.itemInvoiceCompany(m, item.sno), NO_COURIER_VALUE);
    body.append(FIELD.itemInvoiceNo(m, item.sno), '');
  }
  return body;
}

export interface DetailWrite {
  /** the detail page's `orderChannelFl` (shop when the page did not say) */
  orderChannel?: string;
  /** new status for every item, or none */
  status?: StatusCode;
  /** courier sno + invoice number for every item, or none */
  invoice?: { courierSno: string; invoiceNo: string };
}

/**
 * The detail page's 「선택한 상품을 … 일괄적용」 exactly as its script builds it (order_view.php:1810–1836,
 * submitOrderStatusDelivery): mode=modifyOrderStatusDelivery, orderStatusUpdateFl / orderInvoiceUpdateFl,
 * changeStatus, orderChannelFl, then per checked item statusMode[<m>][], statusCheck[<m>][] =
 * `<orderNo>||<sno>`, invoiceCompanySno / deliveryMethodFl / defaultInvoiceCompanySno / invoiceNo
 * `[<m>][<sno>]`. The server (OrderAdmin::updateOrderStatusDelivery) saves the invoices first, then the status.
 */
export function detailWriteBody(orderNo: string, items: ItemRef[], write: DetailWrite): URLSearchParams {
  if (!write.status && !write.invoice) throw new AdminWriteError('저장할 주문 상태나 송장번호가 없습니다.');
  const body = new URLSearchParams({ [FIELD.mode]: MODE.detailStatusDelivery });
  if (write.status) body.append(FIELD.orderStatusUpdateFl, 'y');
  if (write.invoice) {
    if (!write.invoice.invoiceNo || !write.invoice.courierSno || write.invoice.courierSno === NO_COURIER_VALUE)
      throw new AdminWriteError('송장번호와 배송 업체가 모두 있어야 저장할 수 있습니다.');
    body.append(FIELD.orderInvoiceUpdateFl, 'y');
  }
  body.append(FIELD.changeStatus, write.status ?? '');
  body.append(FIELD.orderChannelFl, write.orderChannel || 'shop');
  for (const item of items) {
    const m = letterOf(item);
    body.append(FIELD.statusMode(m), m);
    body.append(FIELD.statusCheck(m), itemKey(orderNo, item.sno));
    body.append(FIELD.itemInvoiceCompany(m, item.sno), write.invoice?.courierSno ?? (item.courierSno || NO_COURIER_VALUE));
    body.append(FIELD.itemDeliveryMethod(m, item.sno), item.deliveryMethod ?? '');
    body.append(FIELD.itemDefaultInvoiceCompany(m, item.sno), item.courierSno ?? '');
    body.append(FIELD.itemInvoiceNo(m, item.sno), write.invoice?.invoiceNo ?? '');
  }
  return body;
}

export type WriteAnswer = { kind: 'ok'; message: string } | { kind: 'error'; message: string } | { kind: 'login' };

const ERROR_TITLES = /^(경고|오류|실패|에러|error|warning)$/i;
const ERROR_WORDS = /(실패|오류|없습니다|할 수 없|해 ?주세요|해주십시오|올바르지|잘못된|존재하지|불가)/;
const OK_WORDS = /(완료|저장되었|변경되었|처리되었|수정되었|성공)/;

/** Decodes a JS string literal ('…' or "…") as the admin prints them. */
function jsString(raw: string): string {
  const body = raw.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return e === 'n' ? '\n' : e === 't' ? '\t' : e;
  });
}

const STRING = `('(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*")`;
const ALERT = new RegExp(`(?:dialog_alert|alert)\\s*\\(\\s*${STRING}(?:\\s*,\\s*${STRING})?`);

export function parseWriteAnswer(html: string): WriteAnswer {
  if (looksLikeLoginHtml(html)) return { kind: 'login' };
  const m = ALERT.exec(html);
  if (!m) {
    // no message: a bare reload/redirect of the parent is how some modes say "done"
    if (/parent\.location\.(reload|href|replace)/.test(html)) return { kind: 'ok', message: '' };
    return { kind: 'error', message: '관리자 응답을 해석할 수 없습니다.' };
  }
  const message = jsString(m[1]!);
  const title = m[2] ? jsString(m[2]) : '';
  if (ERROR_TITLES.test(title) || ERROR_WORDS.test(message)) return { kind: 'error', message };
  if (OK_WORDS.test(message)) return { kind: 'ok', message };
  return { kind: 'error', message: message || '관리자 응답을 해석할 수 없습니다.' };
}

/** Throws SessionExpiredError (login page) or AdminWriteError (refused); returns the success message. */
export function assertWriteAccepted(html: string, origin: string): string {
  const answer = parseWriteAnswer(html);
  if (answer.kind === 'login') throw new SessionExpiredError(origin);
  if (answer.kind === 'error') throw new AdminWriteError(answer.message);
  return answer.message;
}
