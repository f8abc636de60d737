// SEED-128 (KISA, RFC 4269) and Korea Post's regData framing.
//
// The S-boxes are generated from their algebraic definition (RFC 4269 appendix A) rather than
// pasted: a single mistyped constant passes the one-block vectors and corrupts long inputs, which
// Korea Post then reports as "random" field errors. Tables are built once at module load.

/** GF(2^8) with the RFC's primitive polynomial p(x) = x^8 + x^6 + x^5 + x + 1. */
const FIELD_POLY = 0x163;

function gfMul(a: number, b: number): number {
  let r = 0;
  while (b) {
    if (b & 1) r ^= a;
    a <<= 1;
    if (a & 0x100) a ^= FIELD_POLY;
    b >>= 1;
  }
  return r;
}

function gfPow(x: number, e: number): number {
  let r = 1;
  let base = x;
  while (e) {
    if (e & 1) r = gfMul(r, base);
    base = gfMul(base, base);
    e >>= 1;
  }
  return x === 0 ? 0 : r;
}

/** Affine matrices A(1), A(2): row i (top = output bit 7) written MSB-first over input bits 7..0. */
const A1_ROWS = [0b10001010, 0b11111110, 0b10000101, 0b01000010, 0b01000101, 0b00100001, 0b10001000, 0b00010100];
const A2_ROWS = [0b01000101, 0b10000101, 0b11111110, 0b00100001, 0b10001010, 0b10001000, 0b01000010, 0b00010100];

function parity8(v: number): number {
  v ^= v >> 4;
  v ^= v >> 2;
  v ^= v >> 1;
  return v & 1;
}

function affine(rows: readonly number[], y: number, c: number): number {
  let out = 0;
  for (let i = 0; i < 8; i++) out |= parity8(rows[i]! & y) << (7 - i);
  return out ^ c;
}

function buildSbox(rows: readonly number[], exponent: number, constant: number): Uint8Array {
  const box = new Uint8Array(256);
  for (let x = 0; x < 256; x++) box[x] = affine(rows, gfPow(x, exponent), constant);
  return box;
}

/** S1(x) = A(1)·x^247 ⊕ 169, S2(x) = A(2)·x^251 ⊕ 56 (exported for tests). */
export const S1 = buildSbox(A1_ROWS, 247, 169);
export const S2 = buildSbox(A2_ROWS, 251, 56);

// G function tables: byte j of G's output takes S-box output masked with m[(i + j) % 4] for input byte i.
const MASKS = [0xfc, 0xf3, 0xcf, 0x3f] as const;

function buildSS(box: Uint8Array, first: number): Uint32Array {
  const t = new Uint32Array(256);
  for (let x = 0; x < 256; x++) {
    const s = box[x]!;
    let w = 0;
    for (let j = 0; j < 4; j++) w |= (s & MASKS[(first + j) % 4]!) << (8 * j);
    t[x] = w >>> 0;
  }
  return t;
}

const SS0 = buildSS(S1, 0);
const SS1 = buildSS(S2, 1);
const SS2 = buildSS(S1, 2);
const SS3 = buildSS(S2, 3);

function g(x: number): number {
  return (SS0[x & 0xff]! ^ SS1[(x >>> 8) & 0xff]! ^ SS2[(x >>> 16) & 0xff]! ^ SS3[x >>> 24]!) >>> 0;
}

/** 32 round-key words: K[2i], K[2i+1] for rounds 1..16. */
export type SeedRoundKeys = Uint32Array;

function readU32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v >>> 24;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}

/** Key schedule (RFC 4269 §2.2). KC_i is the golden-ratio constant rotated left by i. */
export function seedKeySchedule(key: Uint8Array): SeedRoundKeys {
  if (key.length !== 16) throw new RangeError('SEED key must be 16 bytes');
  let a = readU32(key, 0);
  let b = readU32(key, 4);
  let c = readU32(key, 8);
  let d = readU32(key, 12);
  const rk = new Uint32Array(32);
  let kc = 0x9e3779b9;
  for (let i = 0; i < 16; i++) {
    rk[2 * i] = g((a + c - kc) >>> 0);
    rk[2 * i + 1] = g((b - d + kc) >>> 0);
    if (i % 2 === 0) {
      // A||B rotated right by 8 bits
      const t = a;
      a = ((a >>> 8) | (b << 24)) >>> 0;
      b = ((b >>> 8) | (t << 24)) >>> 0;
    } else {
      // C||D rotated left by 8 bits
      const t = c;
      c = ((c << 8) | (d >>> 24)) >>> 0;
      d = ((d << 8) | (t >>> 24)) >>> 0;
    }
    kc = ((kc << 1) | (kc >>> 31)) >>> 0;
  }
  return rk;
}

/** Runs the 16 Feistel rounds; `reverse` walks the round keys backwards (decryption). */
function crypt(rk: SeedRoundKeys, src: Uint8Array, so: number, dst: Uint8Array, dO: number, reverse: boolean): void {
  let l0 = readU32(src, so);
  let l1 = readU32(src, so + 4);
  let r0 = readU32(src, so + 8);
  let r1 = readU32(src, so + 12);
  for (let round = 0; round < 16; round++) {
    const k = reverse ? 15 - round : round;
    // F(R, K)
    let t0 = r0 ^ rk[2 * k]!;
    let t1 = r1 ^ rk[2 * k + 1]!;
    t1 = g((t1 ^ t0) >>> 0);
    t0 = g((t0 + t1) >>> 0);
    t1 = g((t1 + t0) >>> 0);
    t0 = (t0 + t1) >>> 0;
    const n0 = (l0 ^ t0) >>> 0;
    const n1 = (l1 ^ t1) >>> 0;
    l0 = r0;
    l1 = r1;
    r0 = n0;
    r1 = n1;
  }
  // the last round does not swap
  writeU32(dst, dO, r0);
  writeU32(dst, dO + 4, r1);
  writeU32(dst, dO + 8, l0);
  writeU32(dst, dO + 12, l1);
}

export function seedEncryptBlock(rk: SeedRoundKeys, block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  crypt(rk, block, 0, out, 0, false);
  return out;
}

export function seedDecryptBlock(rk: SeedRoundKeys, block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  crypt(rk, block, 0, out, 0, true);
  return out;
}

/** ECB over whole blocks (length must be a multiple of 16). */
function seedEcb(rk: SeedRoundKeys, data: Uint8Array, decrypt = false): Uint8Array {
  if (data.length % 16 !== 0) throw new RangeError('SEED-ECB input must be block aligned');
  const out = new Uint8Array(data.length);
  for (let o = 0; o < data.length; o += 16) crypt(rk, data, o, out, o, decrypt);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The SEED key from a 보안키: its first 16 UTF-8 bytes, zero-filled when shorter. */
export function regDataKey(securityKey: string): Uint8Array {
  const key = new Uint8Array(16);
  key.set(encoder.encode(securityKey).subarray(0, 16));
  return key;
}

// Round keys are cached per 보안키: a batch encrypts hundreds of orders with the same key.
let cachedKey: string | undefined;
let cachedRoundKeys: SeedRoundKeys | undefined;
function roundKeysFor(securityKey: string): SeedRoundKeys {
  if (cachedKey !== securityKey || !cachedRoundKeys) {
    cachedRoundKeys = seedKeySchedule(regDataKey(securityKey));
    cachedKey = securityKey;
  }
  return cachedRoundKeys;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

function fromHex(hex: string): Uint8Array {
  const clean = hex.trim();
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error('regData is not hex');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.substr(i * 2, 2), 16);
  return out;
}

/** UTF-8 → zero padding to 16 (none when aligned) → SEED-ECB → lower-case hex. */
export function encryptRegData(plaintext: string, securityKey: string): string {
  const raw = encoder.encode(plaintext);
  const padded = new Uint8Array(Math.ceil(raw.length / 16) * 16);
  padded.set(raw);
  return toHex(seedEcb(roundKeysFor(securityKey), padded));
}

/** Inverse of encryptRegData; trailing NUL bytes (the zero padding) are stripped. */
export function decryptRegData(hex: string, securityKey: string): string {
  const data = fromHex(hex);
  if (data.length % 16 !== 0) throw new Error('regData is not block aligned');
  const plain = seedEcb(roundKeysFor(securityKey), data, true);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end--;
  return decoder.decode(plain.subarray(0, end));
}
