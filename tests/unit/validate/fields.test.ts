import { describe, expect, it } from 'vitest';
import {
  bizNoChecksumOk,
  checkApiKey,
  checkBizNo,
  checkEmail,
  checkMobile,
  checkNumber,
  checkSecurityKey,
  checkTel,
  checkZip,
  checkCustNo,
  formatBizNo,
  formatPhone,
  normaliseAdminOrigin,
  phoneKind,
} from '../../../lib/validate/fields';

describe('사업자번호 checksum', () => {
  it('accepts real registration numbers with or without hyphens', () => {
    expect(bizNoChecksumOk('220-81-62517')).toBe(true);
    expect(bizNoChecksumOk('1248100998')).toBe(true);
    expect(checkBizNo('120-81-47521')).toBeUndefined();
  });
  it('rejects a wrong check digit and explains in Korean', () => {
    expect(bizNoChecksumOk('220-81-62518')).toBe(false);
    expect(checkBizNo('1234567890')).toMatch(/올바르지 않습니다/);
  });
  it('rejects wrong lengths and letters', () => {
    expect(checkBizNo('22081625')).toMatch(/10자리/);
    expect(checkBizNo('22O8162517')).toMatch(/10자리/);
    expect(checkBizNo('')).toMatch(/입력해/);
  });
  it('formats as 3-2-5', () => expect(formatBizNo('2208162517')).toBe('220-81-62517'));
});

describe('phone numbers', () => {
  it.each([
    ['010-1234-5678', 'mobile'],
    ['01012345678', 'mobile'],
    ['011-234-5678', 'mobile'],
    ['02-123-4567', 'area'],
    ['02-1234-5678', 'area'],
    ['061-1234-5678', 'area'],
    ['031 123 4567', 'area'],
    ['070-1234-5678', 'area'],
    ['0505-123-45678', 'area'],
    ['1588-1234', 'representative'],
    ['1644-0000', 'representative'],
  ])('%s is %s', (v, kind) => expect(phoneKind(v)).toBe(kind));

  it.each(['010-1234-567', '010-abcd-5678', '010.1234.5678', '+82-10-1234-5678', '1234-5678', '099-123-4567', '02-12-345'])(
    'rejects %s',
    (v) => expect(checkTel(v)).toMatch(/형식이 올바르지 않습니다/),
  );

  it('mobile field takes mobile numbers only', () => {
    expect(checkMobile('010-9999-0000')).toBeUndefined();
    expect(checkMobile('02-123-4567')).toMatch(/휴대폰번호 형식/);
  });

  it('formats canonically', () => {
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('021234567')).toBe('02-123-4567');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
    expect(formatPhone('0611234567')).toBe('061-123-4567');
    expect(formatPhone('15881234')).toBe('1588-1234');
  });
});

describe('other fields', () => {
  it('우편번호 is exactly 5 digits', () => {
    expect(checkZip('06236')).toBeUndefined();
    expect(checkZip('135-080')).toMatch(/5자리/);
    expect(checkZip('0623')).toMatch(/5자리/);
  });
  it('고객번호 is 10 digits', () => {
    expect(checkCustNo('0005085217')).toBeUndefined();
    expect(checkCustNo('000508521')).toMatch(/10자리/);
  });
  it('e-mail', () => {
    expect(checkEmail('shop@example.co.kr')).toBeUndefined();
    expect(checkEmail('shop@example')).toMatch(/E-mail 형식/);
    expect(checkEmail('shop example@x.com')).toMatch(/E-mail 형식/);
  });
  it('keys have fixed lengths and report the typed length', () => {
    expect(checkApiKey('a'.repeat(30))).toBeUndefined();
    expect(checkApiKey('a'.repeat(29))).toBe('인증키는 30자입니다. (입력: 29자)');
    expect(checkSecurityKey('b'.repeat(22))).toBeUndefined();
    expect(checkSecurityKey('b'.repeat(21) + '가')).toMatch(/공백이나 한글/);
  });
  it('numbers in range', () => {
    const weight = checkNumber('기본 무게(kg)', 1, 30);
    expect(weight('2')).toBeUndefined();
    expect(weight('31')).toMatch(/1~30/);
    expect(weight('2.5')).toMatch(/정수/);
    expect(weight('abc')).toMatch(/정수/);
    expect(checkNumber('보정', -20, 20, false)('-1.5')).toBeUndefined();
  });
  it('admin address → origin', () => {
    expect(normaliseAdminOrigin('gdadmin.myshop.co.kr')).toBe('https://gdadmin.myshop.co.kr');
    expect(normaliseAdminOrigin('http://127.0.0.1:5173/order/order_list_all.php')).toBe('http://127.0.0.1:5173');
    expect(normaliseAdminOrigin('not a host')).toBeUndefined();
    expect(normaliseAdminOrigin('ftp://x.com')).toBeUndefined();
  });
});
