// Both tracking formats parsed from hand-written answers in the shapes Korea Post is known to use
// (dates as yyyymmdd+hhmmss, yyyy.mm.dd, yyyy-mm-dd, with or without a time).
import { describe, expect, it } from 'vitest';
import { EpostError } from '../../../lib/epost/errors';
import { parseLongitudinalAnswer, parseTraceAnswer } from '../../../lib/epost/tracking';
import { parseXml } from '../../../lib/epost/xml';

const KST = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 9, mi, s);

describe('contract-customer trace answers', () => {
  const xml = `<?xml version='1.0' encoding="utf-8"?><xsync><xsyncData>
    <regino><![CDATA[ 6892122316034 ]]></regino><sendnm><![CDATA[ 테*상점 ]]></sendnm><recevnm><![CDATA[ 홍*동 ]]></recevnm>
    <mailkindnm>국내택배</mailkindnm><delivrsltnm><![CDATA[ 미배달 ]]></delivrsltnm>
    <itemlist>
      <item><eventymd>20191207</eventymd><eventhms>093001</eventhms><eventregiponm>진안</eventregiponm><eventnm><![CDATA[ 미배달 ]]></eventnm><nondelivreasnnm><![CDATA[ 폐문부재 ]]></nondelivreasnnm></item>
      <item><eventymd>20191206</eventymd><eventhms>131551</eventhms><eventregiponm>장성우체국</eventregiponm><eventnm><![CDATA[ 접수 ]]></eventnm><nondelivreasnnm/></item>
      <item><eventymd>2019.12.06</eventymd><eventhms>18:20</eventhms><eventregiponm>전주M</eventregiponm><eventnm>도착</eventnm></item>
    </itemlist></xsyncData></xsync>`;

  it('normalises events, oldest first, with KST times', () => {
    const r = parseTraceAnswer('6892122316034', parseXml(xml));
    expect(r).toMatchObject({ regiNo: '6892122316034', found: true, senderName: '테*상점', receiverName: '홍*동' });
    expect(r.events.map((e) => [e.status, e.location, e.at])).toEqual([
      ['accepted', '장성우체국', KST(2019, 12, 6, 13, 15, 51)],
      ['arrived', '전주M', KST(2019, 12, 6, 18, 20)],
      ['undelivered', '진안', KST(2019, 12, 7, 9, 30, 1)],
    ]);
    expect(r.events[2]!.detail).toBe('폐문부재');
    expect(r.events[0]!.when).toBe('2019-12-06 13:15');
  });

  it('ERR-001 is pending; other errors throw', () => {
    const pending = parseTraceAnswer(
      '6892122316034',
      parseXml('<xsync><error><error_code>ERR-001</error_code><message>조회결과가 없습니다.</message></error></xsync>'),
    );
    expect(pending.found).toBe(false);
    expect(() =>
      parseTraceAnswer('1', parseXml('<xsync><error><error_code>ERR-123</error_code><message>키</message></error></xsync>')),
    ).toThrow(EpostError);
  });
});

describe('data.go.kr answers', () => {
  it('parses yyyy-mm-dd dates with and without a time', () => {
    const xml = `<response><cmmMsgHeader><successYN>Y</successYN><returnCode>00</returnCode><errMsg/></cmmMsgHeader><msgBody>
      <applcntNm>테*상점</applcntNm><addrseNm>홍*동</addrseNm><rgist>6892122316034</rgist>
      <longitudinalDomesticList><dlvyDate>2019-12-06</dlvyDate><dlvyTime>13:15</dlvyTime><nowLc>장성우체국</nowLc><processSttus>접수</processSttus><detailDc/></longitudinalDomesticList>
      <longitudinalDomesticList><dlvyDate>2019-12-07 10:05</dlvyDate><dlvyTime/><nowLc>진안</nowLc><processSttus>배달완료 ( 배달 )</processSttus><detailDc>본인</detailDc></longitudinalDomesticList>
      <longitudinalDomesticList><dlvyDate>2019.12.07</dlvyDate><dlvyTime/><nowLc>진안</nowLc><processSttus>배달준비</processSttus><detailDc/></longitudinalDomesticList>
    </msgBody></response>`;
    const r = parseLongitudinalAnswer('6892122316034', parseXml(xml));
    expect(r.events.map((e) => [e.status, e.at])).toEqual(
      [
        ['outForDelivery', KST(2019, 12, 7)],
        ['accepted', KST(2019, 12, 6, 13, 15)],
        ['delivered', KST(2019, 12, 7, 10, 5)],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    );
    expect(r.events.at(-1)!.detail).toBe('본인');
    expect(r.receiverName).toBe('홍*동');
  });

  it('no data is pending; a key error and the request limit are errors', () => {
    const none = `<response><cmmMsgHeader><successYN>N</successYN><returnCode>03</returnCode><errMsg>조회결과가 없습니다.</errMsg></cmmMsgHeader></response>`;
    expect(parseLongitudinalAnswer('1', parseXml(none)).found).toBe(false);
    const badKey = `<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg><returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg><returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>`;
    expect(() => parseLongitudinalAnswer('1', parseXml(badKey))).toThrow(/인증키/);
    const limit = `<response><cmmMsgHeader><successYN>N</successYN><returnCode>22</returnCode><errMsg>LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR</errMsg></cmmMsgHeader></response>`;
    expect(() => parseLongitudinalAnswer('1', parseXml(limit))).toThrow(/한도/);
  });
});
