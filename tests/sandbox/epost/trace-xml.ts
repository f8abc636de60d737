// The two tracking surfaces, one number per call:
// - contract-customer trace  GET /KpostPortal/openapi?regkey=&target=trace&query=  (lower-case fields)
// - data.go.kr               GET /trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList?serviceKey=&rgist=
import { kstDotDate as dotDate, kstHhmm as hhmm, kstStamp } from './kst.ts';
import { errorXml, fieldsXml, XML_HEAD } from './protocol.ts';
import type { SandboxState } from './state.ts';
import { visibleEvents, type SimEvent } from './tracking.ts';

/** Names are masked on tracking pages: 홍길동 → 홍*동 */
function mask(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name.trim();
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

function lookup(s: SandboxState, regiNo: string): { events: SimEvent[]; sender: string; receiver: string } | undefined {
  const parcel = s.store.get(regiNo);
  if (!parcel) return undefined;
  const events = visibleEvents(parcel, s.clock.now());
  if (events.length === 0) return undefined;
  return { events, sender: mask(parcel.senderNm), receiver: mask(parcel.recNm) };
}

export function traceXml(s: SandboxState, params: URLSearchParams): string {
  const regkey = params.get('regkey') ?? '';
  if (!regkey) return errorXml('ERR-111', '필수항목누락-인증키(regkey) 값이 없습니다.');
  if (regkey !== s.keys.traceKey) return errorXml('ERR-123', '등록되지 않거나 유효하지 않은 인증키입니다.');
  if (params.get('target') !== 'trace') return errorXml('ERR-112', '요청 대상(target)이 유효하지 않습니다.');
  const query = (params.get('query') ?? '').trim();
  // the spec's code for a number that is not 13 digits (the message text is ours)
  if (!/^\d{13}$/.test(query)) return errorXml('ERR-321', '데이터오류-등기번호(query)는 13자리 숫자입니다.');
  const found = lookup(s, query);
  if (!found) return errorXml('ERR-001', '조회결과가 없습니다.');
  const last = found.events[found.events.length - 1]!;
  const head = fieldsXml({
    regino: query,
    sendnm: found.sender,
    recevnm: found.receiver,
    mailkindnm: '국내택배',
    delivrsltnm: last.stage === 'delivered' || last.stage === 'undelivered' ? last.word : '',
    nondelivreasnnm: last.stage === 'undelivered' ? last.detail : '',
  });
  const items = found.events
    .map(
      (e) =>
        `<item>${fieldsXml({
          eventymd: dotDate(e.at),
          eventhms: hhmm(e.at),
          eventregiponm: e.location,
          eventnm: e.word,
          delivrsltnm: e.stage === 'delivered' || e.stage === 'undelivered' ? e.word : '',
          nondelivreasnnm: e.stage === 'undelivered' ? e.detail : '',
        })}</item>`,
    )
    .join('');
  return `${XML_HEAD}<xsync><xsyncData>${head}<itemlist>${items}</itemlist></xsyncData></xsync>`;
}

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plain = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => (v ? `<${k}>${esc(v)}</${k}>` : `<${k}/>`))
    .join('');

const DATA_GO_KR_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function header(s: SandboxState, successYN: string, returnCode: string, errMsg: string): string {
  const t = kstStamp(s.clock.now());
  return `<cmmMsgHeader>${plain({ requestMsgId: '', responseMsgId: '', responseTime: `${t.slice(0, 8)}:${t.slice(8)}000`, successYN, returnCode, errMsg })}</cmmMsgHeader>`;
}

export function longitudinalXml(s: SandboxState, params: URLSearchParams): string {
  // data.go.kr's gateway rejects bad keys before the service sees the call, in its own envelope.
  if (params.get('serviceKey') !== s.keys.dataGoKrKey) {
    return `${DATA_GO_KR_HEAD}<OpenAPI_ServiceResponse><cmmMsgHeader>${plain({ errMsg: 'SERVICE ERROR', returnAuthMsg: 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR', returnReasonCode: '30' })}</cmmMsgHeader></OpenAPI_ServiceResponse>`;
  }
  const rgist = (params.get('rgist') ?? '').trim();
  if (!/^\d{13}$/.test(rgist)) {
    return `${DATA_GO_KR_HEAD}<response>${header(s, 'N', '11', 'NO_MANDATORY_REQUEST_PARAMETERS_ERROR(rgist)')}</response>`;
  }
  const found = lookup(s, rgist);
  if (!found) return `${DATA_GO_KR_HEAD}<response>${header(s, 'N', '03', '조회결과가 없습니다.')}</response>`;
  const last = found.events[found.events.length - 1]!;
  const done = last.stage === 'delivered' || last.stage === 'undelivered';
  const list = found.events
    .map(
      (e) =>
        `<longitudinalDomesticList>${plain({ dlvyDate: dotDate(e.at), dlvyTime: hhmm(e.at), nowLc: e.location, processSttus: e.word, detailDc: e.detail })}</longitudinalDomesticList>`,
    )
    .join('');
  const body = plain({
    applcntNm: found.sender,
    addrseNm: found.receiver,
    // the summary date uses the dashed form with a time: clients meet both shapes
    dlvyDe: done ? `${dotDate(last.at).replaceAll('.', '-')} ${hhmm(last.at)}` : '',
    dlvySttus: last.word,
    rgist,
  });
  return `${DATA_GO_KR_HEAD}<response>${header(s, 'Y', '00', '')}<msgBody>${body}${list}</msgBody></response>`;
}
