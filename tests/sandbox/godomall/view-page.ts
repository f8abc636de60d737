// order_view.php and inc_order_view.php as the published godomall5 templates render them
// (Asset/Admin/order/ of bluesky1478/godomall): ids, names, classes and nesting follow the templates,
// the values come from the seed. Written here, not copied; each block names the template lines it
// follows. jQuery/Bootstrap are not loaded offline, so a few lines of plain script play the page's part
// (loading the goods table, the 일괄적용 button's form).
import type { SeedItem, SeedOrder } from './model';
import { PROVIDER_SUPPLIER } from './model';
import type { Session, Store } from './store';
import { FORM_TOKEN_FIELD } from './store';
import { esc, shell } from './html';
import { userHandleText } from './user-claim-page';

/** The goods table's two published shapes: columns from `orderGridConfigList`, or the older fixed columns. */
export type DetailLayout = 'grid' | 'fixed';

/**
 * Grid keys of inc_order_view.php (the `$gridKey === '…'` branches). The default list below is the
 * operator's 조회항목설정 as the simulator ships it; the real default set is not in the published tree.
 */
export type DetailGridKey =
  | 'check'
  | 'no'
  | 'orderGoodsNo'
  | 'goodsCd'
  | 'goodsImage'
  | 'orderGoodsNm'
  | 'goodsCnt'
  | 'orgGoodsPrice'
  | 'goodsPrice'
  | 'scmNm'
  | 'deliveryCharge'
  | 'processStatus'
  | 'invoiceNo';

export const DEFAULT_DETAIL_GRID: DetailGridKey[] = [
  'check',
  'no',
  'orderGoodsNo',
  'goodsImage',
  'orderGoodsNm',
  'goodsCnt',
  'orgGoodsPrice',
  'goodsPrice',
  'scmNm',
  'deliveryCharge',
  'processStatus',
  'invoiceNo',
];

const GRID_TITLES: Record<DetailGridKey, string> = {
  check: '',
  no: '번호',
  orderGoodsNo: '상품주문번호',
  goodsCd: '상품코드',
  goodsImage: '이미지',
  orderGoodsNm: '주문상품',
  goodsCnt: '수량',
  orgGoodsPrice: '판매가',
  goodsPrice: '상품금액',
  scmNm: '공급사',
  deliveryCharge: '배송비',
  processStatus: '처리상태',
  invoiceNo: '송장번호',
};

const money = (n: number) => `${n.toLocaleString('ko-KR')}원`;

/**
 * The 주문내역 tab holds the items that are not in a claim (order_view.php:141, `normalGoods`); each
 * orderStatusMode its groups (IncOrderViewController.php:48–53, 110–113 교환 e, 142–145 교환추가 z, 157–160).
 */
const TAB_GROUPS: Record<string, string> = {
  order: 'opgds',
  cancel: 'c',
  exchange: 'e',
  exchangeAdd: 'z',
  back: 'b',
  refund: 'r',
  fail: 'f',
};

function tabItems(o: SeedOrder, mode: string, provider: boolean): SeedItem[] {
  const groups = TAB_GROUPS[mode];
  return o.items.filter((i) => (!provider || i.supplier === PROVIDER_SUPPLIER) && (!groups || groups.includes(i.status[0]!)));
}

/** layout_order_view_receiver_info_modify.php:9–116 (기준몰): the hidden edit layer the extension reads. */
function receiverModify(o: SeedOrder): string {
  const cell = o.receiverCellPhone.replace(/-/g, '');
  const safe = o.receiverSafeNumber
    ? `<input type="hidden" name="info[receiverOriginCellPhone]" value="${esc(o.receiverCellPhone.replace(/-/g, ''))}"><input type="hidden" name="info[receiverSafeNumber]" value="${esc(o.receiverSafeNumber)}">`
    : '';
  if (o.items.every((i) => i.deliveryMethodFl === 'visit'))
    return '<table class="table table-cols"><colgroup><col class="width-md"/><col/></colgroup></table>';
  return `<table class="table table-cols">
<colgroup><col class="width-md"/><col/></colgroup>
<tr><th>수령자명</th><td><input type="text" name="info[receiverName]" value="${esc(o.receiverName)}" class="form-control width-sm"/></td></tr>
<tr><th>전화번호</th><td><div class="form-inline"><input type="text" name="info[receiverPhone]" value="${esc(o.receiverPhone.replace(/-/g, ''))}" maxlength="12" class="form-control js-number-only width-md"/></div></td></tr>
<tr><th>휴대폰번호</th><td><div class="form-inline">${safe}<input type="text" name="info[receiverCellPhone]" value="${esc(cell)}" maxlength="12" class="form-control js-number-only width-md"/></div></td></tr>
<tr><th>주소</th><td>
<div class="form-inline"><input type="text" name="info[receiverZonecode]" value="${esc(o.receiverZonecode)}" size="5" class="form-control"/><input type="hidden" name="info[receiverZipcode]" value="${esc(o.receiverZipcode)}"/>
<span id="inforeceiverZipcodeText" class="number">${o.receiverZipcode.length === 7 ? `(${esc(o.receiverZipcode)})` : ''}</span>
<input type="button" onclick="postcode_search('info[receiverZonecode]', 'info[receiverAddress]', 'info[receiverZipcode]');" value="우편번호찾기" class="btn btn-sm btn-gray"/></div>
<div class="mgt5"><input type="text" name="info[receiverAddress]" value="${esc(o.receiverAddress)}" class="form-control"/></div>
<div class="mgt5"><input type="text" name="info[receiverAddressSub]" value="${esc(o.receiverAddressSub)}" class="form-control"/></div>
</td></tr>
<tr><th>배송 메세지</th><td><textarea name="info[orderMemo]" rows="3" class="form-control">${esc(o.orderMemo)}</textarea></td></tr>
</table>`;
}

/** layout_order_view_receiver_info.php:9–113: the visible read-only block (a 안심번호 shows there). */
function receiverView(o: SeedOrder): string {
  const safe = o.receiverSafeNumber ? `<tr><th>안심번호</th><td>${esc(o.receiverSafeNumber)}</td></tr>` : '';
  return `<table class="table table-cols"><colgroup><col class="width-md"/><col/></colgroup>
<tr><th>수령자명</th><td>${esc(o.receiverName)}</td></tr>
<tr><th>전화번호</th><td>${esc(o.receiverPhone)}</td></tr>
<tr><th>휴대폰번호</th><td>${esc(o.receiverCellPhone)}</td></tr>${safe}
<tr><th>주소</th><td><div>[${esc(o.receiverZonecode)}]${o.receiverZipcode.length === 7 ? ` (${esc(o.receiverZipcode)})` : ''}</div><div>${esc(o.receiverAddress)}<br />${esc(o.receiverAddressSub)}</div></td></tr>
<tr><th>배송 메세지</th><td>${esc(o.orderMemo).replace(/\n/g, '<br />\n')}</td></tr></table>`;
}

/** order_view.php:214–256 사은품 정보: one table per order; the seed's 「보냉팩 1개」 is name + 수량. */
function giftTable(o: SeedOrder, provider: boolean): string {
  const gifts = o.items.filter((i) => !provider || i.supplier === PROVIDER_SUPPLIER).flatMap((i) => i.gifts);
  if (!gifts.length) return '';
  const rows = gifts.map((g) => {
    const m = /^(.*?)\s*(\d+)\s*개$/.exec(g);
    const [name, cnt] = m ? [m[1]!, Number(m[2])] : [g, 1];
    return `<tr class="text-center"><td><img src="/data/gift/gift.png" width="40" alt="${esc(name)}"></td><td>${esc(name)}</td><td>구매 사은품</td><td>${cnt.toLocaleString('ko-KR')}</td><td>-</td></tr>`;
  });
  const total = gifts.reduce((n, g) => n + Number(/(\d+)\s*개$/.exec(g)?.[1] ?? 1), 0);
  return `<table class="table table-cols"><colgroup><col class="width-md"/><col class="width-md"/><col/><col class="width-xl"/><col class="width-md"/></colgroup><tbody>
<tr><th class="text-left" rowspan="${gifts.length + 2}"><span class="gd-help-manual">사은품 정보</span></th><th class="text-center">이미지</th><th class="text-center">사은품명</th><th class="text-center">사은품 지급조건명</th><th class="text-center">수량</th><th class="text-center">비고</th></tr>
${rows.join('\n')}
<tr><th colspan="3" class="text-right">합계 수량</th><th class="text-center">${total}</th><th></th></tr></tbody></table>`;
}

export function renderOrderView(store: Store, session: Session, orderNo: string, provider: boolean): string {
  const o = store.orders.get(orderNo);
  if (!o || (provider && !o.items.some((i) => i.supplier === PROVIDER_SUPPLIER))) {
    return shell('주문 상세', session.operatorId, `<script>alert('주문 정보가 존재하지 않습니다.'); history.back();</script>`);
  }
  const n = tabItems(o, 'order', provider).length;
  // order_view.php:11–19 the empty status form, then frmOrder with its own hidden fields; :136–205 the tabs
  const body = `<form id="frmOrderStatus" method="post" action="../order/order_ps.php"></form>
<form id="frmOrder" name="frmOrder" action="./order_ps.php" method="post">
<input type="hidden" name="mode" value=""/>
<input type="hidden" name="orderNo" value="${o.orderNo}"/>
<input type="hidden" name="info[sno]" value="${o.orderNo.slice(-6)}" />
<input type="hidden" name="info[data]" value="" />
<input type="hidden" name="no" value="">
<input type="hidden" name="oldManagerId" value="">${session.formToken ? `\n<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${session.formToken}">` : ''}
<div class="page-header js-affix"><h3>주문 상세정보</h3></div>
<div class="panel panel-default"><div class="panel-heading"><span class="flag flag-16 flag-kr"></span> 기준몰 &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; 주문번호 : <span>${o.orderNo}</span>${packetDropdown(store, o)}</div></div>
<div class="table-title"><span class="gd-help-manual mgt30">상품정보</span></div>
<div id="tabOrderStatus" clear>
<ul class="nav nav-tabs mgb30" role="tablist">
<li role="presentation" class="active"><a href="#tab-status-order" data-toggle="tab">주문내역 (<strong>${n}</strong> 건)</a></li>
</ul>
<div class="tab-content loading">
<div role="tab-status-order" class="tab-pane in active" id="tab-status-order"></div>
</div>
</div>
${giftTable(o, provider)}
<div class="row"><div class="col-xs-12">
<div class="col-xs-6" id="layoutOrderViewOrderInfoArea"><div class="table-title gd-help-manual"><div class="flo-left">주문자 정보</div></div>
<div id="layoutOrderViewOrderInfo"><table class="table table-cols"><tr><th>주문자명</th><td>${esc(o.orderName)}</td></tr><tr><th>휴대폰번호</th><td>${esc(o.orderCellPhone)}</td></tr><tr><th>주문일시</th><td>${esc(o.orderDate)}</td></tr></table></div>
<div id="layoutOrderViewOrderInfoModify" class="display-none"><table class="table table-cols">
<tr><th>주문자명</th><td><input type="text" name="info[orderName]" value="${esc(o.orderName)}" class="form-control width-sm"/></td></tr>
<tr><th>휴대폰번호</th><td><input type="text" name="info[orderCellPhone]" value="${esc(o.orderCellPhone)}" maxlength="20" class="form-control js-number-only width-md"/></td></tr>
</table></div></div>
<div class="col-xs-6 js-order-view-receiver-area"><div class="table-title gd-help-manual"><div class="flo-left">수령자 정보</div>
<div class="flo-right"><button type="button" class="btn btn-red btn-sm js-receiverInfoBtn">정보수정</button></div></div>
<div class="js-layout-order-view-receiver-info">${receiverView(o)}</div>
<div class="js-layout-order-view-receiver-info-modify display-none">${receiverModify(o)}</div>
</div></div></div>
</form>`;
  // order_view.php:1109 orderChannelFl; :1180–1211 the tab's goods table is POSTed for; :1264–1300 and
  // :1806–1845 the 일괄적용 button rebuilds #frmOrderStatus and submits it into ifrmProcess
  const script = `var orderChannelFl = '${o.orderChannelFl ?? 'shop'}';
(function () {
  var x = new XMLHttpRequest();
  x.open('POST', './inc_order_view.php');
  x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
  x.onload = function () { document.getElementById('tab-status-order').innerHTML = x.responseText; };
  x.send('orderNo=${o.orderNo}&orderStatusMode=order&isUseMall=');
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.js-order-status-delivery');
    if (!b) return;
    var checked = document.querySelectorAll('input[name^="bundle[statusCheck]"]:checked');
    if (!checked.length) return alert('일괄 처리할 상품을 선택해 주세요.');
    var status = document.getElementById('bundleOrderStatus'), courier = document.getElementById('applyDeliverySno'), no = document.getElementById('applyInvoiceNo');
    var f = document.getElementById('frmOrderStatus'); f.innerHTML = '';
    function add(n, v) { var i = document.createElement('input'); i.type = 'hidden'; i.name = n; i.value = v; f.appendChild(i); }
    add('mode', 'modifyOrderStatusDelivery');
    if (status && status.value) add('orderStatusUpdateFl', 'y');
    if (courier.value != 0 && no.value) add('orderInvoiceUpdateFl', 'y');
    add('changeStatus', status ? status.value : ''); add('orderChannelFl', orderChannelFl);
    checked.forEach(function (c) {
      var td = c.closest('td'), m = td.querySelector('input[name*="bundle[statusMode]"]').value.substr(0, 1), sno = td.querySelector('input[name*="bundle[goods][sno]"]').value;
      add('statusMode[' + m + '][]', m); add('statusCheck[' + m + '][]', '${o.orderNo}||' + sno);
      add('invoiceCompanySno[' + m + '][' + sno + ']', courier.value);
      add('deliveryMethodFl[' + m + '][' + sno + ']', td.querySelector('input[name*="bundle[deliveryMethodFl]"]').value);
      add('defaultInvoiceCompanySno[' + m + '][' + sno + ']', td.querySelector('input[name*="bundle[defaultInvoiceCompanySno]"]').value);
      add('invoiceNo[' + m + '][' + sno + ']', no.value);
    });
    f.target = 'ifrmProcess'; f.submit();
  });
})();`;
  return shell('주문 상세', session.operatorId, body, script);
}

interface RowCtx {
  store: Store;
  item: SeedItem;
  sortNo: number;
  /** the customer's pending claim (userHandleInfo), labelled in the goods cell */
  claim?: string;
  /** first row of its supplier / delivery group: the rowspanned cells are printed there */
  scmSpan: number;
  deliverySpan: number;
}

/** inc_order_view.php:97–104 the check cell (grid); the fixed-column copies print fewer hidden inputs. */
function checkCell(item: SeedItem, layout: DetailLayout): string {
  const s = item.sno;
  if (layout === 'fixed') {
    return `<td class="center"><div class="display-block">
<input type="checkbox" name="bundle[statusCheck][${s}]" value="${s}" class=""/>
<input type="hidden" name="bundle[statusMode][${s}]" value="${esc(item.status)}"/>
<input type="hidden" name="bundle[goods][sno][${s}]" value="${s}"/>
</div></td>`;
  }
  return `<td class="center"><div class="display-block">
<input type="checkbox" name="bundle[statusCheck][${s}]" value="${s}" class=""/>
<input type="hidden" name="bundle[statusMode][${s}]" value="${esc(item.status)}"/>
<input type="hidden" name="bundle[deliveryMethodFl][${s}]" value="${esc(item.deliveryMethodFl ?? 'delivery')}"/>
<input type="hidden" name="bundle[defaultInvoiceCompanySno][${s}]" value="${esc(item.invoiceCompanySno)}"/>
<input type="hidden" name="bundle[goods][sno][${s}]" value="${s}"/>
</div></td>`;
}

/** inc_order_view.php:157–219 the 주문상품 cell: the goods link, then options as dl/dt/dd. */
function goodsCell(item: SeedItem, claim?: string): string {
  const options = item.optionText
    ? item.optionText
        .split(' / ')
        .map((part) => {
          const [name, ...rest] = part.split(':');
          return `<dl class="dl-horizontal" title="옵션명"><dt>${esc(name!.trim())} :</dt><dd>${esc(rest.join(':').trim())}</dd></dl>`;
        })
        .join('')
    : '';
  const link = `<a href="javascript:void()" class="one-line" title="상품명" onclick="goods_register_popup('${item.sno}', false);">\n${esc(item.goodsNm)}</a>`;
  // :159-164 a customer's pending claim is labelled atop the cell
  const handle = claim ? `<div>\n<span class="label label-white">${esc(claim)}</span>\n</div>\n` : '';
  return `<td class="text-left">\n${handle}${link}\n<div class="info">${options}</div></td>`;
}

function statusCell(r: RowCtx): string {
  const { item, store } = r;
  const trace =
    item.invoiceNo && (!item.deliveryMethodFl || item.deliveryMethodFl === 'delivery' || item.deliveryMethodFl === 'packet')
      ? `<div><input type="button" onclick="delivery_trace('${esc(item.invoiceCompanySno)}', '${esc(item.invoiceNo)}');" value="배송추적" class="btn btn-sm btn-gray mgt5"/></div>`
      : '';
  return `<td class="center"><p>${esc(store.statusLabels[item.status] ?? item.status)} <input type="button" data-sno="${item.sno}" data-name="${esc(item.goodsNm)}" value="로그" class="btn btn-sm btn-white js-order-log"/></p><div></div>${trace}</td>`;
}

/** inc_order_view.php:92–640: one cell per grid key, in the operator's order. */
function gridRow(r: RowCtx, grid: DetailGridKey[]): string {
  const { item, store } = r;
  const cells = grid.map((key) => {
    switch (key) {
      case 'check':
        return checkCell(item, 'grid');
      case 'no':
        return `<td>${r.sortNo}</td>`;
      case 'orderGoodsNo':
        return `<td>${item.sno}</td>`;
      case 'goodsCd':
        return `<td>G${item.sno}</td>`;
      case 'goodsImage':
        return `<td><img src="/data/goods/${item.sno}.jpg" width="40" alt="${esc(item.goodsNm)}" title="${esc(item.goodsNm)}"></td>`;
      case 'orderGoodsNm':
        return goodsCell(item, r.claim);
      case 'goodsCnt':
        return `<td class="text-center">\n<strong>${item.goodsCnt.toLocaleString('ko-KR')}</strong>\n</td>`;
      case 'orgGoodsPrice':
        return `<td class="text-right">${money(item.price)}</td>`;
      case 'goodsPrice':
        return `<td class="text-right">${money(item.price * item.goodsCnt)}</td>`;
      case 'scmNm':
        return r.scmSpan ? `<td rowspan="${r.scmSpan}">${esc(item.supplier)}</td>` : '';
      case 'deliveryCharge':
        return r.deliverySpan
          ? `<td rowspan="${r.deliverySpan}">${money(item.collect === 'later' ? 0 : item.deliveryFee)}<br />${item.collect === 'pre' ? '(선불)' : '(착불)'}</td>`
          : '';
      case 'processStatus':
        return statusCell(r);
      case 'invoiceNo':
        return `<td class="center" style="width: 140px;"><input type="text" value="${item.invoiceCompanySno ? esc(store.courierName(item.invoiceCompanySno)) : ''}" placeholder="택배" class="form-control mgt5 width-sm" readonly="readonly"/><input type="text" value="${esc(item.invoiceNo)}" class="form-control mgt5 width-sm" readonly="readonly" /></td>`;
    }
  });
  return `<tr id="statusCheck_${item.status[0]}_${item.sno}" class="text-center" data-status-mode="${item.status[0]}" data-original-status-mode="${esc(item.status)}" data-settle-kind="pc" data-handle-mode="">\n${cells.join('\n')}\n</tr>`;
}

/**
 * The older fixed-column copies (varungakhar/market inc_order_view.php): the same id without data
 * attributes, and an editable courier select + number input per item (the first courier preselected
 * for an item without one).
 */
function fixedRow(r: RowCtx): string {
  const { item, store } = r;
  const fee = r.deliverySpan
    ? `<td rowspan="${r.deliverySpan}">${money(item.collect === 'later' ? 0 : item.deliveryFee)}<br />\n${item.collect === 'pre' ? '(선불)' : '(착불)'}</td>`
    : '';
  const chosen = item.invoiceCompanySno || store.couriers[0]?.sno;
  const options = store.couriers
    .map((c) => `<option value="${esc(c.sno)}"${c.sno === chosen ? ' selected="selected"' : ''}>${esc(c.name)}</option>`)
    .join('');
  return `<tr id="statusCheck_${item.status[0]}_${item.sno}" class="text-center">
${checkCell(item, 'fixed')}
<td>${r.sortNo}</td>
<td>${item.sno}</td>
${goodsCell(item, r.claim)}
<td class="text-center">\n<strong>${item.goodsCnt.toLocaleString('ko-KR')}</strong>\n</td>
<td class="text-right">${money(item.price)}</td>
${r.scmSpan ? `<td rowspan="${r.scmSpan}" class="border-left text-center">${esc(item.supplier)}</td>` : ''}
${fee}
<td><select class=" " id="" name="bundle[goods][invoiceCompanySno][${item.sno}]"><option value="0">= 배송 업체 =</option>${options}</select>
<input type="text" name="bundle[goods][invoiceNo][${item.sno}]" value="${esc(item.invoiceNo)}" class="form-control input-sm mgt5"/></td>
<td class="center"><p>${esc(store.statusLabels[item.status] ?? item.status)}</p><div></div></td>
</tr>`;
}

/**
 * order_view.php:33–50 「묶음배송」: a dropdown listing the packet's order numbers as links to their
 * order pages, printed only when the order has a packetCode. (Which orders the controller lists is not
 * published; the packet's other orders are listed here, and the reader accepts its own number too.)
 */
function packetDropdown(store: Store, o: SeedOrder): string {
  if (!o.packetCode) return '';
  const others = store.orderList().filter((x) => x.packetCode === o.packetCode && x.orderNo !== o.orderNo);
  if (!others.length) return '';
  const items = others
    .map(
      (x) =>
        `<li class="dropdown-item"><a href="../order/order_view.php?orderNo=${x.orderNo}" target="_blank"><span class="dropdown-item-val text-primary">${x.orderNo}</span></a></li>`,
    )
    .join('');
  return `<div class="dropdown display-inline"><button type="button" class="dropdown-toggle btn btn-sm btn-black" data-toggle="dropdown" aria-haspopup="false" aria-expanded="false">묶음배송</button><ul class="dropdown-menu dropdown-packet-area" aria-labelledby="packetPresentation"><li class="dropdown-packet-area-header">묶음배송 주문번호</li>${items}</ul></div>`;
}

export function renderIncOrderView(store: Store, orderNo: string, statusMode: string, provider: boolean): string {
  const o: SeedOrder | undefined = store.orders.get(orderNo);
  if (!o)
    return '<div id="inc_order_view" class="table-responsive"><table class="table table-rows"><tbody><tr><td class="no-data">주문내역이 없습니다.</td></tr></tbody></table></div>';
  // inc_order_view.php:39–89 goods grouped by supplier (scm) then delivery group, rowspans on the first row
  const items = tabItems(o, statusMode || 'order', provider).sort(
    (a, b) => a.supplier.localeCompare(b.supplier) || a.deliverySno.localeCompare(b.deliverySno),
  );
  const layout = store.detailLayout;
  const grid = store.detailGrid;
  const rows = items.map((item, idx) => {
    const first = (key: (i: SeedItem) => string) =>
      idx === 0 || key(items[idx - 1]!) !== key(item) ? items.filter((i) => key(i) === key(item)).length : 0;
    const r: RowCtx = {
      store,
      item,
      sortNo: items.length - idx,
      // a customer's request still waiting for the shop is labelled (userHandleInfo, OrderAdmin.php:3283–3285)
      ...(item.userHandle?.fl === 'r' ? { claim: userHandleText(item.userHandle) } : o.claimInProgress ? { claim: '반품신청' } : {}),
      scmSpan: first((i) => i.supplier),
      deliverySpan: first((i) => `${i.supplier}|${i.deliverySno}|${i.deliveryMethodFl ?? ''}|${i.collect}`),
    };
    return layout === 'fixed' ? fixedRow(r) : gridRow(r, grid);
  });
  const head =
    layout === 'fixed'
      ? '<tr><th><input type="checkbox" id="allCheck" value="y" class="js-checkall" data-target-name="bundle[statusCheck]" /></th><th>번호</th><th>상품주문번호</th><th>주문상품</th><th>수량</th><th>상품금액</th><th>공급사</th><th>배송비</th><th>송장번호</th><th>처리상태</th></tr>'
      : grid
          .map((k) =>
            k === 'check'
              ? "<th><input type='checkbox' id='allCheck' value='y' class='js-checkall' data-target-name='bundle[statusCheck]' /></th>"
              : `<th>${GRID_TITLES[k]}</th>`,
          )
          .join('');
  const statuses = Object.entries(store.statusLabels)
    .map(([c, l]) => `<option value="${esc(c)}">${esc(l)}</option>`)
    .join('');
  // inc_order_view.php:673–684: gd_select_box('applyDeliverySno', null, couriers, selected = the shop's default courier)
  const couriers = store.couriers
    .map((c, i) => `<option value="${esc(c.sno)}"${i === 0 ? ' selected="selected"' : ''}>${esc(c.name)}</option>`)
    .join('');
  // the fixed-column copies: 「변경」 (.js-ordergoods-status) and 「송장일괄등록」 (.js-invoice-apply) instead of 일괄적용
  const fixedAction = `<div class="table-action"><div class="pull-left form-inline"><span class="action-title">선택한 상품을</span>
<select id="bundleOrderStatus" name="bundle[orderStatus]" class="form-control js-status-change"><option value="">==상품상태==</option>${statuses}</select>
<button type="button" class="btn btn-white js-ordergoods-status">변경</button></div>
<div class="pull-right"><input type="button" value="송장일괄등록" class="btn btn-white js-invoice-apply"/></div></div>`;
  const action = !items.length
    ? ''
    : layout === 'fixed'
      ? fixedAction
      : `<div class="table-action"><div class="pull-left form-inline">
<span class="action-title">선택한 상품을</span>
<select id="bundleOrderStatus" name="bundle[orderStatus]" class="form-control js-status-change"><option value="">==상품상태==</option>${statuses}</select>
<select id="applyDeliverySno" class="form-control">${couriers}</select>
<input type="text" id="applyInvoiceNo" value="" class="form-control input-lg width-lg" />
<button type="button" class="btn btn-red js-order-status-delivery">일괄적용</button>
</div></div>`;
  // the grid template wraps the table in div#inc_order_view (inc_order_view.php:1); the fixed copies print no id
  return `<div id="layer-wrap">
<div${layout === 'fixed' ? '' : ' id="inc_order_view"'} class="table-responsive">
<table class="table table-rows">
<thead>${head}</thead>
<tbody>
${rows.join('\n') || `<tr><td class="no-data" colspan="${grid.length}">주문내역이 없습니다.</td></tr>`}
</tbody>
</table>
</div>
${action}
</div>`;
}
