// Korea Post answers → typed values. Field names arrive in varying case; xml.ts lower-cases them,
// so every lookup here is by lower-case name.

import { EpostTransportError } from './errors';
import type { CancelResult, Contract, InsertOrderResult, Office, ResInfo, StoppedZip } from './types';
import { recordsOf, type XmlNode } from './xml';

type Rec = Record<string, string>;
const get = (r: Rec, name: string) => r[name.toLowerCase()] ?? '';

/** Flat fields of a single-record answer (the whole document, first occurrence of each name wins). */
export function flatFields(root: XmlNode): Rec {
  const out: Rec = {};
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.children.length === 0) {
        if (!(c.name in out)) out[c.name] = c.text;
      } else walk(c);
    }
  };
  walk(root);
  return out;
}

export function requireField(r: Rec, name: string, what: string): string {
  const v = get(r, name);
  if (!v) throw new EpostTransportError(`우체국 응답에 ${what}(${name})이(가) 없습니다`, 200, true);
  return v;
}

export function toContract(r: Rec): Contract {
  return {
    apprNo: get(r, 'apprNo'),
    payTypeCd: get(r, 'payTypeCd'),
    payTypeNm: get(r, 'payTypeNm'),
    postNm: get(r, 'postNm'),
    statusNm: get(r, 'statusNm'),
    expiredYmd: get(r, 'expiredYmd'),
    closedYmd: get(r, 'closedYmd'),
  };
}

export function toOffice(r: Rec): Office {
  return {
    officeSer: get(r, 'officeSer'),
    officeNm: get(r, 'officeNm'),
    officeZip: get(r, 'officeZip'),
    officeAddr: get(r, 'officeAddr') || `${get(r, 'officeAddr1')} ${get(r, 'officeAddr2')}`.trim(),
    officeTelno: get(r, 'officeTelno'),
    contactNm: get(r, 'contactNm'),
  };
}

export function toStoppedZip(r: Rec): StoppedZip {
  const strtZipCd = get(r, 'strtZipCd');
  return {
    areaNm: get(r, 'areaNm'),
    strtZipCd,
    endZipCd: get(r, 'endZipCd') || strtZipCd,
    applyStrtYmd: get(r, 'applyStrtYmd'),
    applyEndYmd: get(r, 'applyEndYmd'),
    stopReason: get(r, 'stopReason'),
  };
}

export function toInsertOrderResult(r: Rec): InsertOrderResult {
  return {
    reqNo: get(r, 'reqNo'),
    resNo: get(r, 'resNo'),
    regiNo: get(r, 'regiNo'),
    orderNo: get(r, 'orderNo'),
    regiPoNm: get(r, 'regiPoNm'), // regipoNm on the wire; names are compared lower-cased
    resDate: get(r, 'resDate'),
    price: get(r, 'price'),
    vTelNo: get(r, 'vTelNo'),
    arrCnpoNm: get(r, 'arrCnpoNm'),
    delivPoNm: get(r, 'delivPoNm'),
    delivAreaCd: get(r, 'delivAreaCd'),
    courseNo: get(r, 'courseNo'),
    insuFee: get(r, 'insuFee'),
    islandAddFee: get(r, 'islandAddFee'),
    refineZip: get(r, 'refineZip'),
    refineAddr: get(r, 'refineAddr'),
    printAreaCd: get(r, 'printAreaCd'),
  };
}

export function toResInfo(r: Rec): ResInfo {
  return {
    reqNo: get(r, 'reqNo'),
    resNo: get(r, 'resNo'),
    regiNo: get(r, 'regiNo'),
    regiPoNm: get(r, 'regiPoNm'),
    resDate: get(r, 'resDate'),
    price: get(r, 'price'),
    vTelNo: get(r, 'vTelNo'),
    treatStusCd: get(r, 'treatStusCd'),
  };
}

export function toCancelResult(r: Rec): CancelResult {
  return {
    reqNo: get(r, 'reqNo'),
    resNo: get(r, 'resNo'),
    cancelRegiNo: get(r, 'cancelRegiNo'),
    cancelDate: get(r, 'cancelDate'),
    canceledYn: get(r, 'canceledYn').toUpperCase(),
    regiNo: get(r, 'regiNo'),
    notCancelReason: get(r, 'notCancelReason'),
  };
}

/** List answers: every repeated element; a single flat record when the fields sit directly in the answer. */
export function listOf<T>(root: XmlNode, item: string, probe: string, map: (r: Rec) => T): T[] {
  return recordsOf(root, item, probe).map(map);
}
