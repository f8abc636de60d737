import { describe, expect, it } from 'vitest';
import { backoffMs, withRetry } from '../../lib/retry';
import { EpostError, EpostTransportError } from '../../lib/epost/errors';

const noSleep = { retries: 3, baseMs: 10, maxMs: 100, sleep: async () => undefined };

function flaky<T>(failures: unknown[], value: T) {
  let calls = 0;
  const fn = async () => {
    const err = failures[calls++];
    if (err) throw err;
    return value;
  };
  return { fn, calls: () => calls };
}

describe('withRetry', () => {
  it('retries transport errors (5xx, timeouts) and ERR-131, then succeeds', async () => {
    const f = flaky(
      [new EpostTransportError('HTTP 503', 503), new EpostError('ERR-131', '과부하'), new EpostTransportError('timeout')],
      'ok',
    );
    await expect(withRetry(f.fn, noSleep)).resolves.toBe('ok');
    expect(f.calls()).toBe(4);
  });

  it('does not retry a definite refusal', async () => {
    const f = flaky([new EpostError('ERR-311', '필수항목누락')], 'ok');
    await expect(withRetry(f.fn, noSleep)).rejects.toThrow('ERR-311');
    expect(f.calls()).toBe(1);
  });

  it('gives up after the configured retries with the last error', async () => {
    const f = flaky(Array(10).fill(new EpostTransportError('HTTP 500', 500)), 'ok');
    await expect(withRetry(f.fn, noSleep)).rejects.toThrow('HTTP 500');
    expect(f.calls()).toBe(4);
  });

  it('backs off exponentially within [exp/2, exp] and caps at maxMs', () => {
    for (let a = 0; a < 8; a++) {
      const exp = Math.min(100, 10 * 2 ** a);
      const ms = backoffMs(a, { baseMs: 10, maxMs: 100 });
      expect(ms).toBeGreaterThanOrEqual(exp / 2);
      expect(ms).toBeLessThanOrEqual(exp);
    }
  });
});

describe('withRetry on Korea Post errors', () => {
  it('retries transport errors and ERR-131 only, up to the limit', async () => {
    let n = 0;
    const flaky = () => {
      n++;
      return n < 3 ? Promise.reject(n === 1 ? new EpostTransportError('x') : new EpostError('ERR-131', '부하')) : Promise.resolve('ok');
    };
    expect(await withRetry(flaky, { retries: 3, baseMs: 1, maxMs: 4 })).toBe('ok');
    expect(n).toBe(3);
    n = 0;
    const refused = () => {
      n++;
      return Promise.reject(new EpostError('ERR-311', '필수항목누락'));
    };
    await expect(withRetry(refused, { retries: 3, baseMs: 1, maxMs: 4 })).rejects.toMatchObject({ code: 'ERR-311' });
    expect(n).toBe(1);
    n = 0;
    const down = () => {
      n++;
      return Promise.reject(new EpostTransportError('down'));
    };
    await expect(withRetry(down, { retries: 2, baseMs: 1, maxMs: 4 })).rejects.toBeInstanceOf(EpostTransportError);
    expect(n).toBe(3);
  });
});
