import { describe, expect, it } from 'vitest';
import {
  fieldText,
  formatDelivAreaCd,
  formatPhone,
  formatRegiNo,
  kstDate,
  oneLine,
  sortCodeOf,
  truncate,
} from '../../../lib/labels/format';

describe('등기번호 5-4-4', () => {
  it('groups 13 digits', () => {
    expect(formatRegiNo('6892122316034')).toBe('68921-2231-6034');
  });
  it('leaves other values (test mode, short) untouched', () => {
    expect(formatRegiNo('TESTREGINOAPI')).toBe('TESTREGINOAPI');
    expect(formatRegiNo('123')).toBe('123');
  });
});

describe('집배코드', () => {
  it('splits the packed code into 집중국+digit, 배달국, 팀, 구', () => {
    expect(formatDelivAreaCd('광15290506')).toBe('광1 529 05 06');
    expect(formatDelivAreaCd('전18300105')).toBe('전1 830 01 05');
  });
  it('prints unknown shapes unchanged', () => {
    expect(formatDelivAreaCd('서울1')).toBe('서울1');
  });
  it('prefers printAreaCd, as Korea Post gives it', () => {
    expect(sortCodeOf(' 광1-529-05 ', '광15290506')).toBe('광1-529-05');
    expect(sortCodeOf('', '광15290506')).toBe('광1 529 05 06');
  });
});

describe('text rules', () => {
  it('turns line breaks, tabs and control characters into single spaces', () => {
    expect(oneLine('a\r\nb\t\u0000c\u2028 d')).toBe('a b c d');
  });
  it('truncates by characters with an ellipsis, never splitting a character', () => {
    expect(truncate('가나다라마', 3)).toBe('가나…');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('가나다', 3)).toBe('가나다');
  });
  it('fieldText keeps markup as literal text', () => {
    expect(fieldText('<img src=x onerror=alert(1)>', 100)).toBe('<img src=x onerror=alert(1)>');
  });
  it('formats phones', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
    expect(formatPhone('05055832695')).toBe('0505-583-2695');
    expect(formatPhone('0613921234')).toBe('061-392-1234');
  });
  it('dates are the KST day', () => {
    expect(kstDate(Date.UTC(2026, 10, 28, 15, 30))).toBe('2026-11-29');
  });
});
