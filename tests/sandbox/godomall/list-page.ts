// The order list pages (주문통합/입금대기/결제완료/상품준비중/배송중/배송완료/구매확정), both views,
// with the operator's grid (chosen and reordered columns), rowspans, godomall's search form and paging.
import type { ColumnId, ListKind, SeedItem, SeedOrder } from './model';
import { COLUMN_TITLES, DEFAULT_GRIDS, PROVIDER_SUPPLIER, listShowsStatus } from './model';
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
};

const ORDER_LEVEL: ReadonlySet<ColumnId> = new Set(['no', 'orderDt', 'orderNo', 'orderName', 'settlePrice', 'receiver']);

interface Block {
  order: SeedOrder;
  items: SeedItem[];
}

export interface ListContext {
  store: Store;
  session: Session;
  list: ListKind;
  provider: boolean;
  params: URLSearchParams;
}

/** The grid: `?grid=a,b,c` (saved to the session like the admin's 조회항목 설정), else session, else default. */
export function gridFor(ctx: ListContext): ColumnId[] {
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

export function selectBlocks(ctx: ListContext, q: ListQuery): Block[] {
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

/** Paging counts orders in the grouped view and items in the per-item view. */
function pageBlocks(blocks: Block[], q: ListQuery): { page: Block[]; total: number } {
  const start = (q.page - 1) * q.pageNum;
  if (q.view !== 'orderGoods') return { page: blocks.slice(start, start + q.pageNum), total: blocks.length };
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
  const perItem = q.view === 'orderGoods';
  let no = total - (q.page - 1) * q.pageNum;
  const body: string[] = [];
  for (const block of page) {
    body.push(renderBlock(ctx, block, grid, perItem, no));
    no -= perItem ? block.items.length : 1;
  }
  const statusOptions = Object.entries(ctx.store.statusLabels)
    .filter(([code]) => /^[opgds]/.test(code))
    .map(([code, label]) => `<option value="${esc(code)}">${esc(label)}</option>`)
    .join('');
  const action = (where: 'Top' | 'Bottom') => `<div class="table-action">
  <select id="orderStatus${where}" class="form-control js-status-select"><option value="">= 주문상태 =</option>${statusOptions}</select>
  <button type="button" class="btn btn-black js-order-status" data-select="orderStatus${where}">일괄처리</button>
  ${ctx.list === 'goods' ? '<button type="button" class="btn btn-red js-save-invoice">송장번호 저장</button>' : ''}
</div>`;
  const html = `<h3 class="page-header">${esc(TITLES[ctx.list])}</h3>
${renderSearchForm(ctx, q)}
<div class="table-header">검색 <strong class="text-danger js-search-count">${total}</strong>건 / 총 ${ctx.store.orders.size}건</div>
<form id="frmOrderStatus" name="frmOrderStatus" method="post" action="./order_ps.php" target="ifrmProcess">
<input type="hidden" name="mode" value="combine_status_change">
<input type="hidden" id="orderStatus" name="changeStatus" value="">
${action('Top')}
<table class="table table-rows order-list">
<thead><tr>${grid.map((c) => (c === 'check' ? '<th><input type="checkbox" class="js-checkall" data-target-name="statusCheck"></th>' : `<th data-column="${c}">${esc(COLUMN_TITLES[c])}</th>`)).join('')}</tr></thead>
<tbody>${body.join('\n') || `<tr><td colspan="${grid.length}" class="no-data">검색된 주문이 없습니다.</td></tr>`}</tbody>
</table>
${action('Bottom')}
</form>
${renderPagination(ctx.params, q, total)}`;
  return shell(TITLES[ctx.list], ctx.session.operatorId, html, LIST_SCRIPT);
}

function renderBlock(ctx: ListContext, block: Block, grid: ColumnId[], perItem: boolean, no: number): string {
  const { order, items } = block;
  const n = items.length;
  const groupedInvoice = ctx.list === 'goods' && !perItem;
  const rows: string[] = [];
  items.forEach((item, idx) => {
    const cells: string[] = [];
    for (const col of grid) {
      const orderLevel = ORDER_LEVEL.has(col) || (col === 'check' && !perItem) || (col === 'invoice' && groupedInvoice);
      if (orderLevel) {
        if (idx === 0) cells.push(`<td rowspan="${n}"${col === 'check' ? ' class="center"' : ''}>${orderCell(ctx, col, block, perItem, no)}</td>`);
        continue;
      }
      if (col === 'deliverySno') {
        if (idx > 0 && items[idx - 1]!.deliverySno === item.deliverySno) continue;
        let span = 1;
        while (items[idx + span]?.deliverySno === item.deliverySno) span++;
        cells.push(`<td rowspan="${span}">${esc(item.deliverySno)}<br>${won(item.deliveryFee)}<br>(${item.collect === 'later' ? '착불' : '선불'})</td>`);
        continue;
      }
      cells.push(`<td>${itemCell(ctx, col, order, item, idx, perItem ? no - idx : no)}</td>`);
    }
    rows.push(`<tr class="text-center" data-mall-sno="1" data-channel="shop">${cells.join('')}</tr>`);
  });
  return rows.join('\n');
}

function checkCell(m: string, value: string, status: string, orderNo: string): string {
  return `<input type="checkbox" name="statusCheck[${m}][]" value="${esc(value)}">
<input type="hidden" name="orderStatus[${m}][]" value="${esc(status)}">
<input type="hidden" name="escrowCheck[${m}][]" value="n">
<input type="hidden" name="orderChannelFl[${m}][${esc(value)}]" value="shop">
<input type="hidden" name="deliveryMethodFl[${m}][${esc(orderNo)}]" value="delivery">`;
}

function courierSelect(ctx: ListContext, name: string, selected: string): string {
  const chosen = selected || ctx.store.couriers[0]!.sno; // the admin preselects its first active courier
  const opts = ctx.store.couriers.map((c) => `<option value="${esc(c.sno)}"${c.sno === chosen ? ' selected="selected"' : ''}>${esc(c.name)}</option>`);
  return `<select name="${esc(name)}" class="form-control input-sm"><option value="0">= 배송 업체 =</option>${opts.join('')}</select>`;
}

function invoiceText(ctx: ListContext, item: SeedItem): string {
  if (!item.invoiceNo) return '';
  return `${esc(ctx.store.courierName(item.invoiceCompanySno))}<br>${esc(item.invoiceNo)}
<button type="button" class="btn btn-xs btn-white" onclick="delivery_trace('${esc(item.invoiceCompanySno)}','${esc(item.invoiceNo)}');">배송추적</button>`;
}

function orderCell(ctx: ListContext, col: ColumnId, block: Block, perItem: boolean, no: number): string {
  const { order, items } = block;
  const first = items[0]!;
  switch (col) {
    case 'check':
      return checkCell(first.status[0]!, order.orderNo, first.status, order.orderNo);
    case 'no':
      return String(no);
    case 'orderDt':
      return esc(order.orderDate.slice(0, 16));
    case 'orderNo':
      return `<a href="./order_view.php?orderNo=${order.orderNo}" target="_blank" class="btn-link-underline" data-order-no="${order.orderNo}">${order.orderNo}</a>`;
    case 'orderName':
      return esc(order.orderName);
    case 'settlePrice':
      return won(items.reduce((s, i) => s + i.price * i.goodsCnt, 0));
    case 'receiver':
      return esc(order.receiverName);
    case 'invoice': {
      if (new Set(items.map((i) => i.supplier)).size > 1) {
        // split over suppliers: the grouped view shows 「개별등록 해제」 instead of one input
        return `<button type="button" class="btn btn-xs btn-white js-invoice-individual-unset" data-order-no="${order.orderNo}">개별등록 해제</button>
<input type="hidden" name="invoiceIndividualUnsetFl[${order.orderNo}]" value="" disabled>
${items.map((i) => `<div>${invoiceText(ctx, i)}</div>`).join('')}`;
      }
      // layout_order_goods_simple_list.php:549 the per-order form pre-fills invoiceIndividualUnsetFl with the order number
      return `${courierSelect(ctx, `invoiceCompanySno[${order.orderNo}]`, first.invoiceCompanySno)}
<input type="text" name="invoiceNo[${order.orderNo}]" value="${esc(first.invoiceNo)}" class="form-control input-sm" maxlength="30">
<input type="hidden" name="invoiceIndividualUnsetFl[${order.orderNo}]" value="${order.orderNo}">`;
    }
    default:
      void perItem;
      return '';
  }
}

function itemCell(ctx: ListContext, col: ColumnId, order: SeedOrder, item: SeedItem, idx: number, no: number): string {
  const m = item.status[0]!;
  switch (col) {
    case 'check':
      return checkCell(m, `${order.orderNo}||${item.sno}||0||${idx + 1}||${item.goodsCnt}`, item.status, order.orderNo);
    case 'no':
      return String(no);
    case 'goodsSno':
      return `<a href="#" class="js-goods-order" data-order-no="${order.orderNo}" data-sno="${item.sno}">${item.sno}</a>`;
    case 'goodsNm':
      return `<div class="goods-name" title="${esc(item.goodsNm)}">${esc(cutName(item.goodsNm))}</div>${item.optionText ? `<div class="text-muted">${esc(item.optionText)}</div>` : ''}`;
    case 'gift':
      return item.gifts.map((g) => `<div>${esc(g)}</div>`).join('');
    case 'goodsCnt':
      return String(item.goodsCnt);
    case 'status':
      return `<div title="주문 상품별 주문 상태">${esc(ctx.store.statusLabels[item.status] ?? item.status)}</div>`;
    case 'invoice':
      if (ctx.list === 'goods') {
        return `${courierSelect(ctx, `invoiceCompanySno[${m}][${item.sno}]`, item.invoiceCompanySno)}
<input type="text" name="invoiceNo[${m}][${item.sno}]" value="${esc(item.invoiceNo)}" class="form-control input-sm" maxlength="30">`;
      }
      return invoiceText(ctx, item);
    case 'supplier':
      return esc(item.supplier);
    default:
      return '';
  }
}

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
