import { describe, expect, it } from 'vitest';
import { readOrderDetail, findEpostCourierSno, hasOrderForm, pickZonecode, readCourierOptions } from '../../../lib/godomall/order';
import { PARSERS, fixture } from './parsers';
import { SEED } from './expected';

const detail = (parse: (h: string) => Document, label: string, provider = false) =>
  readOrderDetail(parse(fixture(`order_view_${label}.html`)), parse(fixture(`${provider ? 'provider_' : ''}inc_order_view_${label}.html`)));

describe.each(PARSERS)('readOrderDetail (%s)', (_name, parse) => {
  it('reads receiver, orderer and items of an order with HTML in the product name as text', () => {
    const seed = SEED[0]!;
    const d = detail(parse, 'html');
    expect(d).toMatchObject({
      orderNo: seed.orderNo,
      receiverName: seed.receiverName,
      // layout_order_view_receiver_info_modify.php:51 prints the number's parts joined without dashes
      receiverCellPhone: seed.receiverCellPhone.replace(/-/g, ''),
      receiverZonecode: seed.receiverZonecode,
      receiverAddress: seed.receiverAddress,
      receiverAddressSub: seed.receiverAddressSub,
      orderName: seed.orderName,
      orderCellPhone: seed.orderCellPhone,
    });
    expect(d.items).toHaveLength(1);
    expect(d.items[0]).toMatchObject({
      sno: seed.items[0]!.sno,
      goodsName: '<b>굵은</b> 면 티셔츠',
      status: 'p1',
      isGift: false,
      collectOnDelivery: false,
    });
    expect(d.items[0]!.quantity).toBe(seed.items[0]!.goodsCnt);
    expect(d.items[0]!.unreadable).toBeUndefined();
  });

  it('keeps the full long name (lists cut it)', () => {
    expect(detail(parse, 'longName').items[0]!.goodsName).toBe(SEED[3]!.items[0]!.goodsNm);
    expect(SEED[3]!.items[0]!.goodsNm.length).toBeGreaterThan(50);
  });

  it('applies the 우편번호 fallback rules', () => {
    const old = detail(parse, 'oldZip');
    expect(old.receiverZonecode).toBe('');
    expect(old.receiverZipcode).toBe('123-456');
    const none = detail(parse, 'noZip');
    expect(none.receiverZonecode).toBe('');
    expect(none.receiverZipcode).toBeUndefined();
    expect(pickZonecode('', '06236')).toBe('06236');
    expect(pickZonecode('06 236', '')).toBe('06236');
    expect(pickZonecode('1234', '123-456')).toBe('');
  });

  it('keeps & and = and folds line breaks of address and 배송 메시지 into one line', () => {
    const d = detail(parse, 'address');
    expect(d.receiverAddress).toBe('서울특별시 마포구 월드컵북로 396 A&B빌딩');
    expect(d.receiverAddressSub).toBe('3층 (배송=오후) 뒷문');
    expect(d.orderMemo).toBe('문 앞에 두세요 & 벨 누르지 마세요 감사합니다');
  });

  it('reads 선불/착불 per delivery group, gifts and suppliers per item', () => {
    const d = detail(parse, 'suppliers');
    const seed = SEED[13]!;
    const real = d.items.filter((i) => !i.isGift);
    // the goods table groups items by supplier (inc_order_view.php:39–89), so compare as sets
    const bySno = (xs: Array<[string, boolean]>) => [...xs].sort((a, b) => a[0].localeCompare(b[0]));
    expect(bySno(real.map((i) => [i.sno, i.collectOnDelivery]))).toEqual(bySno(seed.items.map((i) => [i.sno, i.collect === 'later'])));
    expect(new Set(real.map((i) => i.deliveryGroup)).size).toBe(3);
    // 사은품 정보 is one table per order on order_view.php (name and 수량 columns)
    const gifts = d.items.filter((i) => i.isGift);
    expect(gifts.map((g) => [g.goodsName, g.quantity])).toEqual([
      ['보냉팩', 1],
      ['사은품 수세미', 2],
    ]);
    expect(gifts.every((g) => g.sno.startsWith('gift:'))).toBe(true);
  });

  it('one 착불 group spanning two items; the 안심번호 replaces the receiver phone', () => {
    const d = detail(parse, 'safeNumber');
    expect(d.items.map((i) => i.collectOnDelivery)).toEqual([true, true]);
    expect(d.items[0]!.deliveryGroup).toBe(d.items[1]!.deliveryGroup);
    expect(d.receiverCellPhone).toBe('0504-1234-5678');
  });

  it('reads mixed item statuses (p1, g1, shop-defined g5)', () => {
    expect(detail(parse, 'mixed').items.map((i) => i.status)).toEqual(['p1', 'g1', 'g5']);
  });

  it('the supplier admin shows only its own items', () => {
    const d = detail(parse, 'suppliers', true);
    const own = SEED[13]!.items.filter((i) => i.supplier === '(주)한빛물산').map((i) => i.sno);
    expect(d.items.filter((i) => !i.isGift).map((i) => i.sno)).toEqual(own);
  });

  it('finds the 우체국택배 option by its text, and detects pages without an order', () => {
    const goods = parse(fixture('inc_order_view_html.html'));
    expect(findEpostCourierSno(readCourierOptions(goods))).toBe('12');
    expect(readCourierOptions(goods)[0]).toEqual({ value: '8', text: 'CJ대한통운' });
    expect(findEpostCourierSno(readCourierOptions(parse(fixture('list_goods.html'))))).toBe('12');
    expect(
      findEpostCourierSno([
        { value: '8', text: 'CJ대한통운' },
        { value: '3', text: '등기/소포' },
      ]),
    ).toBeUndefined();
    expect(hasOrderForm(parse(fixture('order_view_html.html')))).toBe(true);
    expect(hasOrderForm(parse(fixture('login.html')))).toBe(false);
  });
});
