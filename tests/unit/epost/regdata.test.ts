import { describe, expect, it } from 'vitest';
import { encodeRegData, insertOrderRegData, sanitizeValue, truncateUtf8, truncationWarning, utf8Length } from '../../../lib/epost/regdata';
import type { InsertOrderInput } from '../../../lib/epost/types';

const order: InsertOrderInput = {
  custNo: '0001234567',
  apprNo: '7002080922',
  payType: '1',
  reqType: '1',
  officeSer: '01',
  orderNo: '2024010512345',
  ordCompNm: '고객주문처',
  recNm: '홍길동',
  recZip: '06236',
  recAddr1: '서울특별시 강남구 테헤란로 1',
  recAddr2: '',
  recMob: '010-1234-5678',
  contCd: '028',
  goodsNm: '수건 외 2건',
};

/** Parses the k=v&… plaintext back, as the simulator would. */
function parse(text: string): Record<string, string> {
  return Object.fromEntries(text.split('&').map((kv) => kv.split('=') as [string, string]));
}

describe('regData plaintext', () => {
  it('replaces the framing characters with spaces', () => {
    expect(sanitizeValue('a&b=c\r\nd')).toBe('a b c  d');
    const { text } = encodeRegData([
      ['recAddr2', '101동 & 202호'],
      ['delivMsg', '문 앞에\n놓아 주세요 a=b'],
    ]);
    expect(text).toBe('recAddr2=101동   202호&delivMsg=문 앞에 놓아 주세요 a b');
    expect(Object.keys(parse(text))).toEqual(['recAddr2', 'delivMsg']);
  });

  it('omits empty and missing values', () => {
    const { text } = encodeRegData([
      ['a', '1'],
      ['b', ''],
      ['c', undefined],
      ['d', '  '],
      ['e', 0],
    ]);
    expect(text).toBe('a=1&e=0');
  });

  it('cuts at UTF-8 byte limits without splitting a character, and reports it', () => {
    expect(truncateUtf8('가나다', 7)).toBe('가나');
    expect(truncateUtf8('가나다', 6)).toBe('가나');
    expect(truncateUtf8('ab가', 4)).toBe('ab');
    expect(truncateUtf8('😀a', 3)).toBe('');
    const r = encodeRegData(
      [
        ['recNm', '가'.repeat(20)],
        ['goodsNm', 'ok'],
      ],
      { recNm: 40, goodsNm: 400 },
    );
    expect(r.truncated).toEqual(['recNm']);
    expect(parse(r.text).recNm).toBe('가'.repeat(13));
    expect(utf8Length(parse(r.text).recNm!)).toBeLessThanOrEqual(40);
  });
});

describe('InsertOrder regData', () => {
  it('builds the fields in manual order with defaults', () => {
    const { text, truncated } = insertOrderRegData(order);
    const f = parse(text);
    expect(truncated).toEqual([]);
    expect(f.recAddr2).toBe('없음');
    expect(f.recMob).toBe('01012345678');
    expect(f.microYn).toBe('N');
    expect(f.recTel).toBeUndefined();
    expect(text.startsWith('custNo=0001234567&apprNo=7002080922&payType=1&reqType=1&officeSer=01&')).toBe(true);
  });

  it('sends whole numbers for weight and volume', () => {
    const f = parse(insertOrderRegData({ ...order, weight: 2.2, volume: 60, qty: 3 }).text);
    expect(f.weight).toBe('3');
    expect(f.volume).toBe('60');
    expect(f.qty).toBe('3');
  });

  it('cuts long text fields and names them in a Korean warning', () => {
    const r = insertOrderRegData({ ...order, goodsNm: '상'.repeat(200), delivMsg: 'x'.repeat(250) });
    expect(r.truncated).toEqual(['goodsNm', 'delivMsg']);
    expect(utf8Length(parse(r.text).goodsNm!)).toBe(399);
    expect(truncationWarning(r.truncated)).toBe('상품명, 배송 메시지 항목이 우체국 길이 제한으로 잘려서 전송됩니다.');
    expect(truncationWarning([])).toBe('');
  });

  it('never cuts an identifier or a phone number', () => {
    expect(() => insertOrderRegData({ ...order, orderNo: 'o'.repeat(51) })).toThrow(/orderNo/);
    const r = insertOrderRegData({ ...order, recMob: '0101234567890' });
    expect(parse(r.text).recMob).toBe('0101234567890');
    expect(r.truncated).toEqual([]);
  });
});
