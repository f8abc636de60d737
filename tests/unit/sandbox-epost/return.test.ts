// 반품소포 (InsertOrder reqType=2) as epost-openapi.md words the manual's rules: no 집배코드 group in
// the answer, status 01 whatever printYn says, cancellable only at 01, the courier's visit on retVisitYmd.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { callApi, errorOf, insertOrder, startAt, validOrder, type Doc } from './helpers.ts';

let sb: EpostSandbox;
beforeEach(async () => {
  sb = await startAt();
});
afterEach(() => sb.close());

const KST_DAY = '20260116'; // T0 is 2026-01-16 00:30 KST
const SORTING = ['arrCnpoNm', 'delivPoNm', 'delivAreaCd', 'courseNo', 'refineZip', 'refineAddr', 'printAreaCd'];

const lookUp = async (orderNo: string, reqType = '2') =>
  callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType, orderNo, reqYmd: KST_DAY });

const cancel = (p: Doc, delYn = 'Y') =>
  callApi(sb, 'GetResCancelCmd', {
    custNo: '0005085217',
    apprNo: '7002080922',
    reqType: '2',
    reqNo: p.reqNo,
    resNo: p.resNo,
    regiNo: p.regiNo,
    delYn,
  });

async function control(body: Record<string, unknown>): Promise<Doc> {
  const res = await fetch(`${sb.url}/__sandbox/parcel`, { method: 'POST', body: JSON.stringify(body) });
  return (await res.json()) as Doc;
}

describe('epost sandbox: 반품소포 (reqType=2)', () => {
  it('answers without the 집배코드 group, even with printAreaCdYn=Y; a 일반소포 answer has it', async () => {
    const outbound = await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'ob-1', printAreaCdYn: 'Y' }));
    for (const name of SORTING) expect(outbound.text).toContain(`<${name}>`);

    const ret = await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'rt-1', reqType: '2', printAreaCdYn: 'Y' }));
    expect(errorOf(ret)).toBeUndefined();
    for (const name of SORTING) expect(ret.text).not.toContain(`<${name}>`);
    expect(ret.doc.xsync).toMatchObject({ orderNo: 'rt-1', resDate: expect.stringMatching(/^20260116\d{6}$/) });
    expect(ret.doc.xsync.regiNo).toMatch(/^\d{13}$/);
    expect(ret.doc.xsync.reqNo).toMatch(/^20260116\d{10}$/);
  });

  it.each([['Y'], [''], ['N']])('is at 01 소포신청 right after, whatever printYn says (printYn=%s)', async (printYn) => {
    const p = await insertOrder(sb, { orderNo: `rt-p${printYn}`, reqType: '2', ...(printYn ? { printYn } : {}) });
    const rows = (await lookUp(`rt-p${printYn}`)).doc.xsync.resInfo as Doc[];
    expect(rows.map((r) => [r.regiNo, r.treatStusCd])).toEqual([[p.regiNo, '01']]);
    // the same request as a 일반소포 starts at 02 unless printYn=N
    await insertOrder(sb, { orderNo: `ob-p${printYn}`, ...(printYn ? { printYn } : {}) });
    expect((await lookUp(`ob-p${printYn}`, '1')).doc.xsync.resInfo[0].treatStusCd).toBe(printYn === 'N' ? '01' : '02');
  });

  it('cancels at 01 even when printYn=Y was sent: canceledyn D and a new number; gone from GetResInfo', async () => {
    const p = await insertOrder(sb, { orderNo: 'rt-c1', reqType: '2', printYn: 'Y' });
    const r = (await cancel(p)).doc.xsync;
    expect(r).toMatchObject({ canceledyn: 'D', cancelRegiNo: p.regiNo, notcancelReason: '' });
    expect(r.regiNo).toMatch(/^\d{13}$/);
    expect(r.regiNo).not.toBe(p.regiNo);
    expect(errorOf(await lookUp('rt-c1'))).toMatch(/^ERR-225 /);
  });

  it('delYn=N on a return: canceledyn Y and a 05 row', async () => {
    const p = await insertOrder(sb, { orderNo: 'rt-c2', reqType: '2' });
    expect((await cancel(p, 'N')).doc.xsync.canceledyn).toBe('Y');
    expect((await lookUp('rt-c2')).doc.xsync.resInfo[0].treatStusCd).toBe('05');
  });

  it('once the courier printed the waybill (02) or collected it (03), a return cannot be cancelled', async () => {
    const p = await insertOrder(sb, { orderNo: 'rt-c3', reqType: '2', printYn: 'N' });
    expect((await control({ regiNo: p.regiNo, action: 'printWaybill' })).treatStusCd).toBe('02');
    expect((await lookUp('rt-c3')).doc.xsync.resInfo[0].treatStusCd).toBe('02');
    const printed = (await cancel(p)).doc.xsync;
    expect(printed).toMatchObject({ canceledyn: 'N', notcancelReason: '운송장이 출력된 반품소포는 취소할 수 없습니다.' });

    const q = await insertOrder(sb, { orderNo: 'rt-c4', reqType: '2' });
    sb.control.parcelAction(q.regiNo, { action: 'pickUp' });
    expect((await lookUp('rt-c4')).doc.xsync.resInfo[0].treatStusCd).toBe('03');
    expect((await cancel(q)).doc.xsync).toMatchObject({ canceledyn: 'N', notcancelReason: '집하완료된 소포는 취소할 수 없습니다.' });
  });

  it('the courier visits on retVisitYmd (default: tomorrow, KST): no pickup scan before that day', async () => {
    const p = await insertOrder(sb, { orderNo: 'rt-v1', reqType: '2' });
    expect(sb.control.parcel(p.regiNo)).toMatchObject({ retVisitYmd: '20260117', stage: 'registered' });
    sb.control.advanceHours(12); // 12:30 KST on the day of the request: a 일반소포 would be scanned by now
    expect(sb.control.parcel(p.regiNo)).toMatchObject({ stage: 'registered', treatStusCd: '01' });
    sb.control.advanceHours(22); // 10:30 KST on the visit day
    expect(sb.control.parcel(p.regiNo)).toMatchObject({ stage: 'accepted', treatStusCd: '03' });

    const later = await insertOrder(sb, { orderNo: 'rt-v2', reqType: '2', retVisitYmd: '20260120' });
    expect(sb.control.parcel(later.regiNo)).toMatchObject({ retVisitYmd: '20260120', stage: 'registered' });
  });

  it.each([['2026-01-20'], ['20260230'], ['2026012']])('refuses a retVisitYmd that is not a YYYYMMDD day (%s)', async (retVisitYmd) => {
    const r = await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'rt-bad', reqType: '2', retVisitYmd }));
    expect(errorOf(r)).toMatch(/^ERR-322 데이터오류-반품방문희망일자\(retVisitYmd\)/);
    expect(sb.control.registrations('rt-bad')).toHaveLength(0);
  });
});
