// Test helpers: talk to the simulator over real HTTP the way a client must (SEED-encrypted
// regData from lib/epost/seed128.ts), and read its XML with an independent parser.
import { XMLParser } from 'fast-xml-parser';
import { encryptRegData } from '../../../lib/epost/seed128.ts';
import { startEpostSandbox, type EpostSandbox, type EpostSandboxOptions } from '../../sandbox/epost/server.ts';
import { SANDBOX_APPR_NO_PREPAID, SANDBOX_CUST_NO, SANDBOX_OFFICE_SER } from '../../sandbox/epost/account.ts';

const LISTS = ['contractInfo', 'officeInfo', 'stoppedZipCdInfo', 'resInfo', 'item', 'longitudinalDomesticList'];
const parser = new XMLParser({ parseTagValue: false, trimValues: true, ignoreDeclaration: true, isArray: (n) => LISTS.includes(n) });

export type Doc = Record<string, any>;

/** CDATA values come padded with spaces; clients trim, so do the tests (the raw text keeps them). */
function trimDeep(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(trimDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimDeep(x)]));
  return v;
}

const parse = (text: string): Doc => trimDeep(parser.parse(text)) as Doc;

export interface Reply {
  status: number;
  text: string;
  doc: Doc;
}

/** 2026-01-15 15:30 UTC = 2026-01-16 00:30 KST: the KST date differs from the UTC one. */
const T0 = Date.UTC(2026, 0, 15, 15, 30, 0);

export async function startAt(opts: EpostSandboxOptions = {}): Promise<EpostSandbox> {
  let t = T0;
  return startEpostSandbox({ now: () => t++, ...opts });
}

function plaintext(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  key?: string | null;
  securityKey?: string;
  /** raw regData (overrides fields), or null to leave it out */
  regData?: string | null;
  extra?: Record<string, string>;
}

export async function callApi(sb: EpostSandbox, message: string, fields: Record<string, string>, o: CallOptions = {}): Promise<Reply> {
  const params = new URLSearchParams();
  const key = o.key === undefined ? sb.control.keys.apiKey : o.key;
  if (key !== null) params.set('key', key);
  const regData = o.regData === undefined ? encryptRegData(plaintext(fields), o.securityKey ?? sb.control.keys.securityKey) : o.regData;
  if (regData !== null) params.set('regData', regData);
  for (const [k, v] of Object.entries(o.extra ?? {})) params.set(k, v);
  const url = `${sb.url}/api.${message}.jparcel`;
  const res =
    (o.method ?? 'POST') === 'POST'
      ? await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() })
      : await fetch(`${url}?${params.toString()}`);
  const text = await res.text();
  return { status: res.status, text, doc: parse(text) };
}

export async function getXml(url: string): Promise<Reply> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, text, doc: parse(text) };
}

/** `ERR-xxx message` of an error answer, or undefined for a normal one. */
export function errorOf(r: Reply): string | undefined {
  const e = r.doc.xsync?.error;
  return e ? `${e.error_code} ${e.message}` : undefined;
}

export function validOrder(over: Record<string, string> = {}): Record<string, string> {
  return {
    custNo: SANDBOX_CUST_NO,
    apprNo: SANDBOX_APPR_NO_PREPAID,
    payType: '1',
    reqType: '1',
    officeSer: SANDBOX_OFFICE_SER,
    microYn: 'N',
    orderNo: '2601160001',
    ordCompNm: '테스트상점',
    recNm: '홍길동',
    recZip: '61452',
    recAddr1: '광주광역시 동구 금남로 100',
    recAddr2: '101동 202호',
    recMob: '01012345678',
    contCd: '025',
    goodsNm: '여성용 청바지',
    ...over,
  };
}

/** A registered parcel's fields from a successful InsertOrder answer. */
export async function insertOrder(sb: EpostSandbox, over: Record<string, string> = {}): Promise<Doc> {
  const r = await callApi(sb, 'InsertOrder', validOrder(over));
  if (errorOf(r)) throw new Error(`InsertOrder failed: ${errorOf(r)}`);
  return r.doc.xsync as Doc;
}
