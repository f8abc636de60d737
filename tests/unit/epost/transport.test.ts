import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../lib/epost/transport';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('decodeBody', () => {
  // '가' = B0 A1, '조회' = C1 B6 C8 B8 in EUC-KR
  const euckr = Uint8Array.from([
    ...ascii('<?xml version="1.0" encoding="EUC-KR"?><a>'),
    0xb0,
    0xa1,
    0xc1,
    0xb6,
    0xc8,
    0xb8,
    ...ascii('</a>'),
  ]);

  it('honours the XML declaration', () => {
    expect(decodeBody(euckr)).toBe('<?xml version="1.0" encoding="EUC-KR"?><a>가조회</a>');
  });

  it('prefers the Content-Type charset', () => {
    const bytes = Uint8Array.from([...ascii('<a>'), 0xb0, 0xa1, ...ascii('</a>')]);
    expect(decodeBody(bytes, 'text/xml; charset=euc-kr')).toBe('<a>가</a>');
  });

  it('defaults to UTF-8 and survives an unknown label', () => {
    const utf8 = new TextEncoder().encode(`<?xml version='1.0' encoding="utf-8"?><a>가</a>`);
    expect(decodeBody(utf8)).toContain('<a>가</a>');
    expect(decodeBody(new TextEncoder().encode('<a>가</a>'), 'text/xml; charset=x-nonsense')).toBe('<a>가</a>');
  });
});
