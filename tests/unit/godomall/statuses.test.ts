import { describe, expect, it } from 'vitest';
import { isClaimStatus, isGoodsStatus, isPaymentStatus, statusGroup, statusLabel } from '../../../lib/godomall/statuses';
import { groupLetterOfName, itemSnoOfName, splitRowKey } from '../../../lib/godomall/selectors';

describe('status codes', () => {
  it('groups by letter, shop-defined g5+ included', () => {
    expect(['o1', 'p1', 'g1', 'g5', 'g8', 'd1', 'd2', 's1', 'c3', 'z5', 'x', ''].map(statusGroup)).toEqual([
      'o',
      'p',
      'g',
      'g',
      'g',
      'd',
      'd',
      's',
      'c',
      'z',
      '',
      '',
    ]);
    expect(isPaymentStatus('p1')).toBe(true);
    expect(isGoodsStatus('g5')).toBe(true);
    expect(isGoodsStatus('p1')).toBe(false);
    expect(['c1', 'b2', 'e1', 'r3', 'f1', 'z1', 'p1'].map(isClaimStatus)).toEqual([true, true, true, true, true, true, false]);
    expect(statusLabel('p1', { p1: '결제확인' })).toBe('결제확인');
    expect(statusLabel('g7')).toBe('g7');
  });

  it('splits form names and row keys', () => {
    expect(groupLetterOfName('statusCheck[p][]')).toBe('p');
    expect(groupLetterOfName('invoiceCompanySno[g][10001]')).toBe('g');
    expect(groupLetterOfName('invoiceCompanySno[2611271751531000]')).toBe('');
    expect(itemSnoOfName('invoiceNo[g][10001]')).toBe('10001');
    expect(itemSnoOfName('invoiceNo[2611271751531000]')).toBeUndefined();
    expect(splitRowKey('2611271751531000')).toEqual({ orderNo: '2611271751531000' });
    expect(splitRowKey('2611271751531000||10001||0||1||2')).toEqual({ orderNo: '2611271751531000', sno: '10001' });
  });
});
