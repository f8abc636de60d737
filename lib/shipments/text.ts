// Field limits of InsertOrder. Whether Korea Post counts bytes or characters is undocumented, so we cut
// at the limit in UTF-8 bytes without splitting a character, and tell the operator.

export { truncateUtf8, utf8Length } from '../epost/regdata';

/**
 * regData has no escaping: `&` and `=` become spaces, and so does every control character (NUL, CR,
 * LF, tab, the C1 range, line/paragraph separators) a page or a paste can carry; runs of spaces collapse.
 */
export function cleanField(s: string): string {
  return s.replace(CONTROL_OR_FRAMING, ' ').replace(/ {2,}/g, ' ').trim();
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_FRAMING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029&=]/g;
