import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../lib/jobs/limiter';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('concurrency limiter', () => {
  it('never runs more than the limit at once and keeps result order', async () => {
    let active = 0;
    let peak = 0;
    const run = createLimiter(4);
    const out = await Promise.all(
      [...Array(20).keys()].map((i) =>
        run(async () => {
          active++;
          peak = Math.max(peak, active);
          await tick(2 + (i % 3));
          active--;
          return i * 2;
        }),
      ),
    );
    expect(peak).toBe(4);
    expect(out).toEqual([...Array(20).keys()].map((i) => i * 2));
  });

  it('releases its slot when a task throws', async () => {
    const run = createLimiter(1);
    await expect(run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });

  it('takes the limit from a function (settings may change it between runs)', async () => {
    let limit = 1;
    const run = createLimiter(() => limit);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await tick(3);
      active--;
    };
    limit = 3;
    await Promise.all(Array.from({ length: 9 }, () => run(task)));
    expect(peak).toBe(3);
  });
});
