import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptRegData,
  encryptRegData,
  regDataKey,
  S1,
  S2,
  seedDecryptBlock,
  seedEncryptBlock,
  seedKeySchedule,
} from '../../../lib/epost/seed128';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// RFC 4269 appendix B (key, plaintext, ciphertext)
const RFC_VECTORS: [string, string, string][] = [
  ['00000000000000000000000000000000', '000102030405060708090A0B0C0D0E0F', '5EBAC6E0054E166819AFF1CC6D346CDB'],
  ['000102030405060708090A0B0C0D0E0F', '00000000000000000000000000000000', 'C11F22F20140505084483597E4370F43'],
  ['4706480851E61BE85D74BFB3FD956185', '83A2F8A288641FB9A4E9A5CC2F131C7D', 'EE54D13EBCAE706D226BC3142CD40D4A'],
  ['28DBC3BC49FFD87DCFA509B11D422BE7', 'B41E6BE2EBA84A148E2EED84593C5EC7', '9B9B7BFCD1813CB95D0B3618F40F5122'],
];

// epost-openapi.md framing vectors (plaintext, 보안키, regData)
const FRAMING_VECTORS: [string, string, string][] = [
  ['123abc가나다', '1234567890abcdefghijkl', '8522ad534acc61cb88090b7e62c5183b'],
  [
    'custNo=0005085217&apprNo=7002080922&recNm=테스트',
    'testkey123456789',
    'bc9b2a92bbaf266cda7e0a6c7e0f357d1635e1d35b725cc903f814452592c5ac6a8f447d5bec0fc22db4e2f221cd50111291f1c2ec9260b3418eec181d0cf3cb',
  ],
  ['custNo=0011223344', '1234567890abcdefghijkl', '54ca42c2fe28cf0c955e5ad8ebe9109d726262095ea87d2f656e3ec31d2a3b48'],
  ['0123456789abcdef', '1234567890abcdef', '3931cffd055ad77f0d7e17956762bec7'],
  [
    'custNo=0001234567&reqType=1&officeSer=01&weight=5&volume=60&ordCompNm=고객주문처&ordNm=김주문',
    '1234567890abcdefghijkl',
    '14912c6b40f460ee590eb615d05eca778eea3e034529f0ab8a17fd7df4b3690fba8f8cb1d54c668848526ec41a269e71ba04a47524d74ef6bc6ef18307d2ae09bd994d1fa1366b1d74384e1e938cfb4e4253c203307490d5fdd59ef291f409721a6daed1e2a8dc3172ab80c04d9dd157',
  ],
];

const HANGUL = '가나다라마바사아자차카타파하우체국택배고도몰서울특별시강남구테헤란로';
function randomText(maxLen: number): string {
  const len = randomInt(0, maxLen);
  let s = '';
  for (let i = 0; i < len; i++) {
    const r = randomInt(0, 4);
    s +=
      r === 0
        ? String.fromCharCode(0xac00 + randomInt(0, 11172))
        : r === 1
          ? HANGUL[randomInt(0, HANGUL.length)]
          : 'a1=& -'[randomInt(0, 6)];
  }
  return s;
}

describe('SEED S-boxes', () => {
  it('are permutations of 0..255', () => {
    expect(new Set(S1).size).toBe(256);
    expect(new Set(S2).size).toBe(256);
  });
  it('map 0 to the affine constants (0^e = 0, so only the constant remains)', () => {
    expect(S1[0]).toBe(169);
    expect(S2[0]).toBe(56);
  });
});

describe('SEED block cipher (RFC 4269 appendix B)', () => {
  it.each(RFC_VECTORS)('key %s encrypts %s', (key, pt, ct) => {
    const rk = seedKeySchedule(hex(key));
    expect(toHex(seedEncryptBlock(rk, hex(pt))).toUpperCase()).toBe(ct);
    expect(toHex(seedDecryptBlock(rk, hex(ct))).toUpperCase()).toBe(pt);
  });

  it('rejects keys that are not 16 bytes', () => {
    expect(() => seedKeySchedule(new Uint8Array(15))).toThrow(RangeError);
  });
});

describe('regData framing', () => {
  it.each(FRAMING_VECTORS)('encrypts %s with %s', (plain, key, expected) => {
    expect(encryptRegData(plain, key)).toBe(expected);
    expect(decryptRegData(expected, key)).toBe(plain);
  });

  it('uses the first 16 bytes of the 보안키, zero-filled when shorter', () => {
    expect(toHex(regDataKey('1234567890abcdefghijkl'))).toBe(Buffer.from('1234567890abcdef').toString('hex'));
    expect(toHex(regDataKey('abc'))).toBe('616263' + '00'.repeat(13));
    expect(encryptRegData('x', '1234567890abcdefZZZZZZ')).toBe(encryptRegData('x', '1234567890abcdef'));
  });

  it('adds no padding block when the input is already aligned', () => {
    expect(encryptRegData('0123456789abcdef', 'k')).toHaveLength(32);
    expect(encryptRegData('0123456789abcdef0', 'k')).toHaveLength(64);
    expect(encryptRegData('', 'k')).toBe('');
  });

  it('accepts upper-case hex when decrypting and rejects garbage', () => {
    const enc = encryptRegData('custNo=1', 'key');
    expect(decryptRegData(enc.toUpperCase(), 'key')).toBe('custNo=1');
    expect(() => decryptRegData('zz', 'key')).toThrow();
    expect(() => decryptRegData('abcd', 'key')).toThrow();
  });

  it('round-trips random multi-block Hangul text with random keys', () => {
    for (let i = 0; i < 300; i++) {
      const text = randomText(200);
      const key = randomBytes(11).toString('hex');
      const enc = encryptRegData(text, key);
      expect(enc).toMatch(/^[0-9a-f]*$/);
      expect(enc.length % 32).toBe(0);
      expect(decryptRegData(enc, key)).toBe(text);
    }
  });

  it('decrypts with a wrong key to something else', () => {
    const enc = encryptRegData('memberID=shopadmin', '1234567890abcdefghijkl');
    expect(decryptRegData(enc, '1234567890abcdeXghijkl')).not.toBe('memberID=shopadmin');
  });
});

// Independent oracle: OpenSSL's SEED (legacy provider), in a child process so the product never uses it.
function openssl(cases: { key: string; data: string }[]): string[] | null {
  const script = `
    const c = require('crypto');
    const cases = JSON.parse(process.argv[1]);
    const out = cases.map(({ key, data }) => {
      const ci = c.createCipheriv('seed-ecb', Buffer.from(key, 'hex'), null);
      ci.setAutoPadding(false);
      return Buffer.concat([ci.update(Buffer.from(data, 'hex')), ci.final()]).toString('hex');
    });
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--openssl-legacy-provider', '-e', script, JSON.stringify(cases)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  return JSON.parse(r.stdout) as string[];
}

const opensslHasSeed = openssl([{ key: '00'.repeat(16), data: '00'.repeat(16) }]) !== null;

describe('cross-check against OpenSSL seed-ecb', () => {
  it.skipIf(!opensslHasSeed)('agrees on zero-padded random multi-block Hangul inputs', () => {
    const cases: { key: string; data: string; text: string; securityKey: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const text = randomText(300) + '수취인주소' + i;
      const securityKey = randomBytes(11).toString('hex');
      const raw = Buffer.from(text, 'utf8');
      const padded = Buffer.alloc(Math.ceil(raw.length / 16) * 16);
      raw.copy(padded);
      cases.push({ key: Buffer.from(regDataKey(securityKey)).toString('hex'), data: padded.toString('hex'), text, securityKey });
    }
    const expected = openssl(cases.map(({ key, data }) => ({ key, data })));
    expect(expected).not.toBeNull();
    cases.forEach((c, i) => expect(encryptRegData(c.text, c.securityKey)).toBe(expected![i]));
  });
});
