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
