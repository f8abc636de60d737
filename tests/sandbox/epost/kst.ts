// KST (UTC+9, no daylight saving) formatting for the simulator's numbers and dates.
// Korea Post stamps everything in KST; a reqYmd in UTC is off by one day for nine hours a day.

const KST_OFFSET_MS = 9 * 3600_000;

export interface KstParts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}

export function kstParts(ms: number): KstParts {
  const t = new Date(ms + KST_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    y: String(t.getUTCFullYear()),
    mo: two(t.getUTCMonth() + 1),
    d: two(t.getUTCDate()),
    h: two(t.getUTCHours()),
    mi: two(t.getUTCMinutes()),
    s: two(t.getUTCSeconds()),
  };
}

/** YYYYMMDD */
export function kstYmd(ms: number): string {
  const p = kstParts(ms);
  return p.y + p.mo + p.d;
}

/** YYYYMMDDhhmmss */
export function kstStamp(ms: number): string {
  const p = kstParts(ms);
  return p.y + p.mo + p.d + p.h + p.mi + p.s;
}
