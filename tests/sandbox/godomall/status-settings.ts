// 기본설정 > 주문정책 > 주문 상태 설정: the shop's labels per code, renamed ones and its own g5+.
import type { Session, Store } from './store';
import { esc, shell } from './html';

const GROUPS: Array<[string, string]> = [
  ['o', '입금대기 상태 설정'],
  ['p', '입금 상태 설정'],
  ['g', '상품 상태 설정'],
  ['d', '배송 상태 설정'],
  ['s', '구매확정 상태 설정'],
  ['c', '취소 상태 설정'],
  ['b', '반품 상태 설정'],
  ['e', '교환 상태 설정'],
  ['r', '환불 상태 설정'],
];

export function renderStatusSettings(store: Store, session: Session): string {
  const sections = GROUPS.map(([letter, title]) => {
    const rows = Object.entries(store.statusLabels)
      .filter(([code]) => code.startsWith(letter))
      .map(
        ([code, label]) =>
          `<tr data-status-code="${esc(code)}"><td>${esc(code)}</td><td><input type="text" name="orderStatus[${esc(code)}][user]" value="${esc(label)}" class="form-control"></td><td><input type="checkbox" name="orderStatus[${esc(code)}][useFl]" value="y" checked></td></tr>`,
      )
      .join('');
    return `<div class="table-title">${esc(title)}</div>
<table class="table table-cols order-status-setting" data-status-group="${letter}"><thead><tr><th>코드</th><th>상태명</th><th>사용</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return shell(
    '주문 상태 설정',
    session.operatorId,
    `<h3 class="page-header">주문 상태 설정</h3><form id="frmOrderStatusSetting">${sections.join('\n')}</form>`,
  );
}
