import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { formFromSettings, validateConnectionFields, validateSettingsForm, type SettingsForm } from '../../../lib/validate/settings-form';

const noneSet = { apiKey: false, securityKey: false, traceKey: false, dataGoKrKey: false };
const keysSet = { ...noneSet, apiKey: true, securityKey: true };

function goodForm(): SettingsForm {
  return {
    ...formFromSettings(DEFAULT_SETTINGS),
    memberId: 'myshop01',
    apiKey: 'A'.repeat(30),
    securityKey: 'B'.repeat(22),
    custNo: '0005085217',
    apprNo: '7002080922',
    postNm: '서울중앙우체국',
    payTypeNm: '후납',
    companyName: '마이샵',
    ceoName: '홍길동',
    bizNo: '2208162517',
    email: 'shop@example.com',
    tel: '0212345678',
    mobile: '01012345678',
    officeSer: '01',
    officeNm: '마이샵 물류센터',
    zip: '06236',
    addr1: '서울특별시 강남구 테헤란로 1',
    addr2: '2층',
  };
}

describe('validateSettingsForm', () => {
  it('turns a good form into a normalised patch and the typed secrets', () => {
    const r = validateSettingsForm(goodForm(), noneSet, false);
    expect(r.errors).toEqual({});
    expect(r.ok).toBe(true);
    expect(r.settings?.bizNo).toBe('220-81-62517');
    expect(r.settings?.tel).toBe('02-1234-5678');
    expect(r.settings?.sender).toEqual({
      officeSer: '01',
      name: '마이샵 물류센터',
      zip: '06236',
      addr1: '서울특별시 강남구 테헤란로 1',
      addr2: '2층',
      tel: '02-1234-5678',
    });
    expect(r.settings?.defaults).toEqual({ weight: 2, volume: 60, contCd: '029', packngMtrCd: '01' });
    expect(r.settings?.syncIntervalMinutes).toBe(120);
    expect(r.settings).not.toHaveProperty('endpoints');
    expect(r.secrets).toEqual({ apiKey: 'A'.repeat(30), securityKey: 'B'.repeat(22) });
  });

  it('returns no patch at all when any field is bad, with a Korean message per field', () => {
    const form = { ...goodForm(), bizNo: '1234567890', zip: '1234', email: 'x@', weight: '50' };
    const r = validateSettingsForm(form, noneSet, false);
    expect(r.ok).toBe(false);
    expect(r.settings).toBeUndefined();
    expect(r.secrets).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(['bizNo', 'email', 'weight', 'zip']);
    expect(r.errors.weight).toMatch(/1~30/);
  });

  it('empty key fields keep stored keys but are required when none is stored', () => {
    const form = { ...goodForm(), apiKey: '', securityKey: '' };
    expect(validateSettingsForm(form, keysSet, false).ok).toBe(true);
    expect(validateSettingsForm(form, keysSet, false).secrets).toEqual({});
    const r = validateSettingsForm(form, noneSet, false);
    expect(r.errors.apiKey).toMatch(/인증키/);
    expect(r.errors.securityKey).toMatch(/보안키/);
  });

  it('a fixed delivery message needs its text', () => {
    const r = validateSettingsForm({ ...goodForm(), deliveryMessageSource: 'fixed', deliveryMessageFixed: ' ' }, noneSet, false);
    expect(r.errors.deliveryMessageFixed).toMatch(/입력해/);
  });

  it('endpoints are part of the patch only in the sandbox build, and must be URLs', () => {
    const form = { ...goodForm(), shipBaseUrl: 'http://127.0.0.1:4010/' };
    expect(validateSettingsForm(form, noneSet, true).settings?.endpoints?.shipBaseUrl).toBe('http://127.0.0.1:4010');
    expect(validateSettingsForm({ ...form, traceBaseUrl: 'nope' }, noneSet, true).errors.traceBaseUrl).toBeDefined();
  });

  it('connection check looks only at ID and keys', () => {
    const errors = validateConnectionFields({ ...goodForm(), memberId: '', apiKey: 'short' }, noneSet);
    expect(Object.keys(errors).sort()).toEqual(['apiKey', 'memberId']);
  });
});

describe('박스 규격 (box presets)', () => {
  it('one box per line, codes defaulting to the default box, saved whole', () => {
    const r = validateSettingsForm({ ...goodForm(), boxes: '소형, 2, 80\n\n 아이스, 5, 100, 022, 05 ' }, keysSet, false);
    expect(r.ok).toBe(true);
    expect(r.ok && r.settings?.boxes).toEqual([
      { name: '소형', weight: 2, volume: 80, contCd: '029', packngMtrCd: '01' },
      { name: '아이스', weight: 5, volume: 100, contCd: '022', packngMtrCd: '05' },
    ]);
  });

  it.each([
    ['대형, 40, 120', '2번째 줄: 무게(kg)은(는) 1~30 사이로'],
    ['대형, 10, 1.5', '2번째 줄: 크기(cm)은(는) 정수로'],
    ['대형, 10, 120, 030', '2번째 줄: 내용품 코드는 021~029'],
    ['대형, 10, 120, 029, 02', '2번째 줄: 포장재 코드는 01, 03, 05, 09'],
    ['소형, 3, 90', '2번째 줄: 같은 이름(소형)'],
    ['기본, 3, 90', '「기본」은 기본 무게·크기의 이름'],
    [', 3, 90', '2번째 줄: 박스 이름'],
    ['대형, 10, 120, 029, 01, 추가', '쉼표로 나누어'],
  ])('%s → a Korean reason with its line, and nothing saved', (second, reason) => {
    const r = validateSettingsForm({ ...goodForm(), boxes: `소형, 2, 80\n${second}` }, keysSet, false);
    expect(r.ok).toBe(false);
    expect(r.errors.boxes).toContain(reason);
  });
});
