// godomall's own search form (form#frmSearchOrder) and paging, as the list pages print them.
import type { ListContext } from './list-page';
import { listShowsStatus } from './model';
import { esc } from './html';

export interface ListQuery {
  key: string;
  keyword: string;
  from: string;
  to: string;
  statuses: string[];
  view: 'orderGoodsSimple' | 'orderGoods';
  sort: 'orderDt desc' | 'orderDt asc';
  pageNum: number;
  page: number;
}

const PAGE_SIZES = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 500];

export function parseListQuery(p: URLSearchParams): ListQuery {
  const dates = p.getAll('treatDate[]');
  const pageNum = Number(p.get('pageNum') ?? 20);
  return {
    key: p.get('key') ?? 'all',
    keyword: (p.get('keyword') ?? '').trim(),
    from: dates[0] ?? '',
    to: dates[1] ?? '',
    statuses: p.getAll('orderStatus[]').filter(Boolean),
    view: p.get('view') === 'orderGoods' ? 'orderGoods' : 'orderGoodsSimple',
    sort: p.get('sort') === 'orderDt asc' ? 'orderDt asc' : 'orderDt desc',
    pageNum: Number.isFinite(pageNum) ? Math.min(500, Math.max(10, Math.floor(pageNum))) : 20,
    page: Math.max(1, Math.floor(Number(p.get('page') ?? 1)) || 1),
  };
}

export function renderSearchForm(ctx: ListContext, q: ListQuery): string {
  const statuses = Object.entries(ctx.store.statusLabels).filter(([code]) => listShowsStatus(ctx.list, code) && /^[opgds]/.test(code));
  const sel = (v: string, cur: string) => (v === cur ? ' selected="selected"' : '');
  return `<form id="frmSearchOrder" name="frmSearchOrder" method="get" class="search-detail-box">
<select name="key" class="form-control">
  <option value="all"${sel('all', q.key)}>=통합검색=</option><option value="o.orderNo"${sel('o.orderNo', q.key)}>주문번호</option>
  <option value="o.orderName"${sel('o.orderName', q.key)}>주문자명</option><option value="oi.receiverName"${sel('oi.receiverName', q.key)}>수령자명</option>
  <option value="og.invoiceNo"${sel('og.invoiceNo', q.key)}>송장번호</option><option value="og.goodsNm"${sel('og.goodsNm', q.key)}>상품명</option>
</select>
<input type="text" name="keyword" value="${esc(q.keyword)}" class="form-control">
<span>기간검색 주문일</span>
<input type="text" name="treatDate[]" value="${esc(q.from)}" class="form-control js-datepicker"> ~
<input type="text" name="treatDate[]" value="${esc(q.to)}" class="form-control js-datepicker">
<div class="order-status-box">주문상태
<label><input type="checkbox" name="orderStatus[]" value=""${q.statuses.length ? '' : ' checked'}> 전체</label>
${statuses.map(([code, label]) => `<label><input type="checkbox" name="orderStatus[]" value="${esc(code)}"${q.statuses.includes(code) ? ' checked' : ''}> ${esc(label)}</label>`).join('\n')}
</div>
<select name="view" class="form-control">
  <option value="orderGoodsSimple"${sel('orderGoodsSimple', q.view)}>주문번호별</option>
  <option value="orderGoods"${sel('orderGoods', q.view)}>상품주문번호별</option>
</select>
<select name="sort" class="form-control">
  <option value="orderDt desc"${sel('orderDt desc', q.sort)}>주문일↓</option><option value="orderDt asc"${sel('orderDt asc', q.sort)}>주문일↑</option>
</select>
<select name="pageNum" class="form-control">${PAGE_SIZES.map((n) => `<option value="${n}"${n === q.pageNum ? ' selected="selected"' : ''}>${n}개 보기</option>`).join('')}</select>
<button type="submit" class="btn btn-black">검색</button>
</form>`;
}

/** Ten page links around the current page plus 맨끝, like the admin. */
export function renderPagination(file: string, params: URLSearchParams, q: ListQuery, total: number): string {
  const last = Math.max(1, Math.ceil(total / q.pageNum));
  const href = (page: number) => {
    const p = new URLSearchParams(params);
    p.delete('grid');
    p.set('page', String(page));
    return `./${file}?${esc(p.toString())}`;
  };
  const start = Math.floor((q.page - 1) / 10) * 10 + 1;
  const items: string[] = [];
  if (start > 1) items.push(`<li><a href="${href(start - 1)}">이전</a></li>`);
  for (let i = start; i <= Math.min(last, start + 9); i++) {
    items.push(i === q.page ? `<li class="active"><span>${i}</span></li>` : `<li><a href="${href(i)}">${i}</a></li>`);
  }
  if (start + 9 < last) items.push(`<li><a href="${href(start + 10)}">다음</a></li>`, `<li><a href="${href(last)}">맨끝</a></li>`);
  // Page.php:224-285, placed by the list (order_list_pay.php:56) in `div.text-center`
  return `<div class="text-center"><nav><ul class="pagination pagination-sm">${items.join('')}</ul></nav></div>`;
}
