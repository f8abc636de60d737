// The client against an unreliable Korea Post: what is retried, what never is, and how a lost
// InsertOrder answer is reconciled.
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEpostClient } from '../../../lib/epost/client';
import { EpostError, EpostTransportError } from '../../../lib/epost/errors';
import { kstYmd } from '../../../lib/epost/kst';
import type { InsertOrderInput } from '../../../lib/epost/types';
import type { EpostSandbox } from '../../sandbox/epost/server';
import { anOrder, clientFor, startSandbox } from './sandboxClient';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const calls = (message: string) => sb.control.state().calls[message] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

function lookup(client: ReturnType<typeof clientFor>, order: InsertOrderInput) {
  return client.getResInfo({
    custNo: order.custNo,
    reqType: order.reqType,
    orderNo: order.orderNo,
    reqYmd: kstYmd(new Date(sb.control.now())),
  });
}

describe('read-only messages are retried', () => {
  it('5xx twice, then an answer', async () => {
    sb.control.setFaults({ http5xx: { next: 2 } }, 'GetCustNo');
    expect(await clientFor(sb).getCustNo('testshop')).toBe('0005085217');
    expect(calls('GetCustNo')).toBe(3);
  });

  it('ERR-131 load block backs off and retries', async () => {
    sb.control.setFaults({ loadBlock: { next: 2 } }, 'GetApprNo');
    const started = Date.now();
    const contracts = await clientFor(sb, { retryDelayMs: 40 }).getApprNo('0005085217');
    expect(contracts.length).toBeGreaterThan(0);
    expect(calls('GetApprNo')).toBe(3);
    // 40 ms then 80 ms, each at least half: the client really waited
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('malformed XML is retried', async () => {
    sb.control.setFaults({ malformedXml: { next: 1 } }, 'GetOfficeInfo');
    expect((await clientFor(sb).getOfficeInfo('0005085217')).length).toBe(1);
    expect(calls('GetOfficeInfo')).toBe(2);
  });

  it('GetStoppedZipCd and GetResInfo retry too', async () => {
    sb.control.setFaults({ http5xx: { next: 1 } }, 'GetStoppedZipCd');
    sb.control.setFaults({ loadBlock: { next: 1 } }, 'GetResInfo');
    const client = clientFor(sb);
    expect((await client.getStoppedZipCd('40210')).length).toBe(1);
    expect(await client.getResInfo({ custNo: '0005085217', reqType: '1', orderNo: 'x', reqYmd: kstYmd() })).toEqual([]);
    expect(calls('GetStoppedZipCd')).toBe(2);
    expect(calls('GetResInfo')).toBe(2);
  });

  it('gives up after the configured retries with a transport error', async () => {
    sb.control.setFaults({ http5xx: 1 }, 'GetCustNo');
    const err = await rejection(clientFor(sb, { retries: 2 }).getCustNo('testshop'));
    expect(err).toBeInstanceOf(EpostTransportError);
    expect((err as EpostTransportError).status).toBe(503);
    expect(calls('GetCustNo')).toBe(3);
  });

  it('times out a slow answer, retries, and reports the timeout in Korean', async () => {
    sb.control.setFaults({ latencyMs: 400 }, 'GetCustNo');
    const err = await rejection(clientFor(sb, { timeoutMs: 100, retries: 1 }).getCustNo('testshop'));
    expect(err).toBeInstanceOf(EpostTransportError);
    expect((err as Error).message).toContain('시간 초과');
    expect(calls('GetCustNo')).toBe(2);
  });

  it('a closed port is "not sent" and never leaks the key in the message', async () => {
    const port = await freePort();
    const client = createEpostClient({
      getEndpoints: () => ({ shipBaseUrl: `http://127.0.0.1:${port}`, traceBaseUrl: '', openApiBaseUrl: '' }),
      getCredentials: () => ({ apiKey: 'secretApiKey', securityKey: 'secretSecurity' }),
      retries: 1,
      retryDelayMs: 1,
    });
    const err = (await rejection(client.getCustNo('testshop'))) as EpostTransportError;
    expect(err).toBeInstanceOf(EpostTransportError);
    expect(err.maybeCommitted).toBe(false);
    expect(err.message).not.toContain('secretApiKey');
    const out = await client.insertOrder(anOrder());
    expect(out.kind).toBe('unknown');
    if (out.kind === 'unknown') expect(out.cause).not.toContain('secretApiKey');
  });
});

describe('state-changing messages are never retried', () => {
  it('InsertOrder on 5xx: unknown, one call, and reconciliation finds nothing', async () => {
    sb.control.setFaults({ http5xx: { next: 1 } }, 'InsertOrder');
    const client = clientFor(sb);
    const order = anOrder();
    const out = await client.insertOrder(order);
    expect(out.kind).toBe('unknown');
    expect(calls('InsertOrder')).toBe(1);
    expect(await lookup(client, order)).toEqual([]);
  });

  it('InsertOrder dropped after commit: unknown, then GetResInfo finds the registered parcel', async () => {
    sb.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    const client = clientFor(sb);
    const order = anOrder();
    const out = await client.insertOrder(order);
    expect(out.kind).toBe('unknown');
    expect(calls('InsertOrder')).toBe(1);
    expect(sb.control.registrationCount()).toBe(1);
    const found = await lookup(client, order);
    expect(found).toHaveLength(1);
    expect(found[0]!.regiNo).toMatch(/^\d{13}$/);
    expect(found[0]!.regiNo).toBe(sb.control.registrations(order.orderNo)[0]!.regiNo);
  });

  it('InsertOrder with a malformed answer: unknown, and the parcel exists', async () => {
    sb.control.setFaults({ malformedXml: { next: 1 } }, 'InsertOrder');
    const client = clientFor(sb);
    const order = anOrder();
    expect((await client.insertOrder(order)).kind).toBe('unknown');
    expect(await lookup(client, order)).toHaveLength(1);
    expect(calls('InsertOrder')).toBe(1);
  });

  it('InsertOrder timing out: unknown, one call; the late registration is found afterwards', async () => {
    sb.control.setFaults({ latencyMs: 300 }, 'InsertOrder');
    const client = clientFor(sb, { timeoutMs: 80 });
    const order = anOrder();
    const out = await client.insertOrder(order);
    expect(out.kind).toBe('unknown');
    if (out.kind === 'unknown') expect(out.cause).toContain('시간 초과');
    expect(calls('InsertOrder')).toBe(1);
    await sleep(400);
    expect(await lookup(client, order)).toHaveLength(1);
  });

  it('InsertOrder under a load block is a definite error, not retried', async () => {
    sb.control.setFaults({ loadBlock: { next: 1 } }, 'InsertOrder');
    const out = await clientFor(sb).insertOrder(anOrder());
    if (out.kind !== 'error') throw new Error(JSON.stringify(out));
    expect(out.error).toBeInstanceOf(EpostError);
    expect(out.error.isLoadBlock).toBe(true);
    expect(calls('InsertOrder')).toBe(1);
    expect(sb.control.registrationCount()).toBe(0);
  });

  it('InsertOffice and GetResCancelCmd fail once and stay failed', async () => {
    sb.control.setFaults({ http5xx: { next: 1 } }, 'InsertOffice');
    sb.control.setFaults({ http5xx: { next: 1 } }, 'GetResCancelCmd');
    const client = clientFor(sb);
    const office = await rejection(
      client.insertOffice({
        custNo: '0005085217',
        officeSer: 'X1',
        officeNm: '센터',
        officeZip: '06236',
        officeAddr1: '서울 강남구',
        officeAddr2: '1층',
        officeTelno: '02-123-4567',
        contactNm: '담당',
      }),
    );
    expect(office).toBeInstanceOf(EpostTransportError);
    expect(calls('InsertOffice')).toBe(1);
    const cancel = await rejection(
      client.cancel({ custNo: '0005085217', apprNo: '7002080922', reqType: '1', reqNo: '1', resNo: '1', regiNo: '1', delYn: 'Y' }),
    );
    expect(cancel).toBeInstanceOf(EpostTransportError);
    expect(calls('GetResCancelCmd')).toBe(1);
  });
});

describe('only a well-formed ERR-225 means "nothing registered"', () => {
  it('ERR-225 is an empty list', async () => {
    expect(await lookup(clientFor(sb), anOrder())).toEqual([]);
  });

  it.each(['htmlPage', 'errorWithoutCode'] as const)(
    'a 200 %s answer to GetResInfo is unknown (retried, then thrown), never "absent"',
    async (kind) => {
      const client = clientFor(sb, { retries: 1, retryDelayMs: 1 });
      const order = anOrder();
      sb.control.setFaults({ [kind]: 1 }, 'GetResInfo');
      expect(await rejection(lookup(client, order))).toBeInstanceOf(EpostTransportError);
      expect(calls('GetResInfo')).toBe(2);
      // once Korea Post answers properly again the same question gives the real (empty) answer
      sb.control.setFaults({ [kind]: 0 }, 'GetResInfo');
      expect(await lookup(client, order)).toEqual([]);
    },
  );

  it('an InsertOrder answer with a malformed number is unknown, and the real number is found afterwards', async () => {
    sb.control.setFaults({ badRegiNo: { next: 1 } }, 'InsertOrder');
    const client = clientFor(sb);
    const order = anOrder();
    const out = await client.insertOrder(order);
    expect(out.kind).toBe('unknown');
    const found = await lookup(client, order);
    expect(found).toHaveLength(1);
    expect(found[0]!.regiNo).toMatch(/^\d{13}$/);
  });

  it('an InsertOrder answer that is an HTML page is unknown', async () => {
    sb.control.setFaults({ htmlPage: { next: 1 } }, 'InsertOrder');
    expect((await clientFor(sb).insertOrder(anOrder())).kind).toBe('unknown');
  });

  it('a late commit: no answer now, the registration appears later under the key', async () => {
    sb.control.setFaults({ lateCommit: { next: 1 }, lateCommitMs: 150 }, 'InsertOrder');
    const client = clientFor(sb, { timeoutMs: 2000 });
    const order = anOrder();
    expect((await client.insertOrder(order)).kind).toBe('unknown');
    expect(await lookup(client, order)).toEqual([]);
    await sleep(300);
    expect(await lookup(client, order)).toHaveLength(1);
  });
});

describe('requests', () => {
  it('keeps at most maxConcurrent requests in flight', async () => {
    sb.control.setFaults({ latencyMs: 60 }, 'GetCustNo');
    const client = clientFor(sb, { maxConcurrent: 2 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => client.getCustNo('testshop')));
    // 6 calls, 2 at a time, 60 ms each → at least 3 waves
    expect(Date.now() - started).toBeGreaterThanOrEqual(170);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
