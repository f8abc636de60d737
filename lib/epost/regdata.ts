// The plaintext of regData: `k1=v1&k2=v2…`, raw UTF-8 values with no escaping. Korea Post has no
// escape syntax, so `&`, `=`, CR and LF inside a value are replaced by a space; empty values are
// left out; over-long values are cut at a UTF-8 character boundary and reported so the caller can
// warn the operator per order (the manual does not say whether limits count bytes or characters).

import type { InsertOrderInput } from './types';

type RegDataValue = string | number | undefined | null;
export type RegDataField = readonly [name: string, value: RegDataValue];

export interface EncodedRegData {
  /** the plaintext to encrypt */
  text: string;
  /** names of the fields that were cut to their byte limit */
  truncated: string[];
}

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

/** Replaces the characters that would break the k=v&… framing, and any control character. */
export function sanitizeValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029&=]/g, ' ').trim();
}

/** The longest prefix of `s` whose UTF-8 encoding fits in maxBytes, never splitting a character. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const n = utf8Length(ch);
    if (bytes + n > maxBytes) break;
    bytes += n;
    out += ch;
  }
  return out;
}

export function encodeRegData(fields: readonly RegDataField[], limits: Readonly<Record<string, number>> = {}): EncodedRegData {
  const parts: string[] = [];
  const truncated: string[] = [];
  for (const [name, raw] of fields) {
    if (raw === undefined || raw === null) continue;
    let value = sanitizeValue(String(raw));
    if (value === '') continue;
    const limit = limits[name];
    if (limit !== undefined && utf8Length(value) > limit) {
      value = truncateUtf8(value, limit).trimEnd();
      truncated.push(name);
    }
    parts.push(`${name}=${value}`);
  }
  return { text: parts.join('&'), truncated };
}

/** InsertOrder limits in UTF-8 bytes, as the manual gives them; ord* mirror the rec* fields [I]. */
const INSERT_ORDER_LIMITS: Readonly<Record<string, number>> = {
  custNo: 10,
  apprNo: 10,
  payType: 1,
  reqType: 1,
  officeSer: 20,
  microYn: 1,
  orderNo: 50,
  ordCompNm: 100,
  recNm: 40,
  recZip: 5,
  recAddr1: 150,
  recAddr2: 300,
  recTel: 12,
  recMob: 12,
  contCd: 3,
  goodsNm: 400,
  delivMsg: 200,
  ordNm: 40,
  ordZip: 5,
  ordAddr1: 150,
  ordAddr2: 300,
  ordTel: 12,
  ordMob: 12,
};

/** Identifiers must never be cut: a cut orderNo would break the exactly-once key. */
const IDENTIFIER_FIELDS = ['custNo', 'apprNo', 'officeSer', 'orderNo', 'recZip', 'contCd'] as const;

/** A cut phone number would reach the wrong person: send it whole and let Korea Post refuse it (연락처오류). */
const PHONE_FIELDS = new Set(['recTel', 'recMob', 'ordTel', 'ordMob']);
const CUTTABLE_LIMITS = Object.fromEntries(Object.entries(INSERT_ORDER_LIMITS).filter(([k]) => !PHONE_FIELDS.has(k)));

/** Phone fields are digits only on the wire; separators are dropped, anything else is left for Korea Post to reject. */
function phone(v: string | undefined): string | undefined {
  return v?.replace(/[\s\-().]/g, '');
}

/** Whole kg / cm: Korea Post rejects decimals (ERR-122); round up so nothing is under-declared. */
function whole(n: number | undefined): number | undefined {
  return n === undefined || !Number.isFinite(n) ? undefined : Math.max(1, Math.ceil(n));
}

function insertOrderFields(o: InsertOrderInput): RegDataField[] {
  return [
    ['custNo', o.custNo],
    ['apprNo', o.apprNo],
    ['payType', o.payType],
    ['reqType', o.reqType],
    ['officeSer', o.officeSer],
    ['microYn', o.microYn ?? 'N'],
    ['orderNo', o.orderNo],
    ['ordCompNm', o.ordCompNm],
    ['recNm', o.recNm],
    ['recZip', o.recZip],
    ['recAddr1', o.recAddr1],
    // an empty 상세주소 is refused by some Korea Post servers [R]
    ['recAddr2', sanitizeValue(o.recAddr2) === '' ? '없음' : o.recAddr2],
    ['recTel', phone(o.recTel)],
    ['recMob', phone(o.recMob)],
    ['contCd', o.contCd],
    ['goodsNm', o.goodsNm],
    ['weight', whole(o.weight)],
    ['volume', whole(o.volume)],
    ['packngMtrCd', o.packngMtrCd],
    ['delivMsg', o.delivMsg],
    ['qty', o.qty],
    ['ordNm', o.ordNm],
    ['ordZip', o.ordZip],
    ['ordAddr1', o.ordAddr1],
    ['ordAddr2', o.ordAddr2],
    ['ordTel', phone(o.ordTel)],
    ['ordMob', phone(o.ordMob)],
    ['retOrigRegiNo', o.retOrigRegiNo],
    ['printYn', o.printYn],
    ['printAreaCdYn', o.printAreaCdYn],
    ['testYn', o.testYn],
  ];
}

/**
 * The regData plaintext of an InsertOrder. Throws RangeError when an identifier is over its limit
 * (a programming or settings error, not something to silently cut).
 */
export function insertOrderRegData(o: InsertOrderInput): EncodedRegData {
  const encoded = encodeRegData(insertOrderFields(o), CUTTABLE_LIMITS);
  const cutIdentifier = encoded.truncated.find((f) => (IDENTIFIER_FIELDS as readonly string[]).includes(f));
  if (cutIdentifier) throw new RangeError(`${cutIdentifier} 값이 너무 깁니다 (최대 ${INSERT_ORDER_LIMITS[cutIdentifier]}바이트)`);
  return encoded;
}

/** Korean names of the fields, for the per-order 'cut to fit' warning. */
const FIELD_LABELS_KO: Readonly<Record<string, string>> = {
  ordCompNm: '상호명',
  recNm: '수취인명',
  recAddr1: '수취인 주소',
  recAddr2: '수취인 상세주소',
  recTel: '수취인 전화번호',
  recMob: '수취인 휴대폰번호',
  goodsNm: '상품명',
  delivMsg: '배송 메시지',
  ordNm: '주문자명',
  ordAddr1: '주문자 주소',
  ordAddr2: '주문자 상세주소',
  ordTel: '주문자 전화번호',
  ordMob: '주문자 휴대폰번호',
};

/** e.g. `상품명, 배송 메시지 항목이 우체국 길이 제한으로 잘려서 전송됩니다.`; '' when nothing was cut. */
export function truncationWarning(truncated: readonly string[]): string {
  if (truncated.length === 0) return '';
  const names = truncated.map((f) => FIELD_LABELS_KO[f] ?? f).join(', ');
  return `${names} 항목이 우체국 길이 제한으로 잘려서 전송됩니다.`;
}
