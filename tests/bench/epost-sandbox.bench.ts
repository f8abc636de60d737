// Throughput of the Korea Post simulator over loopback: InsertOrder + GetResInfo pairs through a
// keep-alive agent at concurrency 16. One bench iteration = BATCH pairs (2 × BATCH requests), so
// requests/s = 2 × BATCH × hz. Target: well over 1,000 req/s on a 2-core machine.
import { Agent, request } from 'node:http';
import { afterAll, bench, describe } from 'vitest';
import { encryptRegData } from '../../lib/epost/seed128.ts';
import { startEpostSandbox } from '../sandbox/epost/server.ts';

const CONCURRENCY = 16;
const BATCH = 200;

const sandbox = await startEpostSandbox();
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const { apiKey, securityKey } = sandbox.control.keys;
const port = sandbox.port;

afterAll(async () => {
  agent.destroy();
  await sandbox.close();
});

function post(message: string, plaintext: string): Promise<string> {
  const body = new URLSearchParams({ key: apiKey, regData: encryptRegData(plaintext, securityKey) }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api.${message}.jparcel`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (text.includes('<error>') ? reject(new Error(text)) : resolve(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let serial = 0;
async function pair(): Promise<void> {
  const orderNo = `bench-${++serial}`;
  const xml = await post(
    'InsertOrder',
    `custNo=0005085217&apprNo=7002080922&payType=1&reqType=1&officeSer=01&microYn=N&orderNo=${orderNo}&ordCompNm=테스트상점&recNm=홍길동&recZip=61452&recAddr1=광주광역시 동구 금남로 100&recAddr2=101동 202호&recMob=01012345678&contCd=025&goodsNm=여성용 청바지`,
  );
  const reqYmd = /<reqNo><!\[CDATA\[ (\d{8})/.exec(xml)![1]!;
  await post('GetResInfo', `custNo=0005085217&reqType=1&orderNo=${orderNo}&reqYmd=${reqYmd}`);
}

async function batch(): Promise<void> {
  let left = BATCH;
  const worker = async () => {
    while (left-- > 0) await pair();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

describe('epost sandbox throughput', () => {
  bench(`InsertOrder + GetResInfo × ${BATCH} (${2 * BATCH} requests, concurrency ${CONCURRENCY})`, batch, { time: 3000, iterations: 5 });
});
