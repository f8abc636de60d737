import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { callApi, errorOf, startAt } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterAll(() => sb.close());

const CUST = '0005085217';

describe('epost sandbox: account messages', () => {
  it('GetCustNo: member id → 10-digit 고객번호; unknown id → error; missing → ERR-511', async () => {
    const r = await callApi(sb, 'GetCustNo', { memberID: 'testshop' });
    expect(r.doc.xsync.custNo).toMatch(/^\d{10}$/);
    expect(errorOf(await callApi(sb, 'GetCustNo', { memberID: 'someoneelse' }))).toBe('ERR-511 고객번호(custNo)가 존재하지 않습니다.');
    expect(errorOf(await callApi(sb, 'GetCustNo', { memberID: '' }))).toBe(
      'ERR-511 필수항목누락-인터넷우체국 회원 아이디 ID(memberID) 값이 없습니다.',
    );
  });

  it('GetApprNo: active contracts by default (즉납 + 후납), 해지 with statusCd=4, all with A', async () => {
    const active = (await callApi(sb, 'GetApprNo', { custNo: CUST })).doc.xsync.contractInfo;
    expect(active.map((c: { apprNo: string }) => c.apprNo)).toEqual(['7002080922', '7002080923']);
    expect(active[0]).toMatchObject({ payTypeCd: '10', payTypeNm: '즉납', postNm: '서울중앙우체국', statusNm: '승인' });
    expect(active[1]).toMatchObject({ payTypeCd: '12', payTypeNm: '후납', postNm: '광주우체국' });
    const closed = (await callApi(sb, 'GetApprNo', { custNo: CUST, statusCd: '4' })).doc.xsync.contractInfo;
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ statusNm: '해지', closedYmd: '20191231' });
    expect((await callApi(sb, 'GetApprNo', { custNo: CUST, statusCd: 'A' })).doc.xsync.contractInfo).toHaveLength(3);
    expect((await callApi(sb, 'GetApprNo', { custNo: CUST, statusCd: 'A', expiredYn: 'Y' })).doc.xsync.contractInfo).toHaveLength(1);
  });

  it('GetApprNo: custNo missing / foreign / bad statusCd', async () => {
    expect(errorOf(await callApi(sb, 'GetApprNo', { custNo: '' }))).toBe('ERR-211 필수항목누락-고객번호(custNo) 값이 없습니다.');
    expect(errorOf(await callApi(sb, 'GetApprNo', { custNo: '0000000001' }))).toMatch(/^ERR-121 고객번호\(custNo\)가 일치하지 않습니다/);
    expect(errorOf(await callApi(sb, 'GetApprNo', { custNo: CUST, statusCd: '9' }))).toMatch(/^ERR-321 .*statusCd/);
  });

  it('GetOfficeInfo lists the seeded 공급지', async () => {
    const offices = (await callApi(sb, 'GetOfficeInfo', { custNo: CUST })).doc.xsync.officeInfo;
    expect(offices[0]).toMatchObject({ officeSer: '01', officeZip: '04524', officeTelno: '02-1234-5678', contactNm: '김담당' });
    expect(offices[0].officeAddr).toContain('세종대로 110');
    expect(errorOf(await callApi(sb, 'GetOfficeInfo', { custNo: CUST, officeDivReqCd: '2' }))).toMatch(/^ERR-225/);
  });

  const office = {
    custNo: CUST,
    officeSer: 'WH-2',
    officeNm: '제2창고',
    officeZip: '61452',
    officeAddr1: '광주광역시 동구 금남로 1',
    officeAddr2: '지하 1층',
    officeTelno: '062-123-4567',
    contactNm: '박담당',
  };

  it('InsertOffice registers a 공급지 (chkResult Y, regiPoNm) and refuses a duplicate with ERR-226', async () => {
    const r = await callApi(sb, 'InsertOffice', office);
    expect(r.doc.xsync).toMatchObject({ chkResult: 'Y', regiPoNm: '서울중앙우체국' });
    const listed = (await callApi(sb, 'GetOfficeInfo', { custNo: CUST })).doc.xsync.officeInfo;
    expect(listed.map((o: { officeSer: string }) => o.officeSer)).toContain('WH-2');
    expect(errorOf(await callApi(sb, 'InsertOffice', office))).toBe('ERR-226 이미 등록된 공급지코드(officeSer) 입니다.');
  });

  it.each([
    [{ officeSer: '' }, /^ERR-211 필수항목누락-공급지코드\(officeSer\)/],
    [{ officeSer: 'X'.repeat(21) }, /^ERR-331 .*officeSer/],
    [{ officeNm: '' }, /^ERR-311 필수항목누락-공급지명\(officeNm\)/],
    [{ officeZip: '1234' }, /^ERR-322 .*officeZip/],
    [{ officeAddr1: '' }, /^ERR-311 .*officeAddr1/],
    [{ officeTelno: '전화없음' }, /^ERR-324 .*officeTelno/],
    [{ contactNm: '' }, /^ERR-311 .*contactNm/],
    [{ contactMobile: '0101' }, /^ERR-323 .*contactMobile/],
    [{ contactEmail: 'not-an-email' }, /^ERR-328 .*contactEmail/],
  ])('InsertOffice validates %o', async (over, expected) => {
    const fields = Object.fromEntries(Object.entries({ ...office, officeSer: 'NEW', ...over }).filter(([, v]) => v !== ''));
    expect(errorOf(await callApi(sb, 'InsertOffice', fields))).toMatch(expected);
  });

  it('GetStoppedZipCd: plain zipCd (not encrypted), ranges and single codes', async () => {
    const all = (await callApi(sb, 'GetStoppedZipCd', {}, { regData: null })).doc.xsync;
    expect(all.stoppedZipCdInfo.length).toBeGreaterThanOrEqual(4);
    expect(all.stoppedZipCdInfo.some((r: { endZipCd: string }) => r.endZipCd === '')).toBe(true);
    const inRange = (await callApi(sb, 'GetStoppedZipCd', {}, { regData: null, extra: { zipCd: '40230' } })).doc.xsync;
    expect(inRange.stoppedZipCdInfo[0]).toMatchObject({ areaNm: '경북 울릉군', strtZipCd: '40200', endZipCd: '40240' });
    const single = (await callApi(sb, 'GetStoppedZipCd', {}, { regData: null, extra: { zipCd: '63365' } })).doc.xsync;
    expect(single.stoppedZipCdInfo[0].areaNm).toContain('우도');
    // the manual: a postcode that is not stopped is ERR-125, a malformed one ERR-123
    expect(errorOf(await callApi(sb, 'GetStoppedZipCd', {}, { regData: null, extra: { zipCd: '61452' } }))).toBe(
      'ERR-125 해당 우편번호는 접수중지 우편번호가 아닙니다.',
    );
    expect(errorOf(await callApi(sb, 'GetStoppedZipCd', {}, { regData: null, extra: { zipCd: '614' } }))).toBe(
      'ERR-123 데이터오류-입력하신 접수중지 우편번호가 유효하지 않습니다.(숫자 5자리)',
    );
    expect(errorOf(await callApi(sb, 'GetStoppedZipCd', {}, { key: null, regData: null }))).toMatch(/^ERR-111/);
  });
});
