// The 계약소포 OpenAPI client. Messages are `api.<Name>.jparcel` under shipBaseUrl with
// `key=<인증키>&regData=<SEED hex>`. Only read-only messages are retried: InsertOrder,
// InsertOffice and GetResCancelCmd change Korea Post's state and are never sent twice from here —
// a lost InsertOrder answer becomes { kind: 'unknown' } and the caller reconciles with GetResInfo.

import { EpostError, EpostTransportError } from './errors';
import {
  flatFields,
  listOf,
  requireField,
  toCancelResult,
  toContract,
  toInsertOrderResult,
  toOffice,
  toResInfo,
  toStoppedZip,
} from './records';
import { encodeRegData, insertOrderRegData, type RegDataField } from './regdata';
import { encryptRegData } from './seed128';
import type { ResourceTimings } from './resend';
import { createTransport } from './transport';
import { withRetry } from '../retry';
import type { CancelInput, ResInfo, EpostApi, EpostCredentials, EpostEndpoints, InsertOfficeInput, InsertOrderOutcome } from './types';
import { findAll, parseEpostResponse, type XmlNode } from './xml';
import { isRegiNoValue } from './types';

export interface EpostClientOptions {
  getEndpoints(): EpostEndpoints | Promise<EpostEndpoints>;
  getCredentials(): EpostCredentials | Promise<EpostCredentials>;
  /** per request (default 15 s) */
  timeoutMs?: number;
  /** extra attempts for read-only messages (default 3) */
  retries?: number;
  /** first backoff delay (default 1 s, doubling) */
  retryDelayMs?: number;
  /** simultaneous requests (default 4) */
  maxConcurrent?: number;
  fetch?: typeof fetch;
  /** where InsertOrder's Resource Timing is read (resend.ts; default the worker's `performance`) */
  timings?: ResourceTimings;
}

type Message =
  'GetCustNo' | 'GetApprNo' | 'GetOfficeInfo' | 'InsertOffice' | 'GetStoppedZipCd' | 'InsertOrder' | 'GetResInfo' | 'GetResCancelCmd';

/**
 * "No such data" — an empty list, not a failure, for list lookups: ERR-225 (GetResInfo, GetOfficeInfo),
 * ERR-123 「계약승인번호가 존재하지 않습니다」 (GetApprNo without a contract) and ERR-125 (GetStoppedZipCd:
 * no stopped postcode at all, or not this one), as the manual words them.
 */
const isNotFound = (err: unknown) =>
  err instanceof EpostError &&
  (err.code === 'ERR-225' || err.code === 'ERR-125' || (err.code === 'ERR-123' && /계약승인번호가 존재하지/.test(err.koreanMessage)));

/**
 * GetResInfo decides whether an order may be sent again, so only a well-formed ERR-225 means
 * "nothing registered" (readList). An answer without a record, or with a number that is not one,
 * is a non-answer (a maintenance page that happens to be XML, a half-written reply): unknown.
 */
function strictResInfo(root: XmlNode): ResInfo[] {
  const rows = listOf(root, 'resInfo', 'regiNo', toResInfo);
  if (rows.length === 0) throw new EpostTransportError('우체국 조회 응답에 접수 정보도 ERR-225도 없습니다', 200, true);
  const bad = rows.find((r) => !isRegiNoValue(r.regiNo) || !r.reqNo);
  if (bad) throw new EpostTransportError(`우체국 조회 응답의 등기번호를 해석할 수 없습니다 (${bad.regiNo.slice(0, 20)})`, 200, true);
  return rows;
}

export function createEpostClient(opts: EpostClientOptions): EpostApi {
  const transport = createTransport(opts);
  const retryPolicy = { retries: opts.retries ?? 3, baseMs: opts.retryDelayMs ?? 1000, maxMs: 16_000 };

  /** One message; `resent`: a POST the browser sent twice by itself (resend.ts). */
  async function exchange(message: Message, params: { regData?: string; plain?: Record<string, string> }, post = false) {
    const [{ shipBaseUrl }, { apiKey }] = await Promise.all([opts.getEndpoints(), opts.getCredentials()]);
    const fields: Record<string, string> = { key: apiKey, ...(params.plain ?? {}) };
    if (params.regData !== undefined) fields.regData = params.regData;
    const url = `${shipBaseUrl.replace(/\/+$/, '')}/api.${message}.jparcel`;
    const answer = await transport.request(post ? { url, method: 'POST', form: fields } : { url, method: 'GET', query: fields });
    return { root: parseEpostResponse(answer.text), resent: answer.resent };
  }

  async function send(message: Message, params: { regData?: string; plain?: Record<string, string> }) {
    return (await exchange(message, params)).root;
  }

  async function encrypted(fields: readonly RegDataField[]): Promise<string> {
    const { securityKey } = await opts.getCredentials();
    return encryptRegData(encodeRegData(fields).text, securityKey);
  }

  /** A read-only message: safe to repeat on transport errors, 5xx, ERR-131 and answers `parse` cannot use. */
  function read<T = XmlNode>(message: Message, fields: readonly RegDataField[], parse: (root: XmlNode) => T = (r) => r as T): Promise<T> {
    return withRetry(async () => parse(await send(message, { regData: await encrypted(fields) })), retryPolicy);
  }

  async function readList<T>(message: Message, fields: readonly RegDataField[], parse: (root: XmlNode) => T[]): Promise<T[]> {
    try {
      return await read(message, fields, parse);
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }

  return {
    async getCustNo(memberId) {
      const root = await read('GetCustNo', [['memberID', memberId]]);
      return requireField(flatFields(root), 'custNo', '고객번호');
    },

    getApprNo: (custNo) => readList('GetApprNo', [['custNo', custNo]], (root) => listOf(root, 'contractInfo', 'apprNo', toContract)),

    getOfficeInfo: (custNo) => readList('GetOfficeInfo', [['custNo', custNo]], (root) => listOf(root, 'officeInfo', 'officeSer', toOffice)),

    async insertOffice(input: InsertOfficeInput) {
      const fields: RegDataField[] = [
        ['custNo', input.custNo],
        ['officeSer', input.officeSer],
        ['officeNm', input.officeNm],
        ['officeZip', input.officeZip],
        ['officeAddr1', input.officeAddr1],
        ['officeAddr2', input.officeAddr2],
        ['officeTelno', input.officeTelno],
        ['contactNm', input.contactNm],
        ['contactMobile', input.contactMobile],
        ['contactEmail', input.contactEmail],
      ];
      const root = await send('InsertOffice', { regData: await encrypted(fields) });
      return { regiPoNm: flatFields(root).regiponm ?? '' };
    },

    getStoppedZipCd: (zipCd) =>
      withRetry(async () => {
        try {
          const root = await send('GetStoppedZipCd', { plain: zipCd ? { zipCd } : {} });
          return listOf(root, 'stoppedZipCdInfo', 'strtZipCd', toStoppedZip);
        } catch (err) {
          if (isNotFound(err)) return [];
          throw err;
        }
      }, retryPolicy),

    async insertOrder(input): Promise<InsertOrderOutcome> {
      const { securityKey } = await opts.getCredentials();
      const regData = encryptRegData(insertOrderRegData(input).text, securityKey);
      let root: XmlNode;
      let resent: boolean;
      try {
        ({ root, resent } = await exchange('InsertOrder', { regData }, true));
      } catch (err) {
        if (err instanceof EpostError) return { kind: 'error', error: err };
        if (err instanceof EpostTransportError) return { kind: 'unknown', cause: err.message };
        throw err;
      }
      const result = toInsertOrderResult(flatFields(root));
      // an answer without one well-formed number is as good as no answer: Korea Post may still have
      // registered it, and GetResInfo will tell (never write a malformed number into godomall)
      if (!result.regiNo || !result.reqNo) return { kind: 'unknown', cause: '우체국 응답에 등기번호가 없습니다' };
      if (!isRegiNoValue(result.regiNo) || findAll(root, 'regiNo').length > 1) {
        return { kind: 'unknown', cause: `우체국 응답의 등기번호를 해석할 수 없습니다 (${result.regiNo.slice(0, 20)})` };
      }
      // the browser sent it twice by itself: the first copy may be registered too (issue.ts looks)
      return resent ? { kind: 'ok', result, resent } : { kind: 'ok', result };
    },

    getResInfo: (q) =>
      readList(
        'GetResInfo',
        [
          ['custNo', q.custNo],
          ['reqType', q.reqType],
          ['orderNo', q.orderNo],
          ['reqYmd', q.reqYmd],
        ],
        strictResInfo,
      ),

    async cancel(input: CancelInput) {
      const fields: RegDataField[] = [
        ['custNo', input.custNo],
        ['apprNo', input.apprNo],
        ['reqType', input.reqType],
        ['reqNo', input.reqNo],
        ['resNo', input.resNo],
        ['regiNo', input.regiNo],
        ['delYn', input.delYn],
        ['reqYmd', input.reqYmd],
      ];
      const root = await send('GetResCancelCmd', { regData: await encrypted(fields) });
      const result = toCancelResult(flatFields(root));
      if (!result.canceledYn) throw new EpostTransportError('우체국 취소 응답을 해석할 수 없습니다', 200, true);
      return result;
    },
  };
}
