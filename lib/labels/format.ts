// Text rules for the waybill label. Pure: the label model and the CSV export share them.
import { kstDisplay } from '../epost/kst';

/** 등기번호 as Korea Post prints it: 13 digits in 5-4-4 groups (68921-2231-6034). Anything else as-is. */
export function formatRegiNo(regiNo: string): string {
  const digits = regiNo.trim();
  if (!/^\d{13}$/.test(digits)) return digits;
  return `${digits.slice(0, 5)}-${digits.slice(5, 9)}-${digits.slice(9)}`;
}

/**
 * 집배코드 (delivAreaCd) as the sorting staff read it. Korea Post returns it packed, e.g. `광15290506`:
 * 집중국 letter + its sub-centre digit (광1), 배달국 (529), 집배팀 (05), 구 (06). We print those four
 * groups separated by spaces — `광1 529 05 06` — so the large 집배코드 can be read at arm's length.
 * A code of any other shape is printed unchanged rather than split wrongly.
 */
export function formatDelivAreaCd(code: string): string {
  const c = code.replace(/\s+/g, '');
  const m = /^(\D+\d)(\d{3})(\d{2})(\d{2})$/.exec(c);
  if (!m) return c;
  return `${m[1]} ${m[2]} ${m[3]} ${m[4]}`;
}

/** The 집배코드 to print: Korea Post's own print form (printAreaCd) when given, else delivAreaCd split. */
export function sortCodeOf(printAreaCd: string, delivAreaCd: string): string {
  const printed = oneLine(printAreaCd);
  if (printed) return printed;
  return formatDelivAreaCd(delivAreaCd);
}

/**
 * Order data is shown as text on one line: control characters, CR/LF and tabs become one space so
 * a hostile value cannot break the label's layout (markup stays literal text — it is never HTML).
 */
export function oneLine(value: string | undefined | null): string {
  return (
    String(value ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Cut to at most `max` characters (code points, so no half Hangul or emoji), ending with '…' when cut. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** One-line, then truncated: the rule for every order-data field on the label. */
export function fieldText(value: string | undefined | null, max: number): string {
  return truncate(oneLine(value), max);
}

export { formatPhone } from '../phone';

/** `YYYYMMDD…` → `YYYY-MM-DD`; empty when it is not a date. */
export function formatYmd(ymd: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(ymd.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

/** Epoch ms → `YYYY-MM-DD` in KST (the shop's day, whatever the PC's time zone). */
export function kstDate(ms: number): string {
  return kstDisplay(ms).slice(0, 10);
}

/** Epoch ms → `YYYY-MM-DD HH:mm` in KST. */
export const kstDateTime = (ms: number): string => kstDisplay(ms);
