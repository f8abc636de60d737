// Field validators for the options form. Each returns a Korean message for the operator, or
// undefined when the value is acceptable. Pure: no browser APIs, so they are unit-tested directly.

export type FieldCheck = (value: string) => string | undefined;

const digitsOnly = (v: string) => v.replace(/[\s-]/g, '');

/** 사업자등록번호: 10 digits, last one a checksum over the weights 1,3,7,1,3,7,1,3,5. */
export function bizNoChecksumOk(bizNo: string): boolean {
  const d = digitsOnly(bizNo);
  if (!/^\d{10}$/.test(d)) return false;
  const n = [...d].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((acc, w, i) => acc + w * n[i]!, 0);
  // the 9th digit times 5 contributes its tens digit as well
  sum += Math.floor((n[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === n[9];
}

export const checkBizNo: FieldCheck = (v) => {
  const d = digitsOnly(v);
  if (!d) return '사업자번호를 입력해 주세요.';
  if (!/^\d{10}$/.test(d)) return '사업자번호는 숫자 10자리입니다. (예: 123-45-67890)';
  if (!bizNoChecksumOk(d)) return '사업자번호가 올바르지 않습니다. 번호를 다시 확인해 주세요.';
  return undefined;
};

/** 123-45-67890 */
export function formatBizNo(v: string): string {
  const d = digitsOnly(v);
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : v.trim();
}

export const checkCustNo: FieldCheck = (v) =>
  /^\d{10}$/.test(v.trim()) ? undefined : '고객번호는 숫자 10자리입니다. 「연동 확인」으로 받아 오세요.';

export const checkApprNo: FieldCheck = (v) =>
  /^\d{10}$/.test(v.trim()) ? undefined : '승인번호는 숫자 10자리입니다. 계약을 선택해 주세요.';

export const checkZip: FieldCheck = (v) => (/^\d{5}$/.test(v.trim()) ? undefined : '우편번호는 숫자 5자리입니다. (예: 06236)');

// 010 numbers always have 8 digits after the prefix; the old 011/016–019 ranges may have 7
const MOBILE = /^(010\d{8}|01[16789]\d{7,8})$/;
// 02 (서울) takes 9–10 digits; other area codes (031…064) 10–11; 070 / 050x internet and safe numbers
const AREA = /^(02\d{7,8}|0(3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}|070\d{8}|050\d{8,9})$/;
// 대표번호: 15xx, 16xx, 18xx + 4 digits
const REPRESENTATIVE = /^1(5|6|8)\d{2}\d{4}$/;

export type PhoneKind = 'mobile' | 'area' | 'representative';

export function phoneKind(v: string): PhoneKind | undefined {
  const raw = v.trim();
  if (!/^[\d\s-]+$/.test(raw)) return undefined; // letters or special characters
  const d = digitsOnly(raw);
  if (MOBILE.test(d)) return 'mobile';
  if (AREA.test(d)) return 'area';
  if (REPRESENTATIVE.test(d)) return 'representative';
  return undefined;
}

/** Canonical hyphenated form (Korea Post's examples use `061-1234-5678`). */
export { formatPhone } from '../phone';

export const checkTel: FieldCheck = (v) => {
  if (!v.trim()) return '전화번호를 입력해 주세요.';
  return phoneKind(v)
    ? undefined
    : '전화번호 형식이 올바르지 않습니다. 지역번호(02-123-4567), 휴대폰(010-1234-5678) 또는 대표번호(1588-1234)로 입력해 주세요.';
};

export const checkMobile: FieldCheck = (v) => {
  if (!v.trim()) return '휴대폰번호를 입력해 주세요.';
  return phoneKind(v) === 'mobile' ? undefined : '휴대폰번호 형식이 올바르지 않습니다. (예: 010-1234-5678)';
};

export const checkEmail: FieldCheck = (v) => {
  const s = v.trim();
  if (!s) return 'E-mail을 입력해 주세요.';
  return /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(s) && s.length <= 100
    ? undefined
    : 'E-mail 형식이 올바르지 않습니다. (예: shop@example.com)';
};

export const checkMemberId: FieldCheck = (v) => {
  const s = v.trim();
  if (!s) return '인터넷우체국 사업자회원 ID를 입력해 주세요.';
  if (s.length > 15) return '인터넷우체국 ID는 15자 이하입니다.';
  if (!/^[A-Za-z0-9_.-]+$/.test(s)) return '인터넷우체국 ID에는 영문, 숫자만 쓸 수 있습니다.';
  return undefined;
};

/** A fixed-length key (인증키 30, 보안키 22). Korea Post's keys are printable ASCII without spaces. */
function checkKey(label: string, length: number): FieldCheck {
  return (v) => {
    const s = v.trim();
    if (!s) return `${label}를 입력해 주세요.`;
    if (!/^[\x21-\x7e]+$/.test(s)) return `${label}에 공백이나 한글이 들어 있습니다. 복사한 값을 확인해 주세요.`;
    if (s.length !== length) return `${label}는 ${length}자입니다. (입력: ${s.length}자)`;
    return undefined;
  };
}

export const checkApiKey = checkKey('인증키', 30);
export const checkSecurityKey = checkKey('보안키', 22);

export function checkRequired(label: string, maxLength = 100): FieldCheck {
  return (v) => {
    const s = v.trim();
    if (!s) return `${label}을(를) 입력해 주세요.`;
    if (s.length > maxLength) return `${label}은(는) ${maxLength}자 이하로 입력해 주세요.`;
    if (/[&=\r\n]/.test(s)) return `${label}에 &, = 기호는 쓸 수 없습니다.`;
    return undefined;
  };
}

/** Integer (or decimal when `integer` is false) in [min, max]. */
export function checkNumber(label: string, min: number, max: number, integer = true): FieldCheck {
  return (v) => {
    const s = v.trim();
    if (!s) return `${label}을(를) 입력해 주세요.`;
    const n = Number(s);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return `${label}은(는) ${integer ? '정수' : '숫자'}로 입력해 주세요.`;
    if (n < min || n > max) return `${label}은(는) ${min}~${max} 사이로 입력해 주세요.`;
    return undefined;
  };
}

/** The operator's admin address → its origin (`https://gdadmin.myshop.co.kr`), or undefined. */
export function normaliseAdminOrigin(v: string): string | undefined {
  const s = v.trim();
  if (!s) return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
    if (!/^https?:$/.test(url.protocol) || (!url.hostname.includes('.') && url.hostname !== 'localhost')) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export const checkAdminOrigin: FieldCheck = (v) =>
  !v.trim() || normaliseAdminOrigin(v) ? undefined : '관리자 주소 형식이 올바르지 않습니다. (예: https://gdadmin.myshop.co.kr)';

export const checkBaseUrl: FieldCheck = (v) => {
  try {
    const u = new URL(v.trim());
    return /^https?:$/.test(u.protocol) ? undefined : 'http(s):// 주소를 입력해 주세요.';
  } catch {
    return '주소 형식이 올바르지 않습니다. (예: http://127.0.0.1:8080)';
  }
};

/** InsertOrder contCd (내용품: 021–029) and packngMtrCd (포장재: 01 종이상자, 03 폴리백, 05 아이스박스, 09 기타). */
export const CONT_CODE = /^02[1-9]$/;
export const PACKING_CODE = /^(01|03|05|09)$/;
