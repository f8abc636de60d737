// The day's shipments as a CSV that Excel opens correctly in Korean: UTF-8 with a BOM (without it
// Excel reads CP949 and shows mojibake), CRLF rows, RFC 4180 quoting, and a guard against formula
// injection. Columns are chosen one by one from the shipment — nothing else (and no secret) can leak.
import type { JournalDb } from '../db/db';
import type { ExceptionKind, Shipment } from '../db/types';
import { formatRegiNo, kstDate, kstDateTime, oneLine } from '../labels/format';
import { STATE_NAME_KO } from './states';
import { shipmentsOfDays } from '../db/repo/archive';

const BOM = '\uFEFF';
const CRLF = '\r\n';

interface Column {
  header: string;
  value: (s: Shipment) => string;
}

const COLUMNS: Column[] = [
  // a 묶음배송 parcel: every order it carries
  { header: '주문번호', value: (s) => [s.orderNo, ...(s.packetOrders ?? [])].join(' ') },
  { header: '상품', value: (s) => goodsText(s) },
  { header: '수량', value: (s) => String(s.goods.reduce((n, g) => n + (g.quantity || 0), 0)) },
  { header: '수령자', value: (s) => s.receiver.name },
  { header: '우편번호', value: (s) => s.receiver.zip },
  { header: '등기번호', value: (s) => formatRegiNo(s.regiNo) },
  { header: '상태', value: (s) => stateText(s) },
  { header: '선불/착불', value: (s) => (s.payType === '2' ? '착불' : '선불') },
  { header: '요금', value: (s) => s.price },
  { header: '도서산간 추가요금', value: (s) => (s.islandAddFee && s.islandAddFee !== '0' ? s.islandAddFee : '') },
  { header: '박스', value: (s) => s.box?.name ?? '' },
  { header: '발급일시', value: (s) => issuedAt(s) },
  { header: '출력일시', value: (s) => (s.printedAt ? kstDateTime(s.printedAt) : '') },
  { header: '배송완료일시', value: (s) => (s.deliveredAt ? kstDateTime(s.deliveredAt) : '') },
  { header: '테스트', value: (s) => (s.test ? '테스트' : '') },
  { header: '비고', value: (s) => s.exception?.reason ?? s.message ?? '' },
  // last, so the columns operators' sheets already read stay where they were. A return pickup (반품 회수)
  // goes from the customer (the 수령자 column: the 반품인) to the 공급지
  {
    header: '구분',
    value: (s) => (s.pickup ? (s.pickup.claim === 'b' ? '반품 회수' : '교환 회수') : s.reship ? '교환 재배송' : '배송'),
  },
];

/** The CSV text (with BOM) for these shipments, one row each, in the order given. */
export function shipmentsToCsv(shipments: Shipment[]): string {
  const rows = [COLUMNS.map((c) => c.header), ...shipments.map((s) => COLUMNS.map((c) => c.value(s)))];
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join(CRLF) + CRLF;
}

/**
 * One cell. Order data is single-lined (a line break inside a cell confuses people more than it
 * helps). Text Excel would run as a formula (= + - @, and tab/CR which some versions strip first) gets a
 * leading apostrophe. Digit strings Excel would mangle — leading zeros (우편번호 06236) or more than 15
 * digits (long order numbers) — are written as `="…"`, which Excel shows as the exact text; these
 * contain digits only, so they can never carry a formula of their own.
 */
export function csvCell(raw: string): string {
  let v = oneLine(raw);
  if (/^\d+$/.test(v) && (v.length > 11 || (v.length > 1 && v.startsWith('0')))) return `"=""${v}"""`;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** `YYYYMMDD` from `YYYYMMDD` or `YYYY-MM-DD`; throws on anything else. */
function normalizeYmd(ymd: string): string {
  const d = ymd.replace(/-/g, '').trim();
  if (!/^\d{8}$/.test(d)) throw new Error(`날짜 형식이 올바르지 않습니다: ${ymd}`);
  return d;
}

/** The shop day of a shipment: the KST day it was issued (reqYmd), else the day the row was created. */
function shipmentYmd(s: Shipment): string {
  return /^\d{8}$/.test(s.reqYmd) ? s.reqYmd : kstDate(s.createdAt).replace(/-/g, '');
}

/** Shipments of the days fromYmd..toYmd (inclusive; the two may be swapped), oldest first. */
export function shipmentsInRange(all: Shipment[], fromYmd: string, toYmd: string): Shipment[] {
  let [from, to] = [normalizeYmd(fromYmd), normalizeYmd(toYmd)];
  if (from > to) [from, to] = [to, from];
  return all
    .filter((s) => s.state !== 'pending')
    .filter((s) => {
      const d = shipmentYmd(s);
      return d >= from && d <= to;
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
}

export function csvFilename(fromYmd: string, toYmd: string): string {
  const [from, to] = [normalizeYmd(fromYmd), normalizeYmd(toYmd)].sort() as [string, string];
  return from === to ? `우체국택배_${from}.csv` : `우체국택배_${from}-${to}.csv`;
}

/** The background's `exportCsv` handler body: the days' shipments, archived ones (delivered long ago) included. */
export async function exportShipmentsCsv(db: JournalDb, fromYmd: string, toYmd: string): Promise<{ filename: string; csv: string }> {
  const [from, to] = [normalizeYmd(fromYmd), normalizeYmd(toYmd)].sort() as [string, string];
  const rows = await shipmentsOfDays(db, from, to);
  return { filename: csvFilename(from, to), csv: shipmentsToCsv(shipmentsInRange(rows, from, to)) };
}

function goodsText(s: Shipment): string {
  return s.goods
    .map((g) => [g.name, g.option && `(${g.option})`, g.quantity > 1 ? `x${g.quantity}` : ''].filter(Boolean).join(' '))
    .join(' / ');
}

function stateText(s: Shipment): string {
  const base = STATE_NAME_KO[s.state];
  return s.exception ? `${base} (${EXCEPTION_NAME_KO[s.exception.kind]})` : base;
}

const EXCEPTION_NAME_KO: Record<ExceptionKind, string> = {
  undelivered: '미배달',
  returned: '반송',
  stuck: '배송 지연',
  cancelled: '예약 취소',
  twins: '이중 접수',
};

function issuedAt(s: Shipment): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(s.resDate);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}` : kstDateTime(s.createdAt);
}
