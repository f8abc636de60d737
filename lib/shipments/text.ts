// Field limits of InsertOrder. Whether Korea Post counts bytes or characters is undocumented, so we cut
// at the limit in UTF-8 bytes without splitting a character, and tell the operator.

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export function truncateUtf8(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/** regData has no escaping: `&`, `=`, CR and LF become spaces; runs of spaces collapse. */
export function cleanField(s: string): string {
  return s.replace(/[&=\r\n\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}
