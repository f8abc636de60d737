// Korea Post simulator: a plain Node http server speaking the 계약소포 OpenAPI (ship.epost.go.kr),
// the contract-customer trace (biz.epost.go.kr) and data.go.kr tracking (openapi.epost.go.kr) on
// one loopback port, the same again over https on a second port (the product calls ship and biz over
// https), plus a JSON control API under /__sandbox/.
//
// Defaults (repeated in README.md):
//   apiKey (인증키, 30 chars)      sandboxEpostApiKey202400000001
//   securityKey (보안키, 22 chars) sandboxSecKey123456789
//   memberId (인터넷우체국 ID)      testshop   → 고객번호 0005085217
//     승인번호 7002080922 (즉납, 서울중앙우체국), 7002080923 (후납, 광주우체국), 7001990001 (해지)
//     공급지 officeSer 01 (테스트상점 물류센터)
//   traceKey (biz.epost regkey)    sandboxTraceRegKey0001
//   dataGoKrKey (serviceKey)        sandbox+DataGoKr/Key==   (has + / = : URL-encode it exactly once)
//   host 127.0.0.1, port 0 and httpsPort 0 (ephemeral), fault PRNG seed 1
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { getApprNo, getCustNo, getOfficeInfo, getStoppedZipCd, insertOffice } from './account-handlers.ts';
import { createControl, type SandboxControl } from './control.ts';
import { handleControl } from './control-http.ts';
import { getResCancelCmd, getResInfo, insertOrder } from './order-handlers.ts';
import { answerXml, decodeRegData, errorXml, fail, malform, requestParams, type Answer } from './protocol.ts';
import { SandboxState } from './state.ts';
import { SANDBOX_TLS } from './tls.ts';
import { longitudinalXml, traceXml } from './trace-xml.ts';

export const DEFAULT_API_KEY = 'sandboxEpostApiKey202400000001';
export const DEFAULT_SECURITY_KEY = 'sandboxSecKey123456789';
const DEFAULT_MEMBER_ID = 'testshop';
export const DEFAULT_TRACE_KEY = 'sandboxTraceRegKey0001';
export const DEFAULT_DATA_GO_KR_KEY = 'sandbox+DataGoKr/Key==';

export interface EpostSandboxOptions {
  port?: number;
  /** the https listener's port (its certificate: tls.ts) */
  httpsPort?: number;
  host?: string;
  apiKey?: string;
  securityKey?: string;
  memberId?: string;
  traceKey?: string;
  dataGoKrKey?: string;
  now?: () => number;
  /** seed of the fault-injection PRNG (rates repeat exactly for the same seed and call order) */
  seed?: number;
}

export interface EpostSandbox {
  url: string;
  port: number;
  /** the same simulator over https (self-signed, test-only certificate: tls.ts) */
  httpsUrl: string;
  httpsPort: number;
  close(): Promise<void>;
  control: SandboxControl;
}

type Handler = (s: SandboxState, f: Map<string, string>, params: Map<string, string>) => Answer;

const HANDLERS: Record<string, Handler> = {
  GetCustNo: getCustNo,
  GetApprNo: getApprNo,
  GetOfficeInfo: getOfficeInfo,
  InsertOffice: insertOffice,
  InsertOrder: (s, f, params) => insertOrder(s, f, params.get('option') ?? ''),
  GetResInfo: getResInfo,
  GetResCancelCmd: getResCancelCmd,
};

const MESSAGE_PATH = /\/api\.(\w+)\.jparcel$/;
const TRACE_PATH = '/KpostPortal/openapi';
const LONGITUDINAL_PATH = '/trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList';
const LOAD_BLOCK_MESSAGE = '과부하로 인해 일시적으로 서비스 이용이 제한되었습니다. 잠시 후 다시 시도해주십시오.';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<string> {
  if (req.method !== 'POST' && req.method !== 'PUT') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Access-Control-Allow-Origin': '*',
  });
  res.end(body);
}

const sendXml = (res: ServerResponse, xml: string) => send(res, 200, 'text/xml; charset=utf-8', xml);

/** One 계약소포 message; returns 'dropped' when the socket was destroyed on purpose. */
function handleMessage(s: SandboxState, message: string, params: Map<string, string>): string | 'dropped' {
  const key = params.get('key')?.trim() ?? '';
  // codes and texts as the manual's table gives them (epost-openapi.md "Error codes as the manual writes them")
  if (!key) return errorXml('ERR-111', '필수항목 누락(인증키)입니다.');
  if (key !== s.keys.apiKey) return errorXml('ERR-123', '등록되지 않거나 유효하지 않은 인증키입니다.');
  if (message === 'GetStoppedZipCd') return answerXml(getStoppedZipCd(params.get('zipCd')?.trim() ?? ''));
  const handler = HANDLERS[message];
  if (!handler) return errorXml('ERR-999', `지원하지 않는 요청(${message}) 입니다.`);
  const regData = params.get('regData')?.trim() ?? '';
  if (!regData) return answerXml(fail('ERR-511', '필수값이 입력되지 않았습니다. 요청 변수(regData) 을(를) 입력하여 주세요.'));
  const fields = decodeRegData(regData, s.keys.securityKey);
  if (message === 'InsertOrder' && s.faults.fires(message, 'lateCommit')) {
    // the request is queued at Korea Post and committed long after the caller gave up on it
    setTimeout(() => handler(s, fields, params), s.faults.lateCommitMs(message)).unref?.();
    return 'dropped';
  }
  const answer = handler(s, fields, params);
  if (message === 'InsertOrder' && answer.kind === 'ok' && s.faults.fires(message, 'dropAfterCommit')) return 'dropped';
  if (message === 'InsertOrder' && answer.kind === 'ok' && answer.fields && s.faults.fires(message, 'badRegiNo')) {
    return answerXml({ ...answer, fields: { ...answer.fields, regiNo: String(answer.fields.regiNo).slice(0, 9) } });
  }
  return answerXml(answer);
}

export async function startEpostSandbox(opts: EpostSandboxOptions = {}): Promise<EpostSandbox> {
  const state = new SandboxState(
    {
      apiKey: opts.apiKey ?? DEFAULT_API_KEY,
      securityKey: opts.securityKey ?? DEFAULT_SECURITY_KEY,
      memberId: opts.memberId ?? DEFAULT_MEMBER_ID,
      traceKey: opts.traceKey ?? DEFAULT_TRACE_KEY,
      dataGoKrKey: opts.dataGoKrKey ?? DEFAULT_DATA_GO_KR_KEY,
    },
    opts.now ?? Date.now,
    opts.seed ?? 1,
  );
  const control = createControl(state);
  /** calls each connection has carried: a client that reuses connections is seen (and one that must not) */
  const servedOn = new WeakMap<object, number>();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const body = await readBody(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/__sandbox/')) {
      const reply = handleControl(control, req.method ?? 'GET', url, body);
      send(res, reply.status, 'application/json; charset=utf-8', JSON.stringify(reply.body));
      return;
    }
    const message = MESSAGE_PATH.exec(url.pathname)?.[1];
    const scope = message ?? (url.pathname === TRACE_PATH ? 'trace' : url.pathname === LONGITUDINAL_PATH ? 'longitudinal' : undefined);
    if (!scope) {
      send(res, 404, 'text/html; charset=utf-8', '<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    const served = servedOn.get(req.socket) ?? 0;
    servedOn.set(req.socket, served + 1);
    state.countCall(scope, { overHttps: (req.socket as TLSSocket).encrypted === true, reused: served > 0 });
    const latency = state.faults.latencyMs(scope);
    if (latency > 0) await sleep(latency);
    if (state.faults.fires(scope, 'htmlPage')) {
      // a maintenance page that is well-formed enough to parse as XML, served as 200
      send(
        res,
        200,
        'text/html; charset=utf-8',
        '<html><head><title>점검 안내</title></head><body><h1>시스템 점검 중입니다</h1></body></html>',
      );
      return;
    }
    if (state.faults.fires(scope, 'errorWithoutCode')) {
      sendXml(
        res,
        '<?xml version="1.0" encoding="UTF-8"?><xsync><error><message><![CDATA[ 일시적인 오류입니다 ]]></message></error></xsync>',
      );
      return;
    }
    if (state.faults.fires(scope, 'http5xx')) {
      send(res, 503, 'text/html; charset=utf-8', '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
      return;
    }
    let xml: string | 'dropped';
    if (state.faults.fires(scope, 'loadBlock')) {
      xml =
        scope === 'longitudinal'
          ? `<?xml version="1.0" encoding="UTF-8"?><response><cmmMsgHeader><successYN>N</successYN><returnCode>22</returnCode><errMsg>LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR</errMsg></cmmMsgHeader></response>`
          : errorXml('ERR-131', LOAD_BLOCK_MESSAGE);
    } else if (message) {
      xml = handleMessage(state, message, requestParams(url, body));
    } else {
      const params = new URLSearchParams(url.search);
      xml = scope === 'trace' ? traceXml(state, params) : longitudinalXml(state, params);
    }
    if (xml === 'dropped') {
      // Registered, but the caller never hears about it: the client must reconcile via GetResInfo.
      req.socket.destroy();
      return;
    }
    sendXml(res, state.faults.fires(scope, 'malformedXml') ? malform(xml) : xml);
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `sandbox error: ${String(err)}`);
    });
  };
  const host = opts.host ?? '127.0.0.1';
  const server = await listen(createServer(handle), opts.port ?? 0, host);
  let secure: Server;
  try {
    secure = await listen(createHttpsServer(SANDBOX_TLS, handle), opts.httpsPort ?? 0, host);
  } catch (err) {
    await stop(server);
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const httpsPort = (secure.address() as AddressInfo).port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostPart}:${port}`,
    port,
    httpsUrl: `https://${hostPart}:${httpsPort}`,
    httpsPort,
    control,
    close: () => Promise.all([stop(server), stop(secure)]).then(() => undefined),
  };
}

async function listen<S extends Server>(server: S, port: number, host: string): Promise<S> {
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

function stop(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
