import { describe, expect, it } from 'vitest';
import { localeMessages, translator } from './i18n-helper';

describe('overlay strings', () => {
  it('every overlay key exists in ko and en with the same placeholders', () => {
    const ko = localeMessages('ko');
    const en = localeMessages('en');
    const keys = Object.keys(ko).filter((k) => k.startsWith('overlay'));
    expect(keys.length).toBeGreaterThan(30);
    for (const k of keys) {
      expect(en[k], k).toBeDefined();
      expect(Object.keys(en[k]!.placeholders ?? {}).sort(), k).toEqual(Object.keys(ko[k]!.placeholders ?? {}).sort());
    }
  });

  it('substitutes placeholders the way Chrome does', () => {
    const t = translator('ko');
    expect(t('overlayIssueAll', 12)).toBe('검색된 미발급 일괄 발급 (12)');
    expect(t('overlayJobFinished', '예약', 3, 1, 0)).toBe('예약 완료: 성공 3건, 실패 1건, 건너뜀 0건');
    expect(t('noSuchKey')).toBe('noSuchKey');
  });
});
