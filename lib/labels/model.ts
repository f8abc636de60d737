// The waybill label view model: what goes where on one label, decided once, here, as plain data.
// The Preact label only lays these strings out; every formatting and truncation rule lives here so
// it is unit-tested without a browser.
import type { Shipment } from '../db/types';
import type { Sender } from '../settings';
import { fieldText, formatPhone, formatRegiNo, formatYmd, kstDate, oneLine, sortCodeOf } from './format';

/**
 * Character limits per box. Both layouts use the same limits: the boxes are sized for them, and CSS
 * line clamps are only the second line of defence. Korea Post's own limits are larger (recAddr2 300),
 * so the label may show less than was sent — the full text stays in godomall and Korea Post.
 */
export const LABEL_LIMITS = {
  receiverName: 20,
  phone: 20,
  address: 120,
  senderName: 30,
  senderAddress: 80,
  goodsName: 40,
  goodsOption: 30,
  delivMsg: 60,
  orderNo: 30,
  sortCode: 16,
  office: 12,
} as const;

export interface Parcel {
  /** 1-based position of this number among the order's live numbers */
  index: number;
  total: number;
}

export interface LabelView {
  key: string;
  test: boolean;
  /** 집배코드, large */
  sortCode: string;
  arrCnpoNm: string; // 도착집중국
  delivPoNm: string; // 배달국
  courseNo: string; // 코스번호
  regiNoText: string; // 5-4-4
  /** value for the Code 128 barcode; empty = no barcode (no number) */
  regiNoBarcode: string;
  zip: string;
  /** 5-digit 우편번호 for the Code 128 barcode; empty when the zip is not 5 digits */
  zipBarcode: string;
  receiver: { name: string; phone: string; safeNumber: boolean; address: string };
  sender: { name: string; phone: string; zip: string; address: string };
  goods: { title: string; option: string; quantity: string; more: string };
  delivMsg: string;
  payLabel: '선불' | '착불';
  price: string;
  /** 제주/도서산간 extra fee, e.g. 「5,000원」; empty when none */
  islandAddFee: string;
  orderNo: string;
  date: string;
  /** `2/3` when the order has several numbers, else empty */
  parcel: string;
}

export interface LabelInput {
  shipment: Shipment;
  sender: Sender;
  companyName: string;
  parcel?: Parcel;
}

const L = LABEL_LIMITS;

/** One label. */
export function toLabelView({ shipment: s, sender, companyName, parcel }: LabelInput): LabelView {
  const regiNo = oneLine(s.regiNo);
  const zip = oneLine(s.receiver.zip);
  const phoneRaw = oneLine(s.vTelNo) || oneLine(s.receiver.mobile) || oneLine(s.receiver.tel);
  return {
    key: s.key,
    test: s.test,
    sortCode: fieldText(sortCodeOf(s.printAreaCd, s.delivAreaCd), L.sortCode),
    arrCnpoNm: fieldText(s.arrCnpoNm, L.office),
    delivPoNm: fieldText(s.delivPoNm, L.office),
    courseNo: fieldText(s.courseNo, L.office),
    regiNoText: fieldText(formatRegiNo(regiNo), 20),
    regiNoBarcode: barcodeValue(regiNo),
    zip: fieldText(zip, 10),
    zipBarcode: /^\d{5}$/.test(zip) ? zip : '',
    receiver: {
      name: fieldText(s.receiver.name, L.receiverName),
      phone: fieldText(formatPhone(phoneRaw), L.phone),
      safeNumber: oneLine(s.vTelNo) !== '',
      address: fieldText(`${oneLine(s.receiver.addr1)} ${oneLine(s.receiver.addr2)}`, L.address),
    },
    sender: {
      name: fieldText(sender.name || companyName, L.senderName),
      phone: fieldText(formatPhone(sender.tel), L.phone),
      zip: fieldText(sender.zip, 10),
      address: fieldText(`${oneLine(sender.addr1)} ${oneLine(sender.addr2)}`, L.senderAddress),
    },
    goods: goodsSummary(s),
    delivMsg: fieldText(s.delivMsg, L.delivMsg),
    payLabel: s.payType === '2' ? '착불' : '선불',
    price: priceText(s.price),
    islandAddFee: s.islandAddFee && s.islandAddFee !== '0' ? priceText(s.islandAddFee) : '',
    orderNo: fieldText(s.packetOrders?.length ? `${s.orderNo} 외 ${s.packetOrders.length}건` : s.orderNo, L.orderNo),
    date: formatYmd(s.resDate) || kstDate(s.createdAt),
    parcel: parcel && parcel.total > 1 ? `${parcel.index}/${parcel.total}` : '',
  };
}

/** First goods line in full, the rest as 「외 N건」 — the way Korean shops write it on a parcel. */
export function goodsSummary(s: Pick<Shipment, 'goods'>): LabelView['goods'] {
  const [first, ...rest] = s.goods;
  if (!first) return { title: '', option: '', quantity: '', more: '' };
  return {
    title: fieldText(first.name, L.goodsName),
    option: fieldText(first.option, L.goodsOption),
    quantity: first.quantity > 0 ? `${first.quantity}개` : '',
    more: rest.length > 0 ? `외 ${rest.length}건` : '',
  };
}

/**
 * n/N for every shipment of a batch: live numbers of the same order, ordered by key (주문별 re-issues
 * and 상품별 items sort stably). `known` (from the journal, all of the order's live numbers) wins over
 * what happens to be in this batch, so a reprint of one parcel still says 2/3.
 */
export function parcelsOf(shipments: Shipment[], known: Record<string, Parcel> = {}): Record<string, Parcel> {
  const byOrder = new Map<string, Shipment[]>();
  for (const s of shipments) byOrder.set(s.orderNo, [...(byOrder.get(s.orderNo) ?? []), s]);
  const out: Record<string, Parcel> = {};
  for (const group of byOrder.values()) {
    const sorted = [...group].sort((a, b) => a.key.localeCompare(b.key));
    sorted.forEach((s, i) => {
      out[s.key] = known[s.key] ?? { index: i + 1, total: sorted.length };
    });
  }
  return out;
}

/** Every label of a print batch, in the order asked for. */
export function toLabelViews(
  shipments: Shipment[],
  data: { sender: Sender; companyName: string; parcels?: Record<string, Parcel> },
): LabelView[] {
  const parcels = parcelsOf(shipments, data.parcels);
  return shipments.map((shipment) =>
    toLabelView({ shipment, sender: data.sender, companyName: data.companyName, parcel: parcels[shipment.key] }),
  );
}

/** Code 128 takes printable ASCII only; anything else means no barcode rather than a wrong one. */
function barcodeValue(v: string): string {
  return /^[\x21-\x7e]{1,40}$/.test(v) ? v : '';
}

function priceText(price: string): string {
  const n = Number(oneLine(price).replace(/,/g, ''));
  if (!oneLine(price) || !Number.isFinite(n)) return '';
  return `${n.toLocaleString('ko-KR')}원`;
}
