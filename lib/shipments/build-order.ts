// From a godomall order to a Korea Post InsertOrder request: validation (연락처오류, missing address,
// 접수중지 postcodes), truncation with warnings, 선불/착불, gifts, 배송 메시지 — all before anything is sent.
import type { GoodsLine, Receiver } from '../db/types';
import type { InsertOrderInput, PayType, StoppedZip } from '../epost/types';
import type { OrderDetail, OrderItem } from '../godomall/types';
import { deliveryMethodName, epostCourierOf, isParcelDelivery } from '../godomall/order';
import type { Settings } from '../settings';
import { checkReceiverPhones } from './phone';
import { cleanField, truncateUtf8, utf8Length } from './text';
import type { Shipment } from '../db/types';

interface IssuePlan {
  input: Omit<InsertOrderInput, 'orderNo'>;
  items: OrderItem[];
  receiver: Receiver;
  goods: GoodsLine[];
  payType: PayType;
  delivMsg: string;
  warnings: string[];
}

export type PlanResult = { ok: true; plan: IssuePlan } | { ok: false; failure: NonNullable<Shipment['failure']>; reason: string };

/** Items this shipment covers: the selected ones, or (주문별, none selected) every item not cancelled/returned. */
export function coveredItems(order: OrderDetail, itemSnos: string[]): OrderItem[] {
  if (itemSnos.length) return order.items.filter((i) => itemSnos.includes(i.sno));
  return order.items.filter((i) => /^[opgd]/.test(i.status) || i.status === '');
}

/** The items as the journal keeps them (the label and the CSV list them; gifts marked). */
export function goodsLines(items: OrderItem[]): GoodsLine[] {
  return items.map((i) => ({
    sno: i.sno,
    name: i.goodsName,
    option: i.optionText,
    quantity: i.quantity,
    ...(i.isGift ? { gift: true } : {}),
  }));
}

/** One goods line as Korea Post's goodsNm shows it: name(option) xN. */
export const goodsLineText = (i: OrderItem): string =>
  `${i.goodsName}${i.optionText ? `(${i.optionText})` : ''}${i.quantity > 1 ? ` x${i.quantity}` : ''}`;

/** One parcel's quantity: more than this is a misread page or a typo, not a parcel. */
const MAX_QUANTITY = 9999;

/** The field cleaned and cut to Korea Post's byte limit, with a warning when it was cut. */
export function fit(label: string, value: string, maxBytes: number, warnings: string[]): string {
  const clean = cleanField(value);
  if (utf8Length(clean) <= maxBytes) return clean;
  warnings.push(`${label}이(가) ${maxBytes}바이트를 넘어 잘렸습니다.`);
  return truncateUtf8(clean, maxBytes);
}

function inStoppedZip(zip: string, stopped: StoppedZip[], ymd: string): StoppedZip | undefined {
  return stopped.find(
    (s) =>
      zip >= s.strtZipCd &&
      zip <= (s.endZipCd || s.strtZipCd) &&
      (!s.applyStrtYmd || s.applyStrtYmd <= ymd) &&
      (!s.applyEndYmd || ymd <= s.applyEndYmd),
  );
}

/**
 * The order's 수령자 as Korea Post's rec* fields, checked: 연락처오류, no name, no 5-digit 우편번호, no
 * address, a 접수중지 area. For a return pickup the same person is the 반품인 the courier visits.
 */
export function planReceiver(
  order: OrderDetail,
  stopped: StoppedZip[],
  todayYmd: string,
  warnings: string[],
): { ok: true; receiver: Receiver } | { ok: false; failure: NonNullable<Shipment['failure']>; reason: string } {
  const phones = checkReceiverPhones(order.receiverPhone, order.receiverCellPhone);
  if (!phones.ok) return { ok: false, failure: 'contact', reason: phones.reason };
  if (!cleanField(order.receiverName)) return { ok: false, failure: 'address', reason: '수령자 이름이 없습니다.' };
  const zip = order.receiverZonecode.trim();
  if (!/^\d{5}$/.test(zip))
    return { ok: false, failure: 'address', reason: '5자리 우편번호가 없습니다. 주문 상세에서 우편번호를 다시 입력하세요.' };
  if (!cleanField(order.receiverAddress)) return { ok: false, failure: 'address', reason: '수령자 주소가 없습니다.' };
  const stop = inStoppedZip(zip, stopped, todayYmd);
  if (stop)
    return {
      ok: false,
      failure: 'stoppedZip',
      reason: `접수중지 지역입니다 (${stop.areaNm}, ${stop.applyStrtYmd}~${stop.applyEndYmd}): ${stop.stopReason}`,
    };
  return {
    ok: true,
    receiver: {
      name: fit('수령자 이름', order.receiverName, 40, warnings),
      zip,
      addr1: fit('주소', order.receiverAddress, 150, warnings),
      addr2: fit('상세 주소', order.receiverAddressSub, 300, warnings) || '없음',
      tel: phones.tel,
      mobile: phones.mobile,
    },
  };
}

export function planIssue(order: OrderDetail, itemSnos: string[], settings: Settings, stopped: StoppedZip[], todayYmd: string): PlanResult {
  if (!settings.custNo || !settings.apprNo || !settings.sender.officeSer)
    return { ok: false, failure: 'config', reason: '우체국택배 연동 설정(고객번호·승인번호·공급지)이 완료되지 않았습니다.' };
  const all = coveredItems(order, itemSnos);
  if (itemSnos.length && all.length !== itemSnos.length)
    return { ok: false, failure: 'order', reason: '선택한 상품을 주문에서 찾을 수 없습니다.' };
  const items = all.filter((i) => !i.isGift);
  const gifts = all.filter((i) => i.isGift);
  if (items.length === 0) return { ok: false, failure: 'order', reason: '발급할 상품이 없습니다.' };
  // 묶음배송 (one packet for several orders) as one parcel is not built yet: a number per order would
  // be a parcel per order against the shop's own choice, so none is issued and the operator is told
  if (order.packetOrders?.length)
    return {
      ok: false,
      failure: 'order',
      reason: `묶음배송 주문입니다 (함께 묶인 주문: ${order.packetOrders.join(', ')}). 묶음을 한 송장으로 발급하는 기능은 아직 없어 주문마다 따로 발급하지 않았습니다. 고도몰에서 묶음배송을 해제한 뒤 발급하거나, 한 송장번호를 직접 입력해 주세요.`,
    };
  // never a request with an empty or guessed field: what the detail page did not show stops the order
  const unreadable = items.find((i) => i.unreadable?.length);
  if (unreadable)
    return {
      ok: false,
      failure: 'order',
      reason: `주문 상세에서 ${unreadable.unreadable!.join('·')}을(를) 읽지 못해 발급하지 않았습니다. (상품주문번호 ${unreadable.sno || '알 수 없음'})`,
    };
  const claimed = items.find((i) => i.userClaims?.length);
  if (claimed)
    return {
      ok: false,
      failure: 'order',
      reason: `고객의 ${claimed.userClaims!.join('·')}이(가) 처리되지 않은 상품이 있어 발급하지 않았습니다. 클레임을 먼저 처리하세요. (상품주문번호 ${claimed.sno})`,
    };
  const badQty = all.find((i) => !Number.isSafeInteger(i.quantity) || i.quantity < 1 || i.quantity > MAX_QUANTITY);
  if (badQty)
    return {
      ok: false,
      failure: 'order',
      reason: `상품 수량(${badQty.quantity})이 올바르지 않아 발급하지 않았습니다. 주문 상세에서 수량을 확인하세요. (상품주문번호 ${badQty.sno})`,
    };
  const notParcel = items.find((i) => !isParcelDelivery(i.deliveryMethod));
  if (notParcel)
    return {
      ok: false,
      failure: 'order',
      reason: `배송 방법이 「${deliveryMethodName(notParcel.deliveryMethod)}」인 상품은 택배로 보내지 않으므로 발급하지 않았습니다.`,
    };
  if (!settings.testMode) {
    // the number must be saveable in godomall before Korea Post hears of it
    try {
      epostCourierOf(order);
    } catch (err) {
      return { ok: false, failure: 'config', reason: (err as Error).message };
    }
  }

  const warnings: string[] = [];
  const checked = planReceiver(order, stopped, todayYmd, warnings);
  if (!checked.ok) return checked;
  const { receiver } = checked;
  const cod = items.map((i) => i.collectOnDelivery);
  const payType: PayType = cod.some(Boolean) ? '2' : '1';
  if (cod.some(Boolean) && !cod.every(Boolean)) warnings.push('선불·착불 상품이 섞여 있어 착불로 발급했습니다.');

  const goods = goodsLines(all);
  let goodsText = items.map(goodsLineText).join(', ');
  if (gifts.length) goodsText += ` / 사은품: ${gifts.map(goodsLineText).join(', ')}`;

  const memo =
    settings.deliveryMessage.source === 'orderMemo'
      ? order.orderMemo
      : settings.deliveryMessage.source === 'fixed'
        ? settings.deliveryMessage.fixedText
        : '';
  const delivMsg = fit('배송 메시지', memo, 200, warnings);
  const input = {
    ...insertOrderInput(settings, receiver, {
      goodsNm: fit('상품명', goodsText, 400, warnings),
      qty: items.reduce((n, i) => n + i.quantity, 0),
    }),
    payType,
    ...(delivMsg ? { delivMsg } : {}),
    printYn: settings.labelPrinter ? 'Y' : 'N',
    printAreaCdYn: 'Y',
  } satisfies Omit<InsertOrderInput, 'orderNo'>;
  return { ok: true, plan: { input, items, receiver, goods, payType, delivMsg, warnings } };
}

/**
 * The InsertOrder fields every request shares: the contract, the 공급지 and the shop (ord*), the box
 * (the settings' defaults, or the job's preset), the receiver (rec*) and the goods. 일반소포 선불 with no
 * print by default; the caller sets what differs (착불, 반품소포, printYn, the 배송 메시지).
 */
export function insertOrderInput(
  s: Settings,
  receiver: Receiver,
  goods: { goodsNm: string; qty: number },
): Omit<InsertOrderInput, 'orderNo'> {
  return {
    custNo: s.custNo,
    apprNo: s.apprNo,
    payType: '1',
    reqType: '1',
    officeSer: s.sender.officeSer,
    microYn: 'N',
    ordCompNm: fit('상호명', s.companyName || s.sender.name, 100, []),
    recNm: receiver.name,
    recZip: receiver.zip,
    recAddr1: receiver.addr1,
    recAddr2: receiver.addr2,
    ...(receiver.tel ? { recTel: receiver.tel } : {}),
    ...(receiver.mobile ? { recMob: receiver.mobile } : {}),
    contCd: s.defaults.contCd,
    goodsNm: goods.goodsNm,
    weight: s.defaults.weight,
    volume: s.defaults.volume,
    packngMtrCd: s.defaults.packngMtrCd,
    qty: goods.qty,
    ordNm: fit('보내는 분', s.sender.name || s.companyName, 40, []),
    ...(s.sender.zip ? { ordZip: s.sender.zip } : {}),
    ...(s.sender.addr1 ? { ordAddr1: cleanField(s.sender.addr1) } : {}),
    ...(s.sender.addr2 ? { ordAddr2: cleanField(s.sender.addr2) } : {}),
    ...(s.sender.tel ? { ordTel: s.sender.tel.replace(/\D/g, '') } : {}),
    printYn: 'N',
    testYn: s.testMode ? 'Y' : 'N',
  };
}
