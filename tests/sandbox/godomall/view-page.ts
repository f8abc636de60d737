// order_view.php (receiver edit form, orderer) and inc_order_view.php (the goods table the detail
// page loads afterwards by its own inline script, POSTing orderNo and orderStatusMode).
import type { SeedItem, SeedOrder } from './model';
import { PROVIDER_SUPPLIER } from './model';
import type { Session, Store } from './store';
import { FORM_TOKEN_FIELD } from './store';
import { esc, shell, won } from './html';

const input = (name: string, value: string) => `<input type="text" name="info[${name}]" value="${esc(value)}" class="form-control">`;

export function renderOrderView(store: Store, session: Session, orderNo: string, provider: boolean): string {
  const o = store.orders.get(orderNo);
  if (!o) {
    return shell('주문 상세', session.operatorId, `<script>parent.dialog_alert ? dialog_alert('주문 정보가 존재하지 않습니다.', '경고') : 0;</script><p class="no-data">주문 정보가 존재하지 않습니다.</p>`);
  }
  // a 안심번호 replaces the receiver's phone everywhere on the page
  const cell = o.receiverSafeNumber ?? o.receiverCellPhone;
  const body = `<h3 class="page-header">주문 상세정보 <small>주문번호 : <span class="js-order-no">${o.orderNo}</span></small></h3>
<form id="frmOrder" name="frmOrder" method="post" action="./order_ps.php" target="ifrmProcess">
<input type="hidden" name="mode" value="modifyOrderStatusDelivery">
<input type="hidden" name="orderNo" value="${o.orderNo}">${session.formToken ? `<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${session.formToken}">` : ''}
<div id="layerOrderGoodsList" class="js-order-goods-list">주문상품 정보를 불러오는 중입니다.</div>
</form>
<div class="table-title">주문자 정보</div>
<table class="table table-cols"><tr><th>주문자</th><td>${esc(o.orderName)}</td><th>휴대폰번호</th><td>${esc(o.orderCellPhone)}</td></tr><tr><th>주문일시</th><td colspan="3">${esc(o.orderDate)}</td></tr></table>
<div class="table-title">수령자 정보 <button type="button" class="btn btn-xs js-receiver-modify">수정</button></div>
<table class="table table-cols js-receiver-view">
<tr><th>수령자</th><td>${esc(o.receiverName)}</td><th>휴대폰번호</th><td>${esc(cell)}${o.receiverSafeNumber ? ' <span class="text-muted">(안심번호)</span>' : ''}</td></tr>
<tr><th>전화번호</th><td>${esc(o.receiverPhone)}</td><th>주소</th><td>[${esc(o.receiverZonecode || o.receiverZipcode)}] ${esc(o.receiverAddress)} ${esc(o.receiverAddressSub)}</td></tr>
<tr><th>배송 메시지</th><td colspan="3">${esc(o.orderMemo)}</td></tr></table>
<form id="frmOrderInfo" name="frmOrderInfo" method="post" action="./order_ps.php" target="ifrmProcess">
<input type="hidden" name="mode" value="modifyOrderInfo"><input type="hidden" name="orderNo" value="${o.orderNo}">
<div id="receiverInfoEdit" class="js-receiver-edit" style="display:none">
${input('orderName', o.orderName)}${input('orderCellPhone', o.orderCellPhone)}
${input('receiverName', o.receiverName)}${input('receiverPhone', o.receiverPhone)}${input('receiverCellPhone', cell)}
${input('receiverZonecode', o.receiverZonecode)}<input type="hidden" name="info[receiverZipcode]" value="${esc(o.receiverZipcode)}">
${input('receiverAddress', o.receiverAddress)}${input('receiverAddressSub', o.receiverAddressSub)}
<textarea name="info[orderMemo]" class="form-control">${esc(o.orderMemo)}</textarea>
</div></form>`;
  const script = `(function () {
  var x = new XMLHttpRequest();
  x.open('POST', './inc_order_view.php');
  x.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
  x.onload = function () { document.getElementById('layerOrderGoodsList').innerHTML = x.responseText; };
  x.send('orderNo=${o.orderNo}&orderStatusMode=');
})();`;
  void provider;
  return shell('주문 상세', session.operatorId, body, script);
}

function itemRow(store: Store, item: SeedItem, feeCell: string): string {
  const m = item.status[0]!;
  const invoice = item.invoiceNo
    ? `${esc(store.courierName(item.invoiceCompanySno))}<br>${esc(item.invoiceNo)} <button type="button" class="btn btn-xs" onclick="delivery_trace('${esc(item.invoiceCompanySno)}','${esc(item.invoiceNo)}');">배송추적</button>`
    : '';
  const gifts = item.gifts.map((g) => `<div class="gift-info"><span class="label label-gift">사은품</span> <span class="gift-name">${esc(g)}</span></div>`).join('');
  return `<tr id="statusCheck_${item.sno}" data-status-mode="${m}" class="text-center">
<td><input type="checkbox" name="bundle[statusCheck][${item.sno}]" value="${item.sno}"><input type="hidden" name="bundle[statusMode][${item.sno}]" value="${esc(item.status)}"></td>
<td>${item.sno}</td>
<td class="text-left"><div class="goods-name">${esc(item.goodsNm)}</div>${item.optionText ? `<div class="option-info">${esc(item.optionText)}</div>` : ''}${gifts}</td>
<td class="goods-cnt">${item.goodsCnt}</td>
<td class="goods-price">${won(item.price)}</td>
<td class="scm-name">${esc(item.supplier)}</td>
${feeCell}
<td><div title="주문 상품별 주문 상태">${esc(store.statusLabels[item.status] ?? item.status)}</div></td>
<td>${invoice}</td>
</tr>`;
}

export function renderIncOrderView(store: Store, orderNo: string, statusMode: string, provider: boolean): string {
  const o: SeedOrder | undefined = store.orders.get(orderNo);
  if (!o) return '<p class="no-data">주문 정보가 존재하지 않습니다.</p>';
  const items = o.items.filter((i) => (!provider || i.supplier === PROVIDER_SUPPLIER) && (!statusMode || i.status.startsWith(statusMode)));
  const rows = items.map((item, idx) => {
    if (idx > 0 && items[idx - 1]!.deliverySno === item.deliverySno) return itemRow(store, item, '');
    let span = 1;
    while (items[idx + span]?.deliverySno === item.deliverySno) span++;
    // 선불/착불 is printed once per delivery group (deliveryCollectFl pre/later)
    const fee = `<td rowspan="${span}" class="delivery-charge" data-delivery-sno="${esc(item.deliverySno)}">${won(item.deliveryFee)}<br>(${item.collect === 'later' ? '착불' : '선불'})</td>`;
    return itemRow(store, item, fee);
  });
  const statuses = Object.entries(store.statusLabels).map(([c, l]) => `<option value="${esc(c)}">${esc(l)}</option>`).join('');
  const couriers = store.couriers.map((c) => `<option value="${esc(c.sno)}">${esc(c.name)}</option>`).join('');
  return `<div class="table-title">주문상품 정보</div>
<table class="table table-rows order-goods-list">
<thead><tr><th><input type="checkbox" class="js-checkall" data-target-name="bundle[statusCheck]"></th><th>상품주문번호</th><th>상품명</th><th>수량</th><th>상품금액</th><th>공급사</th><th>배송비</th><th>처리상태</th><th>송장번호</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<div class="table-action">선택한 상품을
<select name="bundle[orderStatus]" class="form-control"><option value="">= 주문상태 =</option>${statuses}</select>
<select name="bundle[invoiceCompanySno]" class="form-control"><option value="0">= 배송 업체 =</option>${couriers}</select>
<input type="text" name="bundle[invoiceNo]" value="" class="form-control" placeholder="송장번호">
<button type="submit" class="btn btn-black js-order-status-delivery">저장</button></div>`;
}
