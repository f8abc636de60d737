import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EpostError } from '../../../lib/epost/errors';
import { createTrackingClient, encodeServiceKey, type TrackingSource } from '../../../lib/epost/tracking';
import { DEFAULT_DATA_GO_KR_KEY, DEFAULT_TRACE_KEY, type EpostSandbox } from '../../sandbox/epost/server';
import { anOrder, clientFor, endpointsOf, startSandbox } from './sandboxClient';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const SOURCES: TrackingSource[] = ['trace', 'datagokr'];

function tracker(source: TrackingSource, keys: Partial<{ traceKey: string; dataGoKrKey: string }> = {}) {
  return createTrackingClient({
    getEndpoints: () => endpointsOf(sb),
    getKeys: () => ({ traceKey: DEFAULT_TRACE_KEY, dataGoKrKey: DEFAULT_DATA_GO_KR_KEY, ...keys }),
    source,
    timeoutMs: 2000,
    retries: 3,
    retryDelayMs: 5,
  });
}

async function issue(over = {}) {
  const out = await clientFor(sb).insertOrder(anOrder(over));
  if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
  return out.result.regiNo;
}

const calls = (scope: string) => sb.control.state().calls[scope] ?? 0;

describe.each(SOURCES)('tracking via %s', (source) => {
  it('a number with no scan yet is pending (found: false), not an error', async () => {
    const regiNo = await issue();
    const r = await tracker(source).track(regiNo);
    expect(r).toEqual({ regiNo, found: false, senderName: '', receiverName: '', events: [] });
  });

  it('follows the parcel as the simulator clock advances', async () => {
    const regiNo = await issue();
    sb.control.advanceHours(4.5);
    let r = await tracker(source).track(regiNo);
    expect(r.found).toBe(true);
    expect(r.events.map((e) => e.status)).toEqual(['accepted']);
    expect(r.events[0]!.statusText.trim()).toBe('접수');
    expect(r.events[0]!.location).toBe('서울중앙우체국');
    expect(r.senderName).toContain('*');

    sb.control.advanceHours(200);
    r = await tracker(source).track(regiNo);
    const statuses = r.events.map((e) => e.status);
    expect(statuses[0]).toBe('accepted');
    expect(statuses).toContain('dispatched');
    expect(statuses).toContain('arrived');
    expect(statuses.at(-2)).toBe('outForDelivery');
    expect(statuses.at(-1)).toBe('delivered');
    // oldest first, with KST display times matching the simulator's own record
    const at = r.events.map((e) => e.at);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const sim = sb.control.parcel(regiNo)!.events;
    expect(r.events.length).toBe(sim.length);
    // Korea Post gives minutes only
    expect(r.events.map((e) => e.at)).toEqual(sim.map((e) => Math.floor(e.at / 60_000) * 60_000));
    expect(r.events[0]!.when).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('reports 미배달 with its reason', async () => {
    const regiNo = await issue();
    sb.control.parcelAction(regiNo, { action: 'undeliver', reason: '수취인 부재' });
    sb.control.parcelAction(regiNo, { action: 'deliver' });
    const last = (await tracker(source).track(regiNo)).events.at(-1)!;
    expect(last.status).toBe('undelivered');
    expect(last.detail).toBe('수취인 부재');
  });

  it('shows a cancelled reservation as cancelled', async () => {
    const out = await clientFor(sb).insertOrder(anOrder());
    if (out.kind !== 'ok') throw new Error('not issued');
    const r0 = out.result;
    await clientFor(sb).cancel({
      custNo: '0005085217',
      apprNo: '7002080922',
      reqType: '1',
      reqNo: r0.reqNo,
      resNo: r0.resNo,
      regiNo: r0.regiNo,
      delYn: 'Y',
    });
    const r = await tracker(source).track(r0.regiNo);
    expect(r.events.map((e) => e.status)).toEqual(['cancelled']);
  });

  it('backs off and retries a load block', async () => {
    const regiNo = await issue();
    sb.control.advanceHours(5);
    const scope = source === 'trace' ? 'trace' : 'longitudinal';
    sb.control.setFaults({ loadBlock: { next: 2 } }, scope);
    expect((await tracker(source).track(regiNo)).found).toBe(true);
    expect(calls(scope)).toBe(3);
  });

  it('retries 5xx and malformed answers', async () => {
    const regiNo = await issue();
    sb.control.advanceHours(5);
    const scope = source === 'trace' ? 'trace' : 'longitudinal';
    sb.control.setFaults({ http5xx: { next: 1 }, malformedXml: { next: 1 } }, scope);
    expect((await tracker(source).track(regiNo)).found).toBe(true);
    expect(calls(scope)).toBe(3);
  });

  it('a wrong key is a clear error, not "pending"', async () => {
    const regiNo = await issue();
    const err = await tracker(source, { traceKey: 'bad', dataGoKrKey: 'bad' })
      .track(regiNo)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(EpostError);
    expect((err as EpostError).koreanMessage).toMatch(/인증키|유효하지/);
  });

  it('rejects a malformed number before calling Korea Post', async () => {
    await expect(tracker(source).track('12345')).rejects.toThrow(RangeError);
  });
});

describe('both formats', () => {
  it('normalise the same parcel to the same events', async () => {
    const regiNo = await issue();
    sb.control.parcelAction(regiNo, { action: 'undeliver', reason: '폐문부재' });
    sb.control.advanceHours(200);
    const strip = (r: Awaited<ReturnType<ReturnType<typeof tracker>['track']>>) =>
      r.events.map(({ at, when, location, status, detail }) => ({ at, when, location, status, detail }));
    const [trace, datagokr] = await Promise.all([tracker('trace').track(regiNo), tracker('datagokr').track(regiNo)]);
    expect(strip(trace).length).toBeGreaterThan(4);
    expect(strip(datagokr)).toEqual(strip(trace));
    expect(datagokr.receiverName).toBe(trace.receiverName);
  });
});

describe('data.go.kr service key', () => {
  it('is URL-encoded exactly once, whether given decoded or already encoded', async () => {
    expect(encodeServiceKey('a+b/c==')).toBe('a%2Bb%2Fc%3D%3D');
    expect(encodeServiceKey('a%2Bb%2Fc%3D%3D')).toBe('a%2Bb%2Fc%3D%3D');
    const regiNo = await issue();
    sb.control.advanceHours(5);
    const encoded = encodeURIComponent(DEFAULT_DATA_GO_KR_KEY);
    expect((await tracker('datagokr', { dataGoKrKey: encoded }).track(regiNo)).found).toBe(true);
  });

  it('the source may be chosen per call', async () => {
    const regiNo = await issue();
    sb.control.advanceHours(5);
    let which: TrackingSource = 'trace';
    const t = createTrackingClient({
      getEndpoints: () => endpointsOf(sb),
      getKeys: async () => ({ traceKey: DEFAULT_TRACE_KEY, dataGoKrKey: DEFAULT_DATA_GO_KR_KEY }),
      source: () => which,
      retryDelayMs: 1,
    });
    await t.track(regiNo);
    which = 'datagokr';
    await t.track(regiNo);
    expect(calls('trace')).toBe(1);
    expect(calls('longitudinal')).toBe(1);
  });
});
