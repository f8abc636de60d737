import { describe, expect, it } from 'vitest';
import { createLimiter, decodeBody } from '../../../lib/epost/transport';

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

describe('createLimiter', () => {
  it('never runs more than max tasks at once and runs them all', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual([...Array(10).keys()]);
  });

  it('frees the slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(async () => 'next')).toBe('next');
  });
});
