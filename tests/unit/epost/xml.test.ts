import { describe, expect, it } from 'vitest';
import { EpostError, EpostTransportError, isApiKeyError } from '../../../lib/epost/errors';
import { findAll, parseEpostResponse, parseXml, recordsOf, textOf } from '../../../lib/epost/xml';

const DECL = `<?xml version='1.0' encoding="utf-8"?>\n`;

describe('Korea Post XML', () => {
  it('trims CDATA padding and matches names case-insensitively, whatever the root', () => {
    for (const root of ['xsync', 'response', 'Result']) {
      const doc = parseXml(`${DECL}<${root}><regiPoNm><![CDATA[ 장성우체국   ]]></regiPoNm><custNo> 0005085217 </custNo></${root}>`);
      expect(textOf(doc, 'regipoNm')).toBe('장성우체국');
      expect(textOf(doc, 'REGIPONM')).toBe('장성우체국');
      expect(textOf(doc, 'custNo')).toBe('0005085217'); // leading zeros kept
      expect(textOf(doc, 'missing')).toBe('');
    }
  });

  it('keeps entities inside CDATA literal and decodes them outside', () => {
    const doc = parseXml(`<x><a><![CDATA[A &amp; B]]></a><b>C &amp; D</b></x>`);
    expect(textOf(doc, 'a')).toBe('A &amp; B');
    expect(textOf(doc, 'b')).toBe('C & D');
  });

  it('finds repeated records anywhere', () => {
    const doc = parseXml(
      `${DECL}<xsync><list><contractInfo><apprNo>1</apprNo></contractInfo></list>` +
        `<ContractInfo><apprNo>2</apprNo><postNm><![CDATA[ 서울 ]]></postNm></ContractInfo></xsync>`,
    );
    expect(findAll(doc, 'contractinfo')).toHaveLength(2);
    expect(recordsOf(doc, 'contractInfo', 'apprNo')).toEqual([{ apprno: '1' }, { apprno: '2', postnm: '서울' }]);
  });

  it('falls back to a single flat record when there is no item element', () => {
    const doc = parseXml(`<xsync><reqNo>1</reqNo><regiNo>2</regiNo></xsync>`);
    expect(recordsOf(doc, 'resInfo', 'regiNo')).toEqual([{ reqno: '1', regino: '2' }]);
    expect(recordsOf(parseXml('<xsync/>'), 'resInfo', 'regiNo')).toEqual([]);
  });

  it('turns an <error> answer into EpostError with the Korean message', () => {
    const xml = `${DECL}<xsync><error><error_code><![CDATA[ERR-225 ]]></error_code><message><![CDATA[ 신청정보가 존재하지 않습니다.(신청일자와 주문번호를 다시 확인해주십시오) ]]></message></error></xsync>`;
    try {
      parseEpostResponse(xml);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EpostError);
      expect((e as EpostError).code).toBe('ERR-225');
      expect((e as EpostError).koreanMessage).toBe('신청정보가 존재하지 않습니다.(신청일자와 주문번호를 다시 확인해주십시오)');
    }
    expect(() => parseEpostResponse(`<Error><ERROR_CODE>ERR-131</ERROR_CODE><MESSAGE>부하</MESSAGE></Error>`)).toThrow(
      expect.objectContaining({ code: 'ERR-131', isLoadBlock: true }),
    );
  });

  it('accepts an error_code without the <error> wrapper', () => {
    expect(() => parseEpostResponse(`<xsync><error_code>ERR-001</error_code><message>조회결과가 없습니다.</message></xsync>`)).toThrow(
      expect.objectContaining({ code: 'ERR-001', koreanMessage: '조회결과가 없습니다.' }),
    );
  });

  it.each(['', '   ', '<xsync><regiNo>1</xsync>', '<html><body>502 Bad Gateway', 'not xml at all'])(
    'malformed %j → EpostTransportError that may have committed',
    (xml) => {
      try {
        parseEpostResponse(xml);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(EpostTransportError);
        expect((e as EpostTransportError).maybeCommitted).toBe(true);
      }
    },
  );
});

describe('isApiKeyError', () => {
  it('tells an 인증키 problem from a wrong 승인번호 sharing ERR-123', () => {
    expect(isApiKeyError(new EpostError('ERR-123', '등록되지 않거나 유효하지 않은 인증키입니다.'))).toBe(true);
    expect(isApiKeyError(new EpostError('ERR-111', '필수항목누락-인증키(key) 값이 없습니다.'))).toBe(true);
    expect(isApiKeyError(new EpostError('ERR-123', '승인번호(apprNo)가 일치하지 않습니다.'))).toBe(false);
    expect(isApiKeyError(new EpostTransportError('x'))).toBe(false);
  });
});
