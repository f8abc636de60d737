// The customers' 반품/교환 requests (고객 반품·교환신청 관리, order_list_user_exchange.php?view=back|exchange):
// the same per-item row template as every claim list, layout_order_goods_list.php, inside
// form#frmOrderStatus (order_list_user_back.php:12–54, order_list_user_exchange.php:12–52), read by the
// same row reader. What a request adds is read from the form only, never from its Korean words:
// - the row: one `tr` per requested item (:131), its checkbox `statusCheck[<m>][]` (:142/:160), whose
//   value is `orderNo||sno||userHandleNo||cnt||goodsCnt` (:88–92) — the order, the item and the request
//   (the request's sno again as `data-handle-no` of the 메모 cell, :919, when the operator shows it);
// - the order number also in the 주문번호 cell `td.order-no a[data-order-no]` (:222–246, the order's
//   first row) and the 상품주문번호 cell's `a[data-order-no]` (:270–281); the badge goes to the 주문상품
//   cell (:307–346) like on every list;
// - the item's own status in `orderStatus[<m>][]` (:143/:161): d2 … while requested or refused, b1/e1 once
//   the shop accepted (승인처리 moves it, OrderAdmin.php:5792–5794);
// - whether the request still waits for the shop: its checkbox is disabled once it was accepted or
//   refused (`userHandleFl != 'r'`, :96–97). The 처리상태 cell's words (반품신청/반품승인/반품거절,
//   :575–580 with OrderAdmin.php:2365–2366, Order.php:5583–5591) say the same to the operator.
import { readListRowsWithElements, type ListRowElements } from './rows';
import { userHandleNoOf } from './selectors';

export interface UserClaimRowElements extends ListRowElements {
  /** the request's sno (es_orderUserHandle); '' when the list did not print it */
  handleNo: string;
  /** the customer's request still waits for the shop's 승인/거절 */
  open: boolean;
}

export function readUserClaimRows(root: ParentNode): UserClaimRowElements[] {
  return readListRowsWithElements(root).map((r) => ({
    ...r,
    handleNo: userHandleNoOf(r.row.key),
    open: !r.checkbox.hasAttribute('disabled'),
  }));
}
