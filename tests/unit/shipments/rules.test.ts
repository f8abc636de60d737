// Pure rules: 연락처 checks, byte truncation, the request built from an order, status rules, phases.
import { describe, expect, it } from 'vitest';
import { checkReceiverPhones, phoneDigits } from '../../../lib/shipments/phone';
import { truncateUtf8, utf8Length, cleanField } from '../../../lib/shipments/text';
import { planIssue } from '../../../lib/shipments/build-order';
import { parcelPhase, reserveRule } from '../../../lib/shipments/rules';
import { withDefaults } from '../../../lib/settings';
import type { OrderDetail, OrderItem } from '../../../lib/godomall/types';
import type { TrackingEvent } from '../../../lib/epost/types';

describe('receiver phones (연락처오류)', () => {
  it.each([
    ['010-1234-5678', '01012345678'],
    ['02-123-4567', '021234567'],
    ['0504-1234-5678', '050412345678'],
    ['010 1234 5678', '01012345678'],
  ])('accepts %s', (text, digits) => expect(phoneDigits(text)).toBe(digits));

  it.each(['010-12ab-5678', '(010)#1234*5678', '010-123', '010-1234-56789', '+82-10-1234-5678', '1234-5678'])('rejects %s', (text) =>
    expect(phoneDigits(text)).toBeUndefined(),
  );

  it('a bad number anywhere is 연락처오류; none at all too; 안심번호 goes to recTel', () => {
    expect(checkReceiverPhones('', '010-12ab-5678')).toMatchObject({ ok: false });
    expect(checkReceiverPhones('', '')).toMatchObject({ ok: false });
    expect(checkReceiverPhones('', '0504-1234-5678')).toEqual({ ok: true, tel: '050412345678', mobile: '' });
    expect(checkReceiverPhones('02-123-4567', '010-1234-5678')).toEqual({ ok: true, tel: '021234567', mobile: '01012345678' });
  });
});

describe('field text', () => {
  it('truncates in UTF-8 bytes without splitting a character', () => {
    const s = '가'.repeat(20); // 3 bytes each
    expect(truncateUtf8(s, 40)).toBe('가'.repeat(13));
    expect(utf8Length(truncateUtf8('🍓🍓🍓', 7))).toBe(4);
  });
  it('replaces the regData separators', () => {
    expect(cleanField('A&B=C\n뒷문')).toBe('A B C 뒷문');
  });
});

const item = (over: Partial<OrderItem>): OrderItem => ({
  sno: '1',
  goodsName: '사과',
  optionText: '',
  quantity: 1,
  status: 'p1',
  deliveryGroup: '1',
  collectOnDelivery: false,
  deliveryMethod: 'delivery',
  isGift: false,
  courier: '',
  courierSno: '',
  invoiceNo: '',
  ...over,
});
const order = (over: Partial<OrderDetail> = {}): OrderDetail => ({
  orderNo: '2611271800001000',
  receiverName: '김민준',
  receiverPhone: '',
  receiverCellPhone: '010-1234-5678',
  receiverZonecode: '06236',
  receiverAddress: '서울특별시 강남구 테헤란로 152',
  receiverAddressSub: '',
  orderMemo: '문 앞에 놓아주세요',
  orderName: '이서연',
  orderCellPhone: '010-2000-1234',
  items: [item({}), item({ sno: '2', goodsName: '배', collectOnDelivery: true }), item({ sno: '3', goodsName: '보냉팩', isGift: true })],
  courierOptions: [
    { value: '8', text: 'CJ대한통운' },
    { value: '12', text: '우체국택배' },
  ],
  ...over,
});
const settings = withDefaults({
  custNo: '0005085217',
  apprNo: '7002080922',
  sender: { officeSer: '01', name: '상점', zip: '06236', addr1: '서울', addr2: '', tel: '02-1234-5678' },
  companyName: '상점',
});

describe('planIssue', () => {
  it('builds the request: 착불 when a covered item collects on delivery, gifts listed but not counted', () => {
    const r = planIssue(order(), [], settings, [], '20261128');
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.input).toMatchObject({
      payType: '2',
      recMob: '01012345678',
      recAddr2: '없음',
      qty: 2,
      delivMsg: '문 앞에 놓아주세요',
      testYn: 'N',
      printYn: 'Y',
    });
    expect(r.plan.input.goodsNm).toBe('사과, 배 / 사은품: 보냉팩');
    expect(r.plan.goods.filter((g) => g.gift).map((g) => g.name)).toEqual(['보냉팩']);
    expect(r.plan.warnings.join()).toContain('착불');
  });

  it('상품별: only the selected item, 선불', () => {
    const r = planIssue(order(), ['1'], settings, [], '20261128');
    expect(r.ok && [r.plan.input.payType, r.plan.input.goodsNm]).toEqual(['1', '사과']);
  });

  it('refuses 접수중지 postcodes, missing 우편번호 and an unfinished connection, with reasons', () => {
    const stopped = [
      {
        areaNm: '울릉군',
        strtZipCd: '06230',
        endZipCd: '06240',
        applyStrtYmd: '20261101',
        applyEndYmd: '20261231',
        stopReason: '기상 악화',
      },
    ];
    expect(planIssue(order(), [], settings, stopped, '20261128')).toMatchObject({ ok: false, failure: 'stoppedZip' });
    expect(planIssue(order(), [], settings, stopped, '20270101')).toMatchObject({ ok: true });
    expect(planIssue(order({ receiverZonecode: '' }), [], settings, [], '20261128')).toMatchObject({ ok: false, failure: 'address' });
    expect(planIssue(order(), [], withDefaults({}), [], '20261128')).toMatchObject({ ok: false, failure: 'config' });
  });

  it('stops an order before Korea Post hears of it: unreadable goods, 방문수령, no 우체국택배 in the courier list', () => {
    const unread = planIssue(order({ items: [item({ goodsName: '', unreadable: ['상품명'] })] }), [], settings, [], '20261128');
    expect(unread).toMatchObject({ ok: false, failure: 'order' });
    expect(!unread.ok && unread.reason).toContain('상품명');
    const visit = planIssue(order({ items: [item({ deliveryMethod: 'visit' })] }), [], settings, [], '20261128');
    expect(!visit.ok && visit.reason).toContain('방문수령');
    expect(
      planIssue(
        order({ items: [item({ deliveryMethod: '' }), item({ sno: '2', deliveryMethod: 'packet' })] }),
        [],
        settings,
        [],
        '20261128',
      ),
    ).toMatchObject({ ok: true });
    const noEpost = planIssue(
      order({
        courierOptions: [
          { value: '8', text: 'CJ대한통운' },
          { value: '3', text: '등기/소포' },
        ],
      }),
      [],
      settings,
      [],
      '20261128',
    );
    expect(noEpost).toMatchObject({ ok: false, failure: 'config' });
    expect(!noEpost.ok && noEpost.reason).toContain('우체국택배');
    // test mode writes nothing into godomall: the courier list does not matter there
    expect(planIssue(order({ courierOptions: [] }), [], withDefaults({ ...settings, testMode: true }), [], '20261128')).toMatchObject({
      ok: true,
    });
  });

  it('truncates over-long fields and says so', () => {
    const r = planIssue(order({ receiverAddress: '가'.repeat(80) }), [], settings, [], '20261128');
    expect(r.ok && utf8Length(r.plan.input.recAddr1)).toBeLessThanOrEqual(150);
    expect(r.ok && r.plan.warnings.join()).toContain('150바이트');
  });

  it('배송 메시지 follows the setting; test mode sets testYn', () => {
    const fixed = withDefaults({ ...settings, deliveryMessage: { source: 'fixed', fixedText: '깨짐 주의' }, testMode: true });
    const r = planIssue(order(), [], fixed, [], '20261128');
    expect(r.ok && [r.plan.input.delivMsg, r.plan.input.testYn]).toEqual(['깨짐 주의', 'Y']);
  });
});

describe('status rules', () => {
  it('reserve: p* → g1, g* kept, o* refused', () => {
    expect(reserveRule('p1')).toEqual({ kind: 'change', to: 'g1' });
    expect(reserveRule('g2')).toEqual({ kind: 'keep' });
    expect(reserveRule('g5')).toEqual({ kind: 'keep' });
    expect(reserveRule('o1').kind).toBe('refuse');
    expect(reserveRule('c1').kind).toBe('refuse');
  });

  const ev = (at: number, status: TrackingEvent['status'], statusText: string, detail = ''): TrackingEvent => ({
    at,
    when: '',
    location: '',
    status,
    statusText,
    detail,
  });
  it('parcel phases from scans', () => {
    expect(parcelPhase([])).toBe('none');
    expect(parcelPhase([ev(1, 'accepted', '접수')])).toBe('accepted');
    expect(parcelPhase([ev(1, 'accepted', '접수'), ev(2, 'dispatched', '발송')])).toBe('moving');
    expect(parcelPhase([ev(2, 'delivered', '배달완료'), ev(1, 'dispatched', '발송')])).toBe('delivered');
    expect(parcelPhase([ev(1, 'dispatched', '발송'), ev(2, 'undelivered', '미배달', '수취인부재')])).toBe('undelivered');
    expect(parcelPhase([ev(1, 'other', '반송')])).toBe('returned');
    expect(parcelPhase([ev(1, 'cancelled', '신청취소')])).toBe('cancelled');
  });
});
