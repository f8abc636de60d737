// Tracking, one number per call, from either of Korea Post's two surfaces, normalised into one
// TrackingResult: the contract-customer trace (biz.epost.go.kr, lower-case fields, <item> events)
// and data.go.kr (cmmMsgHeader envelope, <longitudinalDomesticList> events). "No scan yet" is
// found:false, never an error: a freshly issued number has no history.

import { EpostError, EpostTransportError, isRetryable } from './errors';
import { kstDisplay, parseKstDateTime } from './kst';
import { normaliseTrackingStatus } from './trackingStatus';
import { createTransport } from './transport';
import { withRetry } from '../retry';
import type { EpostEndpoints, TrackingApi, TrackingEvent, TrackingResult } from './types';
import { epostErrorOf, findAll, findFirst, parseXml, textOf, type XmlNode } from './xml';

export type TrackingSource = 'trace' | 'datagokr';

interface TrackingKeys {
  traceKey: string;
  dataGoKrKey: string;
}

export interface TrackingClientOptions {
  getEndpoints(): EpostEndpoints | Promise<EpostEndpoints>;
  getKeys(): TrackingKeys | Promise<TrackingKeys>;
  source: TrackingSource | (() => TrackingSource | Promise<TrackingSource>);
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  maxConcurrent?: number;
  fetch?: typeof fetch;
}

/** data.go.kr's "too many requests" (returnCode 22): backed off like ERR-131. */
const DATAGOKR_LIMIT = 'DATAGOKR-22';
const shouldRetry = (err: unknown) => isRetryable(err) || (err instanceof EpostError && err.code === DATAGOKR_LIMIT);

const LONGITUDINAL_PATH = '/trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList';

/** A data.go.kr key is issued in an "encoded" and a "decoded" form; send it encoded exactly once. */
export function encodeServiceKey(key: string): string {
  const trimmed = key.trim();
  let raw = trimmed;
  if (/%[0-9A-Fa-f]{2}/.test(trimmed)) {
    try {
      raw = decodeURIComponent(trimmed);
    } catch {
      raw = trimmed;
    }
  }
  return encodeURIComponent(raw);
}

function makeEvent(date: string, time: string, location: string, word: string, detail: string): TrackingEvent {
  const at = parseKstDateTime(date, time);
  return {
    at: at ?? 0,
    when: at === undefined ? `${date} ${time}`.trim() : kstDisplay(at),
    location,
    status: normaliseTrackingStatus(word),
    statusText: word,
    detail,
  };
}

/** Oldest first; events with the same time keep Korea Post's order. */
function chronological(events: TrackingEvent[]): TrackingEvent[] {
  return events
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([e]) => e);
}

const notFound = (regiNo: string): TrackingResult => ({ regiNo, found: false, senderName: '', receiverName: '', events: [] });

export function parseTraceAnswer(regiNo: string, root: XmlNode): TrackingResult {
  const err = epostErrorOf(root);
  if (err?.code === 'ERR-001') return notFound(regiNo);
  if (err) throw err;
  const events = findAll(root, 'item').map((item) =>
    makeEvent(
      textOf(item, 'eventymd'),
      textOf(item, 'eventhms'),
      textOf(item, 'eventregiponm'),
      textOf(item, 'eventnm'),
      textOf(item, 'nondelivreasnnm'),
    ),
  );
  const head = findFirst(root, 'xsyncdata') ?? root;
  return {
    regiNo: directText(head, 'regino') || regiNo,
    found: events.length > 0,
    senderName: directText(head, 'sendnm'),
    receiverName: directText(head, 'recevnm'),
    events: chronological(events),
  };
}

/** Text of a direct child (the per-event fields share names with the header's). */
function directText(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text ?? '';
}

export function parseLongitudinalAnswer(regiNo: string, root: XmlNode): TrackingResult {
  const header = findFirst(root, 'cmmMsgHeader');
  const successYN = header ? textOf(header, 'successYN').toUpperCase() : '';
  const returnCode = header ? textOf(header, 'returnCode') : '';
  if (successYN !== 'Y' || (returnCode && returnCode !== '00')) {
    if (returnCode === '03' || returnCode === '04') return notFound(regiNo); // 조회결과 없음
    const reason = header ? textOf(header, 'returnAuthMsg') || textOf(header, 'errMsg') : '';
    const code = returnCode || (header ? textOf(header, 'returnReasonCode') : '');
    if (code === '22') throw new EpostError(DATAGOKR_LIMIT, `data.go.kr 요청 한도를 초과했습니다 (${reason})`);
    if (code === '30' || code === '31' || code === '32' || /SERVICE_KEY|KEY/i.test(reason)) {
      throw new EpostError(`DATAGOKR-${code || 'KEY'}`, `data.go.kr 인증키가 등록되지 않았거나 유효하지 않습니다 (${reason})`);
    }
    if (!header) throw new EpostTransportError('data.go.kr 응답을 해석할 수 없습니다', 200, false);
    throw new EpostError(`DATAGOKR-${code || 'ERR'}`, `data.go.kr 배송조회 오류: ${reason || '알 수 없는 오류'}`);
  }
  const events = findAll(root, 'longitudinalDomesticList').map((e) =>
    makeEvent(textOf(e, 'dlvyDate'), textOf(e, 'dlvyTime'), textOf(e, 'nowLc'), textOf(e, 'processSttus'), textOf(e, 'detailDc')),
  );
  return {
    regiNo: textOf(root, 'rgist') || regiNo,
    found: events.length > 0,
    senderName: textOf(root, 'applcntNm'),
    receiverName: textOf(root, 'addrseNm'),
    events: chronological(events),
  };
}

export function createTrackingClient(opts: TrackingClientOptions): TrackingApi {
  const transport = createTransport(opts);
  const policy = { retries: opts.retries ?? 3, baseMs: opts.retryDelayMs ?? 1000, maxMs: 16_000, retryable: shouldRetry };
  const sourceOf = async (): Promise<TrackingSource> => (typeof opts.source === 'function' ? opts.source() : opts.source);

  async function once(regiNo: string): Promise<TrackingResult> {
    const [endpoints, keys, source] = await Promise.all([opts.getEndpoints(), opts.getKeys(), sourceOf()]);
    if (source === 'trace') {
      const url =
        `${endpoints.traceBaseUrl.replace(/\/+$/, '')}/KpostPortal/openapi` +
        `?regkey=${encodeURIComponent(keys.traceKey.trim())}&target=trace&query=${regiNo}`;
      return parseTraceAnswer(regiNo, parseXml(await transport.requestText({ url, method: 'GET' })));
    }
    const url =
      `${endpoints.openApiBaseUrl.replace(/\/+$/, '')}${LONGITUDINAL_PATH}` +
      `?serviceKey=${encodeServiceKey(keys.dataGoKrKey)}&rgist=${regiNo}`;
    return parseLongitudinalAnswer(regiNo, parseXml(await transport.requestText({ url, method: 'GET' })));
  }

  return {
    async track(regiNo) {
      const number = regiNo.replace(/[\s-]/g, '');
      if (!/^\d{13}$/.test(number)) throw new RangeError(`등기번호는 13자리 숫자입니다: ${regiNo}`);
      return withRetry(() => once(number), policy);
    },
  };
}
