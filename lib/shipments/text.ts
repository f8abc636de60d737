// Field limits of InsertOrder. Whether Korea Post counts bytes or characters is undocumented, so we cut
// at the limit in UTF-8 bytes without splitting a character, and tell the operator.

export { truncateUtf8, utf8Length } from '../epost/regdata';

/** regData has no escaping: `&`, `=`, CR and LF become spaces; runs of spaces collapse. */
export function cleanField(s: string): string {
  return s.replace(/[&=\r\n\t]/g, ' ').replace(/ {2,}/g, ' ').trim();
}
