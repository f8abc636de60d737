import { describe, expect, it } from 'vitest';
import { LABEL_LIMITS, goodsSummary, parcelsOf, toLabelView, toLabelViews } from '../../../lib/labels/model';
import { SENDER, shipment } from './shipment.fixture';

const data = { sender: SENDER, companyName: '햇살농장(주)' };

describe('label view model', () => {
  it('puts each InsertOrder output in its place', () => {
    const v = toLabelView({ shipment: shipment(), ...data });
    expect(v.sortCode).toBe('전1 830 01 05');
    expect(v.arrCnpoNm).toBe('전주M');
    expect(v.delivPoNm).toBe('진안');
    expect(v.courseNo).toBe('12');
    expect(v.regiNoText).toBe('68921-2231-6034');
    expect(v.regiNoBarcode).toBe('6892122316034');
    expect(v.zip).toBe('55423');
    expect(v.zipBarcode).toBe('55423');
    expect(v.receiver).toEqual({ name: '홍길동', phone: '010-1234-5678', safeNumber: false, address: '전북 진안군 진안읍 중앙로 1 101호' });
    expect(v.sender).toEqual({ name: '햇살농장', phone: '061-392-1234', zip: '57200', address: '전남 장성군 장성읍 영천로 10' });
    expect(v.payLabel).toBe('선불');
    expect(v.price).toBe('2,600원');
    expect(v.date).toBe('2019-12-06');
    expect(v.parcel).toBe('');
    expect(v.test).toBe(false);
  });

  it('prints the 안심번호 instead of the receiver phone when Korea Post gave one', () => {
    const v = toLabelView({ shipment: shipment({ vTelNo: '05055832695' }), ...data });
    expect(v.receiver.phone).toBe('0505-583-2695');
    expect(v.receiver.safeNumber).toBe(true);
  });

  it('착불 and the company name when the 공급지 has no name', () => {
    const v = toLabelView({ shipment: shipment({ payType: '2' }), sender: { ...SENDER, name: '' }, companyName: '햇살농장(주)' });
    expect(v.payLabel).toBe('착불');
    expect(v.sender.name).toBe('햇살농장(주)');
  });

  it('test shipments are flagged and TESTREGINOAPI is printed unchanged', () => {
    const v = toLabelView({ shipment: shipment({ test: true, regiNo: 'TESTREGINOAPI' }), ...data });
    expect(v.test).toBe(true);
    expect(v.regiNoText).toBe('TESTREGINOAPI');
  });

  it('no barcode for a zip that is not 5 digits or a number Code 128 cannot hold', () => {
    const v = toLabelView({ shipment: shipment({ regiNo: '', receiver: { ...shipment().receiver, zip: '123-45' } }), ...data });
    expect(v.zipBarcode).toBe('');
    expect(v.regiNoBarcode).toBe('');
  });

  it('hostile order data is cut to the box limits and stays one line of text', () => {
    const long = '가'.repeat(300);
    const v = toLabelView({
      shipment: shipment({
        receiver: { name: `${long}\n<b>x</b>`, zip: '55423', addr1: long, addr2: 'line\r\nbreak', tel: '', mobile: '010-1234-5678' },
        goods: [{ sno: '1', name: `<script>alert(1)</script>${long}`, option: long, quantity: 1 }],
        delivMsg: `=HYPERLINK("x")\n${long}`,
      }),
      ...data,
    });
    expect(Array.from(v.receiver.name)).toHaveLength(LABEL_LIMITS.receiverName);
    expect(v.receiver.name.endsWith('…')).toBe(true);
    expect(Array.from(v.receiver.address)).toHaveLength(LABEL_LIMITS.address);
    expect(v.goods.title.startsWith('<script>alert(1)</script>')).toBe(true);
    expect(Array.from(v.goods.title)).toHaveLength(LABEL_LIMITS.goodsName);
    expect(Array.from(v.goods.option)).toHaveLength(LABEL_LIMITS.goodsOption);
    expect(Array.from(v.delivMsg)).toHaveLength(LABEL_LIMITS.delivMsg);
    for (const text of [v.receiver.name, v.receiver.address, v.delivMsg]) expect(text).not.toMatch(/[\r\n]/);
  });

  it('goods: first line, quantity and 외 N건', () => {
    const goods = [
      { sno: '1', name: 'A', option: '빨강', quantity: 3 },
      { sno: '2', name: 'B', option: '', quantity: 1 },
      { sno: '3', name: 'C', option: '', quantity: 1 },
    ];
    expect(goodsSummary({ goods })).toEqual({ title: 'A', option: '빨강', quantity: '3개', more: '외 2건' });
    expect(goodsSummary({ goods: goods.slice(0, 1) }).more).toBe('');
    expect(goodsSummary({ goods: [] }).title).toBe('');
  });

  it('n/N for orders with several numbers in the batch, journal counts winning', () => {
    const a = shipment({ key: 'O1-1', orderNo: 'O1' });
    const b = shipment({ key: 'O1-2', orderNo: 'O1' });
    const c = shipment({ key: 'O2', orderNo: 'O2' });
    expect(parcelsOf([b, a, c])).toEqual({ 'O1-1': { index: 1, total: 2 }, 'O1-2': { index: 2, total: 2 }, O2: { index: 1, total: 1 } });
    const views = toLabelViews([b, c], { ...data, parcels: { 'O1-2': { index: 2, total: 3 } } });
    expect(views.map((v) => [v.key, v.parcel])).toEqual([
      ['O1-2', '2/3'],
      ['O2', ''],
    ]);
  });
});
