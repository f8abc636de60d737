// The product's own clients (lib/epost) against the simulator: proves both sides read the
// protocol the same way (casing, padding, lists, lost answers, both tracking surfaces).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEpostClient } from '../../../lib/epost/client.ts';
import { createTrackingClient } from '../../../lib/epost/tracking.ts';
import type { EpostApi, EpostEndpoints, InsertOrderInput } from '../../../lib/epost/types.ts';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { startAt } from './helpers.ts';

let sb: EpostSandbox;
let api: EpostApi;
let endpoints: EpostEndpoints;
beforeAll(async () => {
  sb = await startAt();
  endpoints = { shipBaseUrl: sb.url, traceBaseUrl: sb.url, openApiBaseUrl: sb.url };
  api = createEpostClient({
    getEndpoints: () => endpoints,
    getCredentials: () => ({ apiKey: sb.control.keys.apiKey, securityKey: sb.control.keys.securityKey }),
    retries: 0,
    retryDelayMs: 1,
  });
});
afterAll(() => sb.close());

const order = (orderNo: string): InsertOrderInput => ({
  custNo: '0005085217',
  apprNo: '7002080922',
  payType: '1',
  reqType: '1',
  officeSer: '01',
  orderNo,
  ordCompNm: '테스트상점',
  recNm: '홍길동',
  recZip: '61452',
  recAddr1: '광주광역시 동구 금남로 100',
  recAddr2: '101동 202호',
  recMob: '01012345678',
  contCd: '025',
  goodsNm: '여성용 청바지',
});

describe('lib/epost clients against the simulator', () => {
  it('setup messages', async () => {
    expect(await api.getCustNo('testshop')).toBe('0005085217');
    expect((await api.getApprNo('0005085217')).map((c) => c.apprNo)).toEqual(['7002080922', '7002080923']);
    expect((await api.getOfficeInfo('0005085217'))[0]?.officeSer).toBe('01');
    expect((await api.getStoppedZipCd('40210'))[0]?.areaNm).toBe('경북 울릉군');
  });

  it('InsertOrder ok / refused / unknown after a dropped answer, then reconciled by GetResInfo', async () => {
    const ok = await api.insertOrder(order('cc-1'));
    expect(ok.kind).toBe('ok');
    const refused = await api.insertOrder({ ...order('cc-2'), recMob: '01x' });
    expect(refused.kind === 'error' && refused.error.code).toBe('ERR-323');
    sb.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    const lost = await api.insertOrder(order('cc-3'));
    expect(lost.kind).toBe('unknown');
    const found = await api.getResInfo({ custNo: '0005085217', reqType: '1', orderNo: 'cc-3', reqYmd: '20260116' });
    expect(found).toHaveLength(1);
    expect(found[0]?.regiNo).toBe(sb.control.registrations('cc-3')[0]?.regiNo);
  });

  it('cancel gives a new number; both tracking surfaces follow the clock', async () => {
    const a = await api.insertOrder(order('cc-4'));
    if (a.kind !== 'ok') throw new Error('not registered');
    const r = a.result;
    const cancel = await api.cancel({
      custNo: '0005085217',
      apprNo: '7002080922',
      reqType: '1',
      reqNo: r.reqNo,
      resNo: r.resNo,
      regiNo: r.regiNo,
      delYn: 'Y',
    });
    expect(cancel.canceledYn).toBe('D'); // delYn=Y: cancelled and deleted
    expect(cancel.regiNo).toMatch(/^\d{13}$/);
    expect(cancel.regiNo).not.toBe(r.regiNo);

    for (const source of ['trace', 'datagokr'] as const) {
      const b = await api.insertOrder(order(`cc-5-${source}`));
      if (b.kind !== 'ok') throw new Error('not registered');
      const tracker = createTrackingClient({
        getEndpoints: () => endpoints,
        getKeys: () => ({ traceKey: sb.control.keys.traceKey, dataGoKrKey: sb.control.keys.dataGoKrKey }),
        source,
        retries: 0,
      });
      expect((await tracker.track(b.result.regiNo)).found).toBe(false);
      sb.control.parcelAction(b.result.regiNo, { action: 'deliver' });
      const after = await tracker.track(b.result.regiNo);
      expect(after.found).toBe(true);
      expect(after.receiverName).toBe('홍*동');
      expect(after.events.map((e) => e.status)).toEqual(
        expect.arrayContaining(['accepted', 'dispatched', 'arrived', 'outForDelivery', 'delivered']),
      );
      expect(after.events.at(-1)?.status).toBe('delivered');
    }
  });
});
