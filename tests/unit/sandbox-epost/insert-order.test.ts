import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { callApi, errorOf, insertOrder, startAt, validOrder } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterAll(() => sb.close());

const KST_DAY = '20260116'; // T0 is 2026-01-15 15:30 UTC = 2026-01-16 00:30 KST

describe('epost sandbox: InsertOrder', () => {
  it('registers a parcel with numbers in the real formats (KST dates)', async () => {
    const raw = await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'fmt-1' }));
    expect(raw.text).toContain('<regipoNm>'); // sic: InsertOrder's own casing
    const r = raw.doc.xsync;
    expect(r.regiNo).toMatch(/^6\d{12}$/);
    expect(r.reqNo).toMatch(new RegExp(`^${KST_DAY}\\d{10}$`));
    expect(r.resNo).toMatch(new RegExp(`^${KST_DAY}\\d{8}$`));
    expect(r.resNo).not.toBe(`${KST_DAY}00000000`);
    expect(r.resDate).toMatch(new RegExp(`^${KST_DAY}0030\\d{2}$`));
    expect(r).toMatchObject({
      orderNo: 'fmt-1',
      regipoNm: '서울중앙우체국',
      price: '4000',
      arrCnpoNm: '광주M',
      delivPoNm: '광주',
      islandAddFee: '0',
      insuFee: '0',
    });
    expect(r.vTelNo).toMatch(/^0505\d{7}$/);
    expect(r.delivAreaCd).toMatch(/^광\d{8}$/);
    expect(r.courseNo).toMatch(/^\d{4}$/);
    expect(r.refineZip).toBeUndefined();
  });

  it('착불 numbers start with 7; every number is unique', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await insertOrder(sb, { orderNo: `uniq-${i}`, payType: i % 2 ? '2' : '1' });
      expect(r.regiNo).toMatch(i % 2 ? /^7\d{12}$/ : /^6\d{12}$/);
      seen.add(r.regiNo);
    }
    expect(seen.size).toBe(20);
  });

  it('printAreaCdYn=Y adds refineZip, refineAddr and printAreaCd; no recMob → empty vTelNo; 제주 surcharge', async () => {
    const r = await insertOrder(sb, {
      orderNo: 'pa-1',
      printAreaCdYn: 'Y',
      recMob: '',
      recTel: '0641234567',
      recZip: '63309',
      recAddr1: '제주특별자치도  제주시 첨단로 1',
    });
    expect(r).toMatchObject({
      refineZip: '63309',
      refineAddr: '제주특별자치도 제주시 첨단로 1',
      vTelNo: '',
      islandAddFee: '3000',
      arrCnpoNm: '제주M',
    });
    expect(r.printAreaCd).toMatch(/^제\d{2}-\d{3}-\d{3}$/);
  });

  it('test mode: regiNo TESTREGINOAPI, resNo YYYYMMDD00000000, not tracked', async () => {
    const r = await insertOrder(sb, { orderNo: 'test-1', testYn: 'Y' });
    expect(r.regiNo).toBe('TESTREGINOAPI');
    expect(r.resNo).toBe(`${KST_DAY}00000000`);
    expect(sb.control.parcel('TESTREGINOAPI')).toBeUndefined();
    expect(sb.control.registrations('test-1')).toHaveLength(1);
  });

  it('counts every registration per orderNo, duplicates included (no idempotency, like the real one)', async () => {
    const a = await insertOrder(sb, { orderNo: 'dup-1' });
    const b = await insertOrder(sb, { orderNo: 'dup-1' });
    expect(a.regiNo).not.toBe(b.regiNo);
    const res = await fetch(`${sb.url}/__sandbox/registrations?orderNo=dup-1`);
    const body = (await res.json()) as { count: number; registrations: { regiNo: string }[] };
    expect(body.count).toBe(2);
    expect(body.registrations.map((x) => x.regiNo)).toEqual([a.regiNo, b.regiNo]);
    // refused calls are not registrations
    await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'dup-1', recNm: '' }));
    expect(sb.control.registrations('dup-1')).toHaveLength(2);
  });

  it.each([
    [{ custNo: '' }, 'ERR-211 필수항목누락-고객번호(custNo) 값이 없습니다.'],
    [{ custNo: '0000000001' }, 'ERR-121 고객번호(custNo)가 일치하지 않습니다.'],
    [{ apprNo: '1234567890' }, 'ERR-123 승인번호(apprNo)가 일치하지 않습니다.'],
    [{ apprNo: '7001990001' }, 'ERR-123 승인번호(apprNo)가 일치하지 않습니다.'],
    [{ payType: '3' }, /^ERR-321 .*payType/],
    [{ reqType: '' }, 'ERR-111 필수항목누락-신청구분(reqType) 값이 없습니다.'],
    [{ officeSer: '' }, 'ERR-211 필수항목누락-공급지코드(officeSer) 값이 없습니다.'],
    [{ officeSer: 'NOPE' }, /^ERR-212 .*officeSer/],
    [{ microYn: '' }, 'ERR-311 필수항목누락-초소형여부(microYn) 값이 없습니다.'],
    [{ microYn: 'X' }, /^ERR-321 .*microYn/],
    [{ orderNo: '' }, /^ERR-311 .*orderNo/],
    [{ orderNo: 'x'.repeat(51) }, /^ERR-331 .*orderNo.*50byte/],
    [{ ordCompNm: '' }, /^ERR-311 .*ordCompNm/],
    [{ recNm: '' }, 'ERR-311 필수항목누락-수취인명(recNm) 값이 없습니다.'],
    [{ recNm: '가'.repeat(14) }, /^ERR-331 .*recNm.*40byte/],
    [{ recZip: '6145' }, /^ERR-322 .*recZip/],
    [{ recZip: '' }, /^ERR-311 .*recZip/],
    [{ recAddr1: '' }, 'ERR-311 필수항목누락-수취인(반품인) 주소(recAddr1) 값이 없습니다.'],
    [{ recAddr2: '' }, /^ERR-311 .*recAddr2/],
    [{ recMob: '' }, 'ERR-311 필수항목누락-수취인(반품인) 전화번호(recTel), 이동통신(recMob) 값이 없습니다.'],
    [{ recMob: '010-1234-5678' }, 'ERR-323 데이터오류-수취인(반품인) 휴대폰번호(recMob)가 유효하지 않습니다.'],
    [{ recMob: '0212345678' }, /^ERR-323/],
    [{ recTel: '02-123' }, /^ERR-324 .*recTel/],
    [{ contCd: '' }, /^ERR-311 .*contCd/],
    [{ contCd: '030' }, /^ERR-325 .*contCd/],
    [{ goodsNm: '' }, 'ERR-511 필수항목누락-상품명(goodsNm) 값이 없습니다.'],
    [{ weight: '2.5' }, 'ERR-122 데이터오류-무게(weight)는 숫자(정수)로만 입력가능합니다.'],
    [{ weight: '31' }, /^ERR-124 .*weight/],
    [{ volume: 'big' }, /^ERR-122 .*volume/],
    [{ volume: '161' }, /^ERR-125 .*volume/],
    [{ packngMtrCd: '02' }, /^ERR-326 .*packngMtrCd/],
    [{ insuYn: 'Y' }, /^ERR-327 .*insuAmt/],
    [{ delivMsg: '빨'.repeat(67) }, /^ERR-331 .*delivMsg.*200byte/],
    [{ goodsNm: '옷'.repeat(134) }, /^ERR-331 .*goodsNm.*400byte/],
  ])('refuses %o', async (over, expected) => {
    const fields = Object.fromEntries(Object.entries(validOrder({ orderNo: 'bad-1', ...over })).filter(([, v]) => v !== ''));
    const message = errorOf(await callApi(sb, 'InsertOrder', fields));
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    expect(sb.control.registrations('bad-1')).toHaveLength(0);
  });

  it('accepts the limits exactly (UTF-8 bytes) and the option parameter', async () => {
    const r = await callApi(sb, 'InsertOrder', validOrder({ orderNo: 'lim-1', recNm: '가'.repeat(13), weight: '30', volume: '160' }), {
      extra: { option: '001' },
    });
    expect(errorOf(r)).toBeUndefined();
    expect(r.doc.xsync.price).toBe('8000');
    expect(r.text).toContain('<notifyMsg>');
  });
});

describe('epost sandbox: GetResInfo', () => {
  it('finds registrations by orderNo + KST date, with status 02 (printYn Y/empty) or 01 (printYn N)', async () => {
    const a = await insertOrder(sb, { orderNo: 'res-1' });
    const b = await insertOrder(sb, { orderNo: 'res-2', printYn: 'N' });
    const r = await callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType: '1', orderNo: 'res-1', reqYmd: KST_DAY });
    expect(r.text).toContain('<regiPoNm>');
    expect(r.doc.xsync.resInfo).toHaveLength(1);
    expect(r.doc.xsync.resInfo[0]).toMatchObject({
      regiNo: a.regiNo,
      reqNo: a.reqNo,
      resNo: a.resNo,
      resDate: a.resDate,
      price: a.price,
      treatStusCd: '02',
    });
    const rb = await callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType: '1', orderNo: 'res-2', reqYmd: KST_DAY });
    expect(rb.doc.xsync.resInfo[0]).toMatchObject({ regiNo: b.regiNo, treatStusCd: '01' });
  });

  it('the UTC date does not find it: ERR-225', async () => {
    await insertOrder(sb, { orderNo: 'res-3' });
    const r = await callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType: '1', orderNo: 'res-3', reqYmd: '20260115' });
    expect(errorOf(r)).toBe('ERR-225 신청정보가 존재하지 않습니다.(신청일자와 주문번호를 다시 확인해주십시오)');
    const none = await callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType: '1', orderNo: 'never', reqYmd: KST_DAY });
    expect(errorOf(none)).toMatch(/^ERR-225/);
  });

  it('lists every registration of a duplicated orderNo; finds test-mode ones too', async () => {
    await insertOrder(sb, { orderNo: 'res-dup' });
    await insertOrder(sb, { orderNo: 'res-dup' });
    await insertOrder(sb, { orderNo: 'res-dup', testYn: 'Y' });
    const r = await callApi(sb, 'GetResInfo', { custNo: '0005085217', reqType: '1', orderNo: 'res-dup', reqYmd: KST_DAY });
    expect(r.doc.xsync.resInfo.map((x: { regiNo: string }) => x.regiNo).at(-1)).toBe('TESTREGINOAPI');
    expect(r.doc.xsync.resInfo).toHaveLength(3);
  });

  it.each([
    [{ custNo: '' }, 'ERR-211 필수항목누락-고객번호(custNo) 값이 없습니다.'],
    [{ custNo: '1111111111' }, 'ERR-223 계약소포를 사용하는 고객번호(custNo)가 아닙니다.'],
    [{ orderNo: '' }, /^ERR-511 .*orderNo/],
    [{ reqYmd: '' }, /^ERR-511 .*reqYmd/],
    [{ reqYmd: '2026-01-16' }, /^ERR-322 .*reqYmd/],
  ])('validates %o', async (over, expected) => {
    const fields = Object.fromEntries(
      Object.entries({ custNo: '0005085217', reqType: '1', orderNo: 'res-1', reqYmd: KST_DAY, ...over }).filter(([, v]) => v !== ''),
    );
    expect(errorOf(await callApi(sb, 'GetResInfo', fields))).toMatch(expected);
  });
});
