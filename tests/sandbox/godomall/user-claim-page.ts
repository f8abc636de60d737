// The customers' own requests (고객 교환/반품/환불신청 관리): order_list_user_exchange.php?view=exchange|back|refund
// (the supplier admin's too). OrderListUserExchangeController.php:74–78 takes the mode from `view`
// (default exchange) and :134–147 prints order_list_user_exchange/_back/_refund.php, whose form holds
// layout_order_goods_list.php with `$isUserHandle` (OrderAdmin.php:2509): one row per requested item.
// Written from those templates (ids, names, classes, nesting); the search form is left out.
import type { SeedItem, SeedOrder, UserHandle } from './model';
import { PROVIDER_SUPPLIER } from './model';
import type { Session, Store } from './store';
import { esc, shell } from './html';
import { LIST_STYLE, goodsNameTable, orderLink } from './list-page';

const MODES: Record<string, UserHandle['mode']> = { exchange: 'e', back: 'b', refund: 'r' };
/** the menu's names (`end($naviMenu->location)`, order_list_user_back.php:2; ExcelForm.php:166–168) */
const TITLES: Record<UserHandle['mode'], string> = { e: '고객 교환신청 관리', b: '고객 반품신청 관리', r: '고객 환불신청 관리' };
/** Order.php:5583–5591 getUserHandleMode: the claim's name + 신청/승인/거절 (the 처리상태 cell) */
const MODE_NAMES: Record<UserHandle['mode'], string> = { e: '교환', b: '반품', r: '환불' };
const ANSWERS: Record<UserHandle['fl'], string> = { r: '신청', y: '승인', n: '거절' };
const VIEWS: Record<UserHandle['mode'], string> = { e: 'exchange', b: 'back', r: 'refund' };

/** 교환신청, 반품승인 …: what the 처리상태 cell (and the order page's label) says of a request */
export function userHandleText(h: Pick<UserHandle, 'mode' | 'fl'>): string {
  return `${MODE_NAMES[h.mode]}${ANSWERS[h.fl]}`;
}

const date = (dt: string) => `${esc(dt.slice(0, 10))}<br>${esc(dt.slice(11, 16))}`;

export function renderUserClaimPage(store: Store, session: Session, file: string, params: URLSearchParams, provider: boolean): string {
  // order_list_user_back.php exists only as the supplier admin's controller (Provider/Order/OrderListUserBackController.php:30)
  const mode = file === 'order_list_user_back.php' ? 'b' : MODES[params.get('view') ?? 'exchange'];
  const rows: string[] = [];
  const blocks = mode ? requestBlocks(store, mode, provider) : [];
  let no = blocks.reduce((n, b) => n + b.items.length, 0);
  for (const { order, items } of blocks) {
    items.forEach((item, idx) => rows.push(row(store, order, item, idx, items.length, no--, provider)));
  }
  const statusMode = VIEWS[mode ?? 'e'];
  // order_list_user_back.php:15–22 and :43–49 (the _exchange/_refund twins the same): 승인처리 / 거절처리
  const buttons = `<span class="action-title">선택한 주문을</span>
<button type="button" class="btn btn-white js-user-accept" data-status-mode="${statusMode}">승인처리</button>
<button type="button" class="btn btn-white js-user-reject" data-status-mode="${statusMode}">거절처리</button>`;
  const head = GRID.map(([key, title]) =>
    key === 'check'
      ? "<th><input type='checkbox' value='y' class='js-checkall' data-target-name='statusCheck'/></th>"
      : `<th>${title}</th>`,
  ).join('');
  const title = TITLES[mode ?? 'e'];
  const html = `${LIST_STYLE}<div class="page-header js-affix">
<h3>${esc(title)}</h3>
</div>
<form id="frmSearchOrder" name="frmSearchOrder" method="get"><input type="hidden" name="view" value="${esc(statusMode)}"/></form>
<form id="frmOrderStatus" action="./order_ps.php" method="post">
<input type="hidden" id="orderStatus" name="changeStatus" value=""/>
<div class="table-action-dropdown">
<div class="table-action mgt0 mgb0">
<div class="pull-left form-inline">
${buttons}
</div>
</div>
</div>
<div class="table-responsive">
<table class="table table-rows order-list">
<thead>${head}</thead>
<tbody>
${rows.join('\n') || `<tr><td colspan="${GRID.length}" class="no-data">검색된 주문이 없습니다.</td></tr>`}
</tbody>
</table>
</div>
<div class="table-action">
<div class="pull-left form-inline">
${buttons}
</div>
</div>
</form>`;
  return shell(title, session.operatorId, html);
}

/** The requests of this mode, newest order first, the supplier's own items on its admin. */
function requestBlocks(store: Store, mode: UserHandle['mode'], provider: boolean): Array<{ order: SeedOrder; items: SeedItem[] }> {
  return store
    .orderList()
    .map((order) => ({
      order,
      items: order.items.filter((i) => i.userHandle?.mode === mode && (!provider || i.supplier === PROVIDER_SUPPLIER)),
    }))
    .filter((b) => b.items.length > 0);
}

/** OrderAdminGrid.php:1618–1640 list_user_back (and :1538 list_user_exchange) defaultList, the columns rendered here */
const GRID: Array<[string, string]> = [
  ['check', '선택'],
  ['no', '번호'],
  ['regDt', '주문일시'],
  ['userHandleRegDt', '신청일시'],
  ['userHandleActDt', '처리일시'],
  ['userHandleReason', '사유'],
  ['orderNo', '주문번호'],
  ['orderName', '주문자'],
  ['orderGoodsNo', '상품주문번호'],
  ['orderGoodsNm', '주문상품'],
  ['userHandleOrderStatus', '주문상태'],
  ['userHandleGoodsCnt', '신청수량'],
  ['processStatus', '처리상태'],
];

function row(store: Store, order: SeedOrder, item: SeedItem, idx: number, span: number, no: number, provider: boolean): string {
  const h = item.userHandle!;
  const m = item.status[0]!;
  // :88–89 orderNo||sno||userHandleNo||userHandleGoodsCnt||goodsCnt
  const key = `${order.orderNo}||${item.sno}||${h.sno}||${h.goodsCnt}||${item.goodsCnt}`;
  // :96–97 a request the shop answered (userHandleFl != 'r') can no longer be selected
  const disabled = h.fl === 'r' ? '' : ' disabled="disabled"';
  const rowspan = span > 1 ? ` rowspan="${span}"` : '';
  const cells: string[] = [];
  for (const [col] of GRID) {
    switch (col) {
      case 'check': // :159–170 (the handleSno/beforeStatus inputs are printed on the r/e/b lists only)
        cells.push(`<td>
<input type="checkbox" name="statusCheck[${m}][]"${disabled} value="${esc(key)}"/>
<input type="hidden" name="orderStatus[${m}][]" value="${esc(item.status)}"/>
<input type="hidden" name="escrowCheck[${m}][]"${disabled} value="nn"/>
<input type="hidden" name="invoiceCompanySno[${m}][]" value="${esc(item.invoiceCompanySno)}"/>
<input type="hidden" name="orderChannelFl[${m}][${esc(key)}]" value="${esc(order.orderChannelFl ?? 'shop')}"/>
<input type="hidden" name="deliveryMethodFl[${m}][${esc(key)}]" value="${esc(item.deliveryMethodFl ?? 'delivery')}"/>
</td>`);
        break;
      case 'no': // :179–183
        cells.push(`<td class="font-num"><small>${no}</small></td>`);
        break;
      case 'regDt': // :192–196
        cells.push(`<td class="font-date nowrap">${date(order.orderDate)}</td>`);
        break;
      case 'userHandleRegDt': // :885–889
        cells.push(`<td class="font-date nowrap">${date(h.regDt)}</td>`);
        break;
      case 'userHandleActDt': // :891–893
        cells.push(`<td>${esc(h.actDt ?? '')}</td>`);
        break;
      case 'userHandleReason': // :881–883
        cells.push(`<td>${esc(h.reason)}</td>`);
        break;
      case 'orderNo': // :222–246, the order's first row only
        if (idx === 0) cells.push(`<td${rowspan} class="order-no">${orderLink({ provider }, order.orderNo, order.orderNo, true)}</td>`);
        break;
      case 'orderName': // :248–267
        if (idx === 0)
          cells.push(
            `<td${rowspan} class="js-member-info" data-member-no="0" data-member-name="${esc(order.orderName)}" data-cell-phone="">${esc(order.orderName)}<p class="mgb0"><span class="font-kor">(비회원)</span></p></td>`,
          );
        break;
      case 'orderGoodsNo': // :270–281
        cells.push(`<td>${orderLink({ provider }, order.orderNo, item.sno, true)}</td>`);
        break;
      case 'orderGoodsNm': // :307–346 (no 교환취소/교환추가 label on these lists, :328)
        cells.push(`<td class="text-left">${goodsNameTable(item, true)}</td>`);
        break;
      case 'userHandleOrderStatus': // :895–897 the item's own status, by the shop's names
        cells.push(`<td class="text-center">${esc(store.statusLabels[item.status] ?? item.status)}</td>`);
        break;
      case 'userHandleGoodsCnt': // :899–903
        cells.push(`<td>${h.goodsCnt}</td>`);
        break;
      case 'processStatus': // :574–580, orderStatusStr = the request's state (OrderAdmin.php:2365–2366)
        cells.push(`<td><div title="주문 상품별 주문 상태">${esc(userHandleText(h))}</div></td>`);
        break;
    }
  }
  // :131
  return `<tr class="text-center" data-mall-sno="1" data-channel="${esc(order.orderChannelFl ?? 'shop')}">${cells.join('')}</tr>`;
}
