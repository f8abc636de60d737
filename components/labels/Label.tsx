// One waybill label. Every value is a string from the label model, rendered as text (JSX escapes it);
// the boxes clip and clamp so no order data can leave its place on the stock.
import type { LabelView } from '../../lib/labels/model';
import { Barcode } from './Barcode';

export function Label({ v }: { v: LabelView }) {
  return (
    <div class="label-body" data-key={v.key}>
      {v.test && (
        <div class="watermark" aria-label="테스트 운송장">
          테스트
        </div>
      )}
      <header class="box head">
        <div class="brand">
          우체국택배 <span class="pay">{v.payLabel}</span>
          {v.parcel && <span class="parcel">{v.parcel}</span>}
        </div>
        <div class="sort-code" title="집배코드">
          {v.sortCode}
        </div>
        <div class="route">
          <span>
            <small>도착집중국</small> {v.arrCnpoNm}
          </span>
          <span>
            <small>배달국</small> {v.delivPoNm}
          </span>
          <span>
            <small>코스</small> {v.courseNo}
          </span>
        </div>
      </header>
      <section class="box regi">
        <div class="caption">등기번호</div>
        <div class="regi-no">{v.regiNoText}</div>
        <Barcode value={v.regiNoBarcode} moduleMm={0.33} heightMm={12} label="등기번호 바코드" />
      </section>
      <section class="box receiver">
        <div class="caption">받는 분</div>
        <div class="zip">
          <span class="zip-text">{v.zip}</span>
          <Barcode value={v.zipBarcode} moduleMm={0.3} heightMm={7} label="우편번호 바코드" />
        </div>
        <div class="who">
          <span class="name">{v.receiver.name}</span>
          <span class="phone">
            {v.receiver.phone}
            {v.receiver.safeNumber && <small> (안심번호)</small>}
          </span>
        </div>
        <div class="address">{v.receiver.address}</div>
      </section>
      <section class="box sender">
        <div class="caption">보내는 분</div>
        <div class="who">
          <span class="name">{v.sender.name}</span> <span class="phone">{v.sender.phone}</span>
        </div>
        <div class="sender-address">
          ({v.sender.zip}) {v.sender.address}
        </div>
      </section>
      <section class="box goods">
        {/* quantity and 「외 N건」 sit in the caption row so a long name can never clamp them away */}
        <div class="caption">
          상품
          {v.goods.quantity && <span class="qty"> {v.goods.quantity}</span>}
          {v.goods.more && <span class="more"> {v.goods.more}</span>}
        </div>
        <div class="goods-line">
          {v.goods.title}
          {v.goods.option && <span class="option"> [{v.goods.option}]</span>}
        </div>
        {v.delivMsg && (
          <div class="message">
            <small>배송 메시지</small> {v.delivMsg}
          </div>
        )}
      </section>
      <footer class="box foot">
        <span>
          <small>주문번호</small> {v.orderNo}
        </span>
        <span>
          <small>접수일</small> {v.date}
        </span>
        {v.price && (
          <span>
            <small>요금</small> {v.price}
          </span>
        )}
        {v.islandAddFee && (
          <span data-island-fee>
            <small>도서산간</small> +{v.islandAddFee}
          </span>
        )}
      </footer>
    </div>
  );
}
