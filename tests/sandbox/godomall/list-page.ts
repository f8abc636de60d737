// The order list pages (주문통합/입금대기/결제완료/상품준비중/배송중/배송완료/구매확정), both views,
// with the operator's grid (chosen and reordered columns), rowspans, godomall's search form and paging.
import type { ColumnId, ListKind, SeedItem, SeedOrder } from './model';
import { CLAIM_LISTS, COLUMN_TITLES, DEFAULT_GRIDS, PROVIDER_SUPPLIER, listShowsStatus } from './model';
import type { Session, Store } from './store';
import { cutName, esc, shell, won } from './html';
import { renderSearchForm, renderPagination, type ListQuery, parseListQuery } from './list-search';

const TITLES: Record<ListKind, string> = {
  all: '주문통합 리스트',
  order: '입금대기 리스트',
  pay: '결제완료 리스트',
  goods: '상품준비중 리스트',
  delivery: '배송중 리스트',
  delivery_ok: '배송완료 리스트',
  settle: '구매확정 리스트',
  back: '반품 관리',
  exchange: '교환 관리',
  exchange_add: '교환추가 관리',
};

/**
 * The 「선택한 주문을」 select's statuses (gd_select_box of $selectBoxOrderStatus): the order lists offer
 * o p g d s; the 반품 list d2 s1 b1–b4 r1 (OrderListBackController.php:88–97), the 교환 list e1–e5
 * (OrderListExchangeController.php:89–97), the 교환추가 list z1–z5 (OrderListExchangeAddController.php:89–97).
 */
function statusChoices(list: ListKind, code: string): boolean {
  if (list === 'back') return /^(d2|s1|b\d|r1)$/.test(code);
  if (list === 'exchange') return code.startsWith('e');
  if (list === 'exchange_add') return code.startsWith('z');
  return /^[opgds]/.test(code);
}

const ORDER_LEVEL: ReadonlySet<ColumnId> = new Set(['no', 'orderDt', 'orderNo', 'orderName', 'settlePrice', 'receiver']);

interface Block {
  order: SeedOrder;
  items: SeedItem[];
}

export interface ListContext {
  store: Store;
  session: Session;
  list: ListKind;
  /** the page's file name (`order_list_pay.php`), for the paging links */
  file: string;
  provider: boolean;
  params: URLSearchParams;
}

/** The grid: `?grid=a,b,c` (saved to the session like the admin's 조회항목 설정), else session, else default. */
function gridFor(ctx: ListContext): ColumnId[] {
  const fromQuery = ctx.params.get('grid');
  if (fromQuery) ctx.session.grids[ctx.list] = fromQuery.split(',').filter(Boolean) as ColumnId[];
  const grid = ctx.session.grids[ctx.list] ?? ctx.store.defaultGrids[ctx.list] ?? DEFAULT_GRIDS[ctx.list];
  return grid.includes('check') ? grid : ['check', ...grid];
}

function matches(order: SeedOrder, item: SeedItem, q: ListQuery): boolean {
  if (q.statuses.length && !q.statuses.includes(item.status)) return false;
  const day = order.orderDate.slice(0, 10);
  if (q.from && day < q.from) return false;
  if (q.to && day > q.to) return false;
  if (!q.keyword) return true;
  const hay = [order.orderNo, order.orderName, order.receiverName, item.goodsNm, item.invoiceNo, item.sno];
  return hay.some((h) => h.includes(q.keyword));
}

function selectBlocks(ctx: ListContext, q: ListQuery): Block[] {
  const orders = ctx.store.orderList();
  if (q.sort === 'orderDt asc') orders.reverse();
  const blocks: Block[] = [];
  for (const order of orders) {
    const items = order.items.filter(
      (i) => listShowsStatus(ctx.list, i.status) && (!ctx.provider || i.supplier === PROVIDER_SUPPLIER) && matches(order, i, q),
    );
    if (items.length) blocks.push({ order, items });
  }
  return blocks;
}

/**
 * Paging counts order ITEMS in both views (OrderAdmin.php:1201-1203 LIMIT on og rows, :1266-1269 the
 * total): in the grouped view one order can straddle two pages.
 */
function pageBlocks(blocks: Block[], q: ListQuery): { page: Block[]; total: number } {
  const start = (q.page - 1) * q.pageNum;
  const flat = blocks.flatMap((b) => b.items.map((item) => ({ order: b.order, item })));
  const page: Block[] = [];
  for (const { order, item } of flat.slice(start, start + q.pageNum)) {
    const last = page[page.length - 1];
    if (last?.order === order) last.items.push(item);
    else page.push({ order, items: [item] });
  }
  return { page, total: flat.length };
}

export function renderListPage(ctx: ListContext): string {
  const q = parseListQuery(ctx.params);
  const grid = gridFor(ctx);
  const { page, total } = pageBlocks(selectBlocks(ctx, q), q);
  const perItem = q.view === 'orderGoods' || CLAIM_LISTS.has(ctx.list);
  let no = total - (q.page - 1) * q.pageNum;
  const body: string[] = [];
  for (const block of page) {
    body.push(renderBlock(ctx, block, grid, perItem, no));
    no -= block.items.length;
  }
  const statusOptions = Object.entries(ctx.store.statusLabels)
    .filter(([code]) => statusChoices(ctx.list, code))
    .map(([code, label]) => `<option value="${esc(code)}">${esc(label)}</option>`)
    .join('');
  // order_list_goods.php:8-30 / order_list_pay.php: the 「선택한 주문을」 bars above and below the list;
  // only the bottom select has a name (orderStatusBottom)
  const packetButtons = ctx.list === 'goods' && q.view === 'orderGoodsSimple'; // grouped view only (order_list_goods.php:20-23)
  const action = (where: 'Top' | 'Bottom') => `<div class="table-action${where === 'Top' ? ' mgt0 mgb0' : ''}">
<div class="pull-left form-inline">
<span class="action-title">선택한 주문을</span>
<select id="orderStatus${where}"${where === 'Bottom' ? ' name="orderStatusBottom"' : ''} class="form-control js-status-select"><option value="">=주문상태=</option>${statusOptions}</select>
<button type="button" class="btn btn-white js-order-status" data-select="orderStatus${where}">일괄처리</button>
${ctx.list === 'goods' ? '<button type="button" class="btn btn-white js-save-invoice">송장번호 저장</button>' : ''}
${packetButtons ? '<button type="button" class="btn btn-black js-packet-lock">묶음배송처리</button>\n<button type="button" class="btn btn-black js-packet-unlock">묶음배송해제</button>' : ''}
</div>
</div>`;
  const html = `${LIST_STYLE}<div class="page-header js-affix"><h3>${esc(TITLES[ctx.list])}</h3></div>
${renderSearchForm(ctx, q)}
<div class="table-header"><div class="pull-left">
검색 <strong class="text-danger">${total}</strong>개 / 전체 <strong class="text-danger">${allItems(ctx)}</strong>개
</div></div>
<form id="frmOrderStatus" name="frmOrderStatus" method="post" action="./order_ps.php" target="ifrmProcess">
<input type="hidden" name="mode" value="combine_status_change">
<input type="hidden" id="orderStatus" name="changeStatus" value="">
<div class="table-action-dropdown">
${action('Top')}
</div>
<div class="table-responsive">
<table class="table table-rows order-list">
<thead><tr>${grid.map((c) => (c === 'check' ? '<th><input type="checkbox" class="js-checkall" data-target-name="statusCheck"></th>' : `<th data-column="${c}">${esc(COLUMN_TITLES[c])}</th>`)).join('')}</tr></thead>
<tbody>${body.join('\n') || `<tr><td colspan="${grid.length}" class="no-data">검색된 주문이 없습니다.</td></tr>`}</tbody>
</table>
</div>
${action('Bottom')}
</form>
${renderPagination(ctx.file, ctx.params, q, total)}`;
  return shell(TITLES[ctx.list], ctx.session.operatorId, html, LIST_SCRIPT);
}

/** Every item this admin may see: the 전체 count (search form :726-737 counts items, not orders). */
function allItems(ctx: ListContext): number {
  let n = 0;
  for (const o of ctx.store.orderList()) n += o.items.filter((i) => !ctx.provider || i.supplier === PROVIDER_SUPPLIER).length;
  return n;
}

/**
 * The grouped view gives one checkbox per ORDER on the lists whose status is in statusListCombine
 * (입금대기 o by default, Order.php:440-444, plus 상품준비중 g, OrderListGoodsController.php:142-145);
 * every other list has one per item, `orderNo||sno` (layout_order_goods_simple_list.php:79-83, :120-155).
 */
const COMBINED_LISTS: ReadonlySet<ListKind> = new Set(['order', 'goods']);

const parcelMethod = (item: SeedItem) => ['delivery', 'packet', ''].includes(item.deliveryMethodFl ?? 'delivery');

/**
 * Whether the grouped 상품준비중 view can take one invoice for the whole order, and whether it shows
 * 「개별등록 해제」 instead (OrderListGoodsController.php:77-123): several suppliers or mixed delivery
 * methods prevent it; items with different numbers only hide the per-order input behind the checkbox.
 */
function combineState(items: SeedItem[]): { display: boolean; prevent: boolean } {
  if (new Set(items.map((i) => i.supplier)).size > 1) return { display: true, prevent: true };
  if (new Set(items.map((i) => i.deliveryMethodFl ?? 'delivery')).size > 1) return { display: true, prevent: true };
  const differ = new Set(items.map((i) => i.invoiceCompanySno)).size > 1 || new Set(items.map((i) => i.invoiceNo)).size > 1;
  return { display: differ, prevent: false };
}

function renderBlock(ctx: ListContext, block: Block, grid: ColumnId[], perItem: boolean, no: number): string {
  const { order, items } = block;
  const n = items.length;
  const combined = COMBINED_LISTS.has(ctx.list) && !perItem;
  const groupedInvoice = ctx.list === 'goods' && !perItem;
  const rows: string[] = [];
  items.forEach((item, idx) => {
    const cells: string[] = [];
    for (const col of grid) {
      const orderLevel = ORDER_LEVEL.has(col) || (col === 'check' && combined) || (col === 'invoice' && groupedInvoice);
      if (orderLevel) {
        const cls = col === 'orderNo' ? ' class="order-no"' : '';
        if (idx === 0) cells.push(`<td${n > 1 ? ` rowspan="${n}"` : ''}${cls}>${orderCell(ctx, col, block, no)}</td>`);
        continue;
      }
      if (col === 'deliverySno') {
        if (idx > 0 && items[idx - 1]!.deliverySno === item.deliverySno) continue;
        let span = 1;
        while (items[idx + span]?.deliverySno === item.deliverySno) span++;
        cells.push(`<td${span > 1 ? ` rowspan="${span}"` : ''} class="font-num">${esc(item.deliverySno)}</td>`);
        continue;
      }
      cells.push(`<td${col === 'goodsNm' ? ' class="text-left"' : ''}>${itemCell(ctx, col, order, item, perItem, no - idx)}</td>`);
    }
    // layout_order_goods_list.php:131 (per item) carries data-channel; the grouped rows (simple :114) do not
    rows.push(
      `<tr class="text-center" data-mall-sno="1"${perItem ? ` data-channel="${esc(order.orderChannelFl ?? 'shop')}"` : ''}>${cells.join('')}</tr>`,
    );
  });
  return rows.join('\n');
}

/** The check cell (simple :120-155, perItem :139-170): the box, its hidden fields, and the 묶음 marker. */
function checkCell(ctx: ListContext, order: SeedOrder, item: SeedItem, value: string, perItem: boolean): string {
  const m = item.status[0]!;
  const packet =
    ctx.list === 'goods' && order.packetCode
      ? '<div style="width:20px; height:15px; background-color:#8041D9; color:white; font-size:7px; margin: 0 auto; margin-top: 4px;">묶음</div>'
      : '';
  return `<input type="checkbox" name="statusCheck[${m}][]" value="${esc(value)}"/>
<input type="hidden" name="orderStatus[${m}][]" value="${esc(item.status)}"/>
<input type="hidden" name="escrowCheck[${m}][]" value="nn"/>
<input type="hidden" name="orderChannelFl[${m}][${esc(value)}]" value="${esc(order.orderChannelFl ?? 'shop')}"/>
<input type="hidden" name="deliveryMethodFl[${m}][${esc(value)}]" value="${esc(item.deliveryMethodFl ?? 'delivery')}"/>${
    perItem ? `\n<input type="hidden" name="invoiceCompanySno[${m}][]" value="${esc(item.invoiceCompanySno || '0')}"/>` : ''
  }${
    // layout_order_goods_list.php:148–151, 166–169: on the 환불/교환/반품 lists (r e b, not the 교환추가 list's
    // z), the claim's handle and the status before it
    CLAIM_LISTS.has(ctx.list) && ctx.list !== 'exchange_add'
      ? `\n<input type="hidden" name="handleSno[${m}][]" value="${esc(item.sno)}"/>\n<input type="hidden" name="beforeStatus[${m}][]" value="d2"/>`
      : ''
  }${packet}`;
}

/**
 * gd_select_box of the shop's couriers (markup of the framework helper is not published: a plain
 * select). The blank option reads `=배송 업체=` (layout_order_search_form.php:371); an item without a
 * company preselects the first active one for 택배 only (simple :92-100).
 */
function courierSelect(ctx: ListContext, name: string, item: SeedItem): string {
  const chosen = item.invoiceCompanySno || ((item.deliveryMethodFl ?? 'delivery') === 'delivery' ? ctx.store.couriers[0]!.sno : '');
  const opts = ctx.store.couriers.map(
    (c) => `<option value="${esc(c.sno)}"${c.sno === chosen ? ' selected="selected"' : ''}>${esc(c.name)}</option>`,
  );
  return `<select name="${esc(name)}" class="form-control"><option value="0">=배송 업체=</option>${opts.join('')}</select>`;
}

/** Lists other than 상품준비중 print the number as text (simple :556-568, perItem :631-640). */
function invoiceText(ctx: ListContext, item: SeedItem): string {
  if (!item.invoiceCompanySno || !item.invoiceNo) return '';
  const trace = parcelMethod(item)
    ? `<div class="delivery-trace">
<input type="button" onclick="delivery_trace('${esc(item.invoiceCompanySno)}', '${esc(item.invoiceNo)}');" value="배송추적" class="btn btn-sm btn-black">
</div>`
    : '';
  return `<small>${esc(ctx.store.courierName(item.invoiceCompanySno))} / ${esc(item.invoiceNo)}</small>${trace}`;
}

function orderCell(ctx: ListContext, col: ColumnId, block: Block, no: number): string {
  const { order, items } = block;
  const first = items[0]!;
  switch (col) {
    case 'check':
      return checkCell(ctx, order, first, order.orderNo, false);
    case 'no':
      return `<small>${no}</small>`;
    case 'orderDt':
      return esc(order.orderDate.slice(0, 16));
    case 'orderNo':
      return orderLink(ctx, order.orderNo, order.orderNo);
    case 'orderName':
      return esc(order.orderName);
    case 'settlePrice':
      return won(items.reduce((s, i) => s + i.price * i.goodsCnt, 0));
    case 'receiver':
      return esc(order.receiverName);
    case 'invoice': {
      const { display, prevent } = combineState(items);
      if (display) {
        // simple :529-541 「개별등록 해제」: the per-order input is hidden (or absent when prevented)
        const area = prevent
          ? ''
          : `<div class="js-invoice-area display-none">${courierSelect(ctx, `invoiceCompanySno[${order.orderNo}]`, first)}
<input type="text" name="invoiceNo[${order.orderNo}]" value="" class="form-control input-sm mgt5"/></div>`;
        return `<input type="hidden" name="invoiceIndividualUnsetFl[${order.orderNo}]" value="" />
<div class="js-invoice-unset-area" style="color: red;">
<input type="checkbox" name="invoiceIndividualUnset[]" value="${order.orderNo}" data-combine-prevent="${prevent ? '1' : ''}"/> 개별등록 해제
</div>${area}`;
      }
      // simple :543-547 the per-order form pre-fills invoiceIndividualUnsetFl with the order number
      return `${courierSelect(ctx, `invoiceCompanySno[${order.orderNo}]`, first)}
<input type="hidden" name="invoiceIndividualUnsetFl[${order.orderNo}]" value="${order.orderNo}" />
<input type="text" name="invoiceNo[${order.orderNo}]" value="${esc(first.invoiceNo)}" class="form-control input-sm mgt5"/>`;
    }
    default:
      return '';
  }
}

/**
 * simple :186 / perItem :272 the link to the order (open_order_link opens order_view.php of this admin);
 * the customers' request lists add `js-link-order` (perItem :228/:272, `$isUserHandle`)
 */
export function orderLink(ctx: Pick<ListContext, 'provider'>, orderNo: string, text: string, userHandle = false): string {
  const provider = ctx.provider ? '1' : '';
  return `<a href="#;" onclick="javascript:open_order_link('${orderNo}', '', '${provider}')" title="주문번호" class="font-num${userHandle ? ' js-link-order' : ''}" data-order-no="${orderNo}" data-is-provider="${ctx.provider}">${esc(text)}</a>`;
}

/**
 * The 주문상품 cell's content (simple :229–288, perItem :307–376): a one-row table, the image (a grey
 * stand-in here) then the name link (title 상품명, gd_html_cut to 46) and the options; the two layouts
 * class the inner cells differently.
 */
export function goodsNameTable(item: SeedItem, perItem: boolean): string {
  return `<table><tr>${
    perItem ? '<td style="padding-right: 5px;">' : '<td class="text-left border-right-none" style="width: 40px;">'
  }<div class="goods-image"></div></td>
${perItem ? '<td style="border: 0px; ">' : '<td class="text-left" style="border: 0px;">'}<a href="javascript:void();" class="one-line bold mgb5" title="상품명" onclick="goods_register_popup('${esc(item.sno)}', false);">${esc(cutName(item.goodsNm))}</a>${
    item.optionText ? `<div class="option_info" title="상품 옵션">${esc(item.optionText)}</div>` : ''
  }</td></tr></table>`;
}

function itemKey(ctx: ListContext, order: SeedOrder, item: SeedItem, perItem: boolean): string {
  if (item.status.startsWith('o') && !perItem) return order.orderNo; // o is in statusListCombine on every list
  // perItem :85-93 orderNo||sno||userHandleNo||goodsCnt||goodsCnt (no 고객 클레임: userHandleNo empty)
  return perItem ? `${order.orderNo}||${item.sno}||||${item.goodsCnt}||${item.goodsCnt}` : `${order.orderNo}||${item.sno}`;
}

function itemCell(ctx: ListContext, col: ColumnId, order: SeedOrder, item: SeedItem, perItem: boolean, no: number): string {
  const m = item.status[0]!;
  switch (col) {
    case 'check':
      return checkCell(ctx, order, item, itemKey(ctx, order, item, perItem), perItem);
    case 'no':
      return `<small>${no}</small>`;
    case 'goodsSno':
      // perItem :270-281 the 상품주문번호 link carries the ORDER number; its text is the item sno
      return orderLink(ctx, order.orderNo, item.sno);
    case 'goodsNm':
      return goodsNameTable(item, perItem);
    case 'gift':
      return item.gifts.map((g) => `<div>${esc(g)}</div>`).join('');
    case 'goodsCnt':
      return String(item.goodsCnt);
    case 'status': {
      const label = esc(ctx.store.statusLabels[item.status] ?? item.status);
      // perItem :575-580 wraps it in div[title]; the grouped layout prints the bare text (simple :408-410)
      return perItem ? `<div title="주문 상품별 주문 상태">${label}</div>` : label;
    }
    case 'invoice':
      if (ctx.list === 'goods') {
        return `${courierSelect(ctx, `invoiceCompanySno[${m}][${item.sno}]`, item)}
<input type="text" name="invoiceNo[${m}][${item.sno}]" value="${esc(item.invoiceNo)}" class="form-control input-sm mgt5"/>`;
      }
      return invoiceText(ctx, item);
    case 'supplier':
      return esc(item.supplier);
    default:
      return '';
  }
}

/** The look of the 주문상품 cell's nested table (the admin's own stylesheet is not published). */
export const LIST_STYLE = `<style>
.order-list td.text-left{text-align:left}
.order-list td table td{border:0;padding:0 6px 0 0}
.order-list .goods-image{width:30px;height:30px;background:#e8e8e8}
.order-list .one-line{display:block;margin-bottom:5px;font-weight:bold}
</style>`;

const LIST_SCRIPT = `
(function () {
  var form = document.getElementById('frmOrderStatus');
  document.querySelectorAll('.js-order-status').forEach(function (b) {
    b.addEventListener('click', function () {
      form.elements['mode'].value = 'combine_status_change';
      document.getElementById('orderStatus').value = document.getElementById(b.getAttribute('data-select')).value;
      form.submit();
    });
  });
  document.querySelectorAll('.js-save-invoice').forEach(function (b) {
    b.addEventListener('click', function () { form.elements['mode'].value = 'combine_invoice_change'; form.submit(); });
  });
  var all = document.querySelector('.js-checkall');
  if (all) all.addEventListener('change', function () {
    document.querySelectorAll('input[name^="statusCheck["]').forEach(function (c) { c.checked = all.checked; });
  });
})();
`;
