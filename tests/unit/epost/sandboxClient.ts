// Shared set-up for the client tests: a fresh Korea Post simulator on an ephemeral loopback port.
import { createEpostClient, type EpostClientOptions } from '../../../lib/epost/client';
import type { EpostEndpoints, InsertOrderInput } from '../../../lib/epost/types';
import { DEFAULT_API_KEY, DEFAULT_SECURITY_KEY, startEpostSandbox, type EpostSandbox } from '../../sandbox/epost/server';

export async function startSandbox(): Promise<EpostSandbox> {
  return startEpostSandbox({ port: 0 });
}

export function endpointsOf(sb: EpostSandbox): EpostEndpoints {
  return { shipBaseUrl: sb.url, traceBaseUrl: sb.url, openApiBaseUrl: sb.url };
}

export function clientFor(sb: EpostSandbox, over: Partial<EpostClientOptions> & { apiKey?: string; securityKey?: string } = {}) {
  const { apiKey = DEFAULT_API_KEY, securityKey = DEFAULT_SECURITY_KEY, ...rest } = over;
  return createEpostClient({
    getEndpoints: () => endpointsOf(sb),
    getCredentials: async () => ({ apiKey, securityKey }),
    timeoutMs: 2000,
    retries: 3,
    retryDelayMs: 5,
    ...rest,
  });
}

let seq = 0;
export function anOrder(over: Partial<InsertOrderInput> = {}): InsertOrderInput {
  seq++;
  return {
    custNo: '0005085217',
    apprNo: '7002080922',
    payType: '1',
    reqType: '1',
    officeSer: '01',
    orderNo: `T${Date.now()}${seq}`,
    ordCompNm: '테스트상점',
    recNm: '홍길동',
    recZip: '06236',
    recAddr1: '서울특별시 강남구 테헤란로 152',
    recAddr2: '강남파이낸스센터 10층 & 회의실',
    recMob: '010-1234-5678',
    contCd: '028',
    goodsNm: '수건 세트 외 1건',
    weight: 2,
    volume: 60,
    ...over,
  };
}
