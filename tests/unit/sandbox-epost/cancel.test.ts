import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { callApi, errorOf, insertOrder, startAt, type Doc } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterAll(() => sb.close());

const cancelFields = (p: Doc, over: Record<string, string> = {}) => ({
  custNo: '0005085217',
  apprNo: '7002080922',
  reqType: '1',
  reqNo: p.reqNo,
  resNo: p.resNo,
  regiNo: p.regiNo,
  delYn: 'Y',
  ...over,
});

const resInfoFields = (orderNo: string) => ({ custNo: '0005085217', reqType: '1', orderNo, reqYmd: '20260116' });
const resInfo = async (orderNo: string) => (await callApi(sb, 'GetResInfo', resInfoFields(orderNo))).doc.xsync.resInfo;

describe('epost sandbox: GetResCancelCmd', () => {
  it('delYn=Y cancels and deletes: canceledyn D, a NEW regiNo, the request is gone from GetResInfo', async () => {
    const p = await insertOrder(sb, { orderNo: 'cx-1' });
    const raw = await callApi(sb, 'GetResCancelCmd', cancelFields(p));
    expect(raw.text).toContain('<canceledyn>'); // sic: lower-case in this answer
    const r = raw.doc.xsync;
    expect(r).toMatchObject({ canceledyn: 'D', cancelRegiNo: p.regiNo, reqNo: p.reqNo, resNo: p.resNo, notcancelReason: '' });
    expect(r.regiNo).toMatch(/^6\d{12}$/);
    expect(r.regiNo).not.toBe(p.regiNo);
    expect(r.cancelDate).toMatch(/^20260116\d{6}$/);
    expect(errorOf(await callApi(sb, 'GetResInfo', resInfoFields('cx-1')))).toMatch(/^ERR-225 /);
    // a later registration never gets either number
    const again = await insertOrder(sb, { orderNo: 'cx-1-r1' });
    expect([p.regiNo, r.regiNo]).not.toContain(again.regiNo);
  });

  it('delYn=N cancels only: canceledyn Y, and GetResInfo lists the request as 05 신청취소 next to a live one', async () => {
    const p = await insertOrder(sb, { orderNo: 'cx-n' });
    const live = await insertOrder(sb, { orderNo: 'cx-n' });
    const r = (await callApi(sb, 'GetResCancelCmd', cancelFields(p, { delYn: 'N' }))).doc.xsync;
    expect(r).toMatchObject({ canceledyn: 'Y', cancelRegiNo: p.regiNo, notcancelReason: '' });
    expect(r.regiNo).toMatch(/^6\d{12}$/);
    expect((await resInfo('cx-n')).map((x: Doc) => [x.regiNo, x.treatStusCd])).toEqual([
      [p.regiNo, '05'],
      [live.regiNo, '02'],
    ]);
  });

  it('refuses a second cancel and a cancel after 집하완료 (canceledyn N + reason)', async () => {
    const p = await insertOrder(sb, { orderNo: 'cx-2' });
    await callApi(sb, 'GetResCancelCmd', cancelFields(p));
    const twice = (await callApi(sb, 'GetResCancelCmd', cancelFields(p))).doc.xsync;
    expect(twice).toMatchObject({ canceledyn: 'N', notcancelReason: '이미 취소된 소포신청입니다.' });

    const q = await insertOrder(sb, { orderNo: 'cx-3' });
    sb.control.parcelAction(q.regiNo, { action: 'pickUp' });
    expect((await resInfo('cx-3'))[0].treatStusCd).toBe('03');
    const late = (await callApi(sb, 'GetResCancelCmd', cancelFields(q))).doc.xsync;
    expect(late).toMatchObject({ canceledyn: 'N', notcancelReason: '집하완료된 소포는 취소할 수 없습니다.' });
    expect((await resInfo('cx-3'))[0].treatStusCd).toBe('03');
  });

  it('a cancelled parcel shows 신청취소 in tracking; its replacement number is not tracked', async () => {
    const p = await insertOrder(sb, { orderNo: 'cx-4' });
    const r = (await callApi(sb, 'GetResCancelCmd', cancelFields(p))).doc.xsync;
    expect(sb.control.parcel(p.regiNo)?.events.map((e) => e.word)).toEqual(['신청취소']);
    expect(sb.control.parcel(r.regiNo)).toBeUndefined();
  });

  it('can cancel test-mode registrations', async () => {
    const p = await insertOrder(sb, { orderNo: 'cx-5', testYn: 'Y' });
    const r = (await callApi(sb, 'GetResCancelCmd', cancelFields(p))).doc.xsync;
    expect(r).toMatchObject({ canceledyn: 'D', regiNo: 'TESTREGINOAPI' });
  });

  it.each([
    [{ custNo: '' }, /^ERR-211 .*custNo/],
    [{ apprNo: '' }, /^ERR-511 .*apprNo/],
    [{ apprNo: '1231231231' }, /^ERR-123 승인번호/],
    [{ regiNo: '' }, /^ERR-511 .*regiNo/],
    [{ delYn: 'X' }, /^ERR-321 .*delYn/],
    [{ regiNo: '6000000000000' }, /^ERR-225/],
    [{ resNo: '2026011699999999' }, /^ERR-225/],
  ])('validates %o', async (over, expected) => {
    const p = await insertOrder(sb, { orderNo: 'cx-v' });
    const fields = Object.fromEntries(Object.entries(cancelFields(p, over)).filter(([, v]) => v !== ''));
    expect(errorOf(await callApi(sb, 'GetResCancelCmd', fields))).toMatch(expected);
    expect(sb.control.parcel(p.regiNo)?.treatStusCd).toBe('02');
  });
});
