// HTTP to Korea Post: one place for timeouts, failure classification, backoff and concurrency.
// Error messages never contain the URL: its query carries the 인증키 / tracking keys.

import { createLimiter } from '../jobs/limiter';
import { ofetch, type $Fetch } from 'ofetch';
import { EpostTransportError } from './errors';
import { createCircuit, type CircuitOptions } from './circuit';
import { createResendWatch, type ResourceTimings } from './resend';

export interface TransportOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** simultaneous requests; Korea Post's firewall dislikes bursts (default 4) */
  maxConcurrent?: number;
  /** circuit breaker settings (see circuit.ts) */
  circuit?: CircuitOptions;
  /** where a POST's Resource Timing is read (resend.ts; default the worker's own `performance`) */
  timings?: ResourceTimings;
}

/** A 2xx answer's body, and whether the browser sent the request twice by itself (resend.ts; POSTs only). */
interface HttpAnswer {
  text: string;
  resent: boolean;
}

export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  query?: Record<string, string>;
  /** form fields, sent as application/x-www-form-urlencoded */
  form?: Record<string, string>;
}

/** Codes that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

function causeCode(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

function isTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function createTransport(opts: TransportOptions = {}) {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  // ofetch takes the fetch implementation in its second argument (its first is per-request defaults)
  const watch = createResendWatch(opts.timings);
  const $fetch: $Fetch = ofetch.create(
    { retry: 0, timeout: timeoutMs },
    { fetch: watch.wrap(opts.fetch ?? ((input, init) => globalThis.fetch(input, init))) },
  );
  const limit = createLimiter(opts.maxConcurrent ?? 4);

  const circuit = createCircuit(opts.circuit);

  /** Returns the body text of a 2xx answer; throws EpostTransportError otherwise. */
  async function requestText(req: HttpRequest): Promise<string> {
    return (await request(req)).text;
  }

  /** requestText, and for a POST whether the browser sent it twice by itself. */
  async function request(req: HttpRequest): Promise<HttpAnswer> {
    return limit(async () => {
      circuit.admit();
      try {
        const text = await send(req);
        circuit.succeeded();
        return text;
      } catch (err) {
        if (err instanceof EpostTransportError && (err.status === undefined || err.status >= 500)) circuit.failed();
        else circuit.succeeded(); // a 4xx is still an answer: the server is up
        throw err;
      }
    });
  }

  /** One HTTP exchange: the body text of a 2xx answer, else EpostTransportError. */
  async function send(req: HttpRequest): Promise<HttpAnswer> {
    let res;
    try {
      res = await $fetch.raw<ArrayBuffer, 'arrayBuffer'>(req.url, {
        method: req.method,
        // a POST (InsertOrder, the one call a re-send would double) travels without cookies, and so in a
        // connection pool of its own: Chromium pools connections by credentials mode (an extension's
        // default 'same-origin' sends them to a host it may reach), so a kept-alive connection of the GET
        // looks never carries one; no-reuse.ts closes the POSTs' connections after each answer
        ...(req.method === 'POST' ? { credentials: 'omit' as const } : {}),
        query: req.query,
        body: req.form ? new URLSearchParams(req.form).toString() : undefined,
        headers: req.form ? { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } : undefined,
        responseType: 'arrayBuffer',
        ignoreResponseError: true,
      });
    } catch (err) {
      if (isTimeout(err)) throw new EpostTransportError(`우체국 서버 응답 시간 초과 (${Math.round(timeoutMs / 1000)}초)`, undefined, true);
      const code = causeCode(err);
      if (NOT_SENT_CODES.has(code)) throw new EpostTransportError(`우체국 서버에 연결할 수 없습니다 (${code})`, undefined, false);
      throw new EpostTransportError(`우체국 서버와의 연결이 끊어졌습니다${code ? ` (${code})` : ''}`, undefined, true);
    }
    if (res.status >= 500) throw new EpostTransportError(`우체국 서버 오류 (HTTP ${res.status})`, res.status, true);
    if (res.status < 200 || res.status >= 300) {
      throw new EpostTransportError(`우체국 서버가 요청을 거부했습니다 (HTTP ${res.status})`, res.status, false);
    }
    const text = res._data ? decodeBody(new Uint8Array(res._data), res.headers.get('content-type') ?? '') : '';
    return { text, resent: req.method === 'POST' && watch.resent(res, req.url) };
  }

  return { requestText, request };
}

/**
 * Body bytes → text. The 계약소포 API answers UTF-8, but older Korea Post surfaces have been seen
 * in EUC-KR: honour the Content-Type charset, then the XML declaration, else UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType = ''): string {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const label =
    /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // unknown label
  }
}
