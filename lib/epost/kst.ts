// Korea Standard Time helpers. Korea Post keys requests by the KST calendar day (reqYmd), so a
// parcel issued at 08:30 KST is "today" in Seoul while UTC still says yesterday. KST has no DST.

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function kstParts(date: Date) {
  const d = new Date(date.getTime() + KST_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYYMMDD' of the given instant in KST. */
export function kstYmd(date: Date = new Date()): string {
  const t = kstParts(date);
  return `${t.y}${p2(t.mo)}${p2(t.d)}`;
}

/** Every KST calendar day ('YYYYMMDD') from the instant `from` to the instant `to`, both included. */
export function kstDaysBetween(from: number, to: number): string[] {
  const days: string[] = [];
  const last = kstYmd(new Date(to));
  for (let at = from; kstYmd(new Date(at)) <= last; at += DAY_MS) days.push(kstYmd(new Date(at)));
  return days;
}

/** 'YYYYMMDDhhmmss' of the given instant in KST (the shape of resDate / cancelDate). */
export function kstYmdHms(date: Date = new Date()): string {
  const t = kstParts(date);
  return `${t.y}${p2(t.mo)}${p2(t.d)}${p2(t.h)}${p2(t.mi)}${p2(t.s)}`;
}

/** 'YYYY-MM-DD HH:mm' of the given instant in KST, for display. */
export function kstDisplay(date: Date | number): string {
  const t = kstParts(typeof date === 'number' ? new Date(date) : date);
  return `${t.y}-${p2(t.mo)}-${p2(t.d)} ${p2(t.h)}:${p2(t.mi)}`;
}

/** The KST wall-clock hour of an instant, with its fraction (13.5 = 13:30 KST). */
export function kstHourOf(at: number): number {
  return ((at + KST_OFFSET_MS) % DAY_MS) / (60 * 60 * 1000);
}

/** The instant of `hour`:00 KST on the KST day the instant `at` falls on. */
export function kstAtHour(at: number, hour: number): number {
  const kst = at + KST_OFFSET_MS;
  return kst - (kst % DAY_MS) + hour * 60 * 60 * 1000 - KST_OFFSET_MS;
}

/** Epoch ms of a KST wall-clock time; undefined when the fields do not form a real date/time. */
export function kstToEpoch(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (![y, mo, d, h, mi, s].every(Number.isInteger)) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) return undefined;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return undefined; // e.g. 02-30
  return utc - KST_OFFSET_MS;
}

/**
 * Epoch ms of a Korea Post date (+ optional time) in KST. Accepts 'YYYYMMDD', 'YYYY.MM.DD',
 * 'YYYY-MM-DD' (optionally followed by a time) and a time as 'hhmmss', 'hhmm', 'hh:mm[:ss]'.
 */
export function parseKstDateTime(dateText: string, timeText = ''): number | undefined {
  const date = dateText.trim();
  const m =
    /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/.exec(date) ??
    /^(\d{4})[.\-/]\s*(\d{1,2})[.\-/]\s*(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(date);
  if (!m) return undefined;
  let [h, mi, s] = [m[4], m[5], m[6]].map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number];
  const time = timeText.trim();
  if (time) {
    const t = /^(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(time);
    if (!t) return undefined;
    h = Number(t[1]);
    mi = Number(t[2]);
    s = t[3] === undefined ? 0 : Number(t[3]);
  }
  return kstToEpoch(Number(m[1]), Number(m[2]), Number(m[3]), h, mi, s);
}
