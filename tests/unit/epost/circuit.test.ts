// The circuit breaker over a real loopback server: an unanswering Korea Post is not asked again and
// again, and an answering one closes the circuit.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../../../lib/epost/transport';
import { EpostTransportError, isRetryable } from '../../../lib/epost/errors';

let server: Server;
let url = '';
let hits = 0;
let status = 500;

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' }).end('<xsync><ok>Y</ok></xsync>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api.GetCustNo.jparcel`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('circuit breaker', () => {
  it('opens after the threshold, refuses unsent and unretryable, probes after the cooldown, closes on an answer', async () => {
    let clock = 1_000;
    const t = createTransport({ circuit: { threshold: 3, cooldownMs: 10_000, now: () => clock } });
    const get = () => t.requestText({ url, method: 'GET' });
    hits = 0;
    status = 500;
    for (let i = 0; i < 3; i++) await expect(get()).rejects.toMatchObject({ status: 500 });
    expect(hits).toBe(3);

    const refused = await get().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EpostTransportError);
    expect((refused as EpostTransportError).circuitOpen).toBe(true);
    expect((refused as EpostTransportError).maybeCommitted).toBe(false);
    expect((refused as Error).message).toContain('잠시 멈췄습니다');
    expect(isRetryable(refused)).toBe(false);
    expect(hits).toBe(3); // nothing was sent

    clock += 10_001; // cooldown over: one probe goes out, fails, and the circuit opens again
    await expect(get()).rejects.toMatchObject({ status: 500 });
    expect(hits).toBe(4);
    await expect(get()).rejects.toMatchObject({ circuitOpen: true });
    expect(hits).toBe(4);

    clock += 10_001;
    status = 200; // Korea Post is back: the probe's answer closes the circuit
    await expect(get()).resolves.toContain('<ok>Y</ok>');
    await expect(get()).resolves.toContain('<ok>Y</ok>');
    expect(hits).toBe(6);
  });

  it('a 4xx answer and intermittent 5xx never open it', async () => {
    const t = createTransport({ circuit: { threshold: 3, cooldownMs: 10_000 } });
    const get = () => t.requestText({ url, method: 'GET' });
    hits = 0;
    for (const s of [500, 500, 404, 500, 500, 200, 500, 500]) {
      status = s;
      await get().catch(() => undefined);
    }
    expect(hits).toBe(8);
  });
});
