import { XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxSnapshot } from '../../sandbox/epost/control.ts';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { callApi, errorOf, startAt, validOrder } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterEach(() => sb.control.clearFaults());
afterAll(() => sb.close());

const control = (path: string, body?: unknown) =>
  fetch(`${sb.url}/__sandbox/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

describe('epost sandbox: fault injection', () => {
  it('http5xx for the next N calls of one message only', async () => {
    expect((await control('faults', { scope: 'GetCustNo', http5xx: { next: 2 } })).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await callApi(sb, 'GetCustNo', { memberID: 'testshop' })).status);
    expect(statuses).toEqual([503, 503, 200]);
    sb.control.setFaults({ http5xx: { next: 1 } }, 'InsertOrder');
    expect((await callApi(sb, 'GetApprNo', { custNo: '0005085217' })).status).toBe(200);
  });

  it('ERR-131 load block at rate 1, as an HTTP 200 error answer', async () => {
    sb.control.setFaults({ loadBlock: 1 });
    const r = await callApi(sb, 'GetApprNo', { custNo: '0005085217' });
    expect(r.status).toBe(200);
    expect(errorOf(r)).toMatch(/^ERR-131 /);
    const t = await fetch(`${sb.url}/KpostPortal/openapi?regkey=x&target=trace&query=6000000000000`);
    expect(await t.text()).toContain('ERR-131');
  });

  it('malformed XML that a parser rejects', async () => {
    sb.control.setFaults({ malformedXml: { next: 1 } }, 'GetCustNo');
    await expect(callApi(sb, 'GetCustNo', { memberID: 'testshop' })).rejects.toThrow(); // our parser chokes
    sb.control.setFaults({ malformedXml: { next: 1 } }, 'GetCustNo');
    const res = await fetch(`${sb.url}/api.GetCustNo.jparcel?key=${sb.control.keys.apiKey}`);
    expect(res.status).toBe(200);
    expect(XMLValidator.validate(await res.text())).not.toBe(true);
    const good = await callApi(sb, 'GetCustNo', { memberID: 'testshop' });
    expect(XMLValidator.validate(good.text)).toBe(true);
  });

  it('latency delays the answer', async () => {
    sb.control.setFaults({ latencyMs: 150 }, 'GetCustNo');
    const t0 = performance.now();
    await callApi(sb, 'GetCustNo', { memberID: 'testshop' });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('drop-after-commit: the socket closes unanswered, yet the parcel is registered and findable', async () => {
    sb.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    // a refused InsertOrder commits nothing and does not use up the fault
    expect(errorOf(await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'drop-1', recNm: '' })))).toMatch(/recNm/);
    await expect(callApi(sb, 'InsertOrder', validOrder({ orderNo: 'drop-1' }))).rejects.toThrow();
    const regs = sb.control.registrations('drop-1');
    expect(regs).toHaveLength(1);
    const found = await callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType: '1', orderNo: 'drop-1', reqYmd: '20260116' });
    expect(found.doc.xsync.resInfo[0].regiNo).toBe(regs[0]!.regiNo);
    // the next call is answered normally
    expect(errorOf(await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'drop-2' })))).toBeUndefined();
  });

  it('rates are deterministic for a seed', async () => {
    const run = async (seed: number) => {
      const other = await startAt({ seed });
      other.control.setFaults({ http5xx: 0.5 });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await callApi(other, 'GetCustNo', { memberID: 'testshop' })).status);
      await other.close();
      return out;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(a).toContain(503);
    expect(a).toContain(200);
    expect(await run(8)).not.toEqual(a);
  });

  it('the control API rejects bad fault settings and reports them in /state', async () => {
    expect((await control('faults', { http5xx: 2 })).status).toBe(400);
    expect((await control('faults', { scope: 'trace', loadBlock: { next: 3 }, latencyMs: 5 })).status).toBe(200);
    const state = (await (await control('state')).json()) as SandboxSnapshot;
    expect(state.faults.scopes.trace).toEqual({ loadBlock: { next: 3 }, latencyMs: 5 });
    expect((await control('faults', { clear: true })).status).toBe(200);
    expect(sb.control.state().faults.scopes).toEqual({});
  });
});

describe('epost sandbox: control API', () => {
  it('state lists parcels and counts; reset starts over', async () => {
    const before = sb.control.registrationCount();
    await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'ctl-1' }));
    const state = (await (await control('state')).json()) as SandboxSnapshot;
    expect(state.registrations).toBe(before + 1);
    expect(state.parcels.at(-1)).toMatchObject({ orderNo: 'ctl-1', stage: 'registered', treatStusCd: '02' });
    expect(state.calls.InsertOrder).toBeGreaterThan(0);
    expect(state.nowKst).toMatch(/^\d{14}$/);
    expect((await control('clock', { advanceHours: -1 })).status).toBe(400);
    expect((await control('nope')).status).toBe(404);
    expect((await control('reset', {})).status).toBe(200);
    expect(sb.control.registrationCount()).toBe(0);
    expect(sb.control.state().parcels).toEqual([]);
  });
});
