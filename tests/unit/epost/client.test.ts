import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EpostError, isApiKeyError } from '../../../lib/epost/errors';
import { kstYmd } from '../../../lib/epost/kst';
import type { EpostSandbox } from '../../sandbox/epost/server';
import { anOrder, clientFor, startSandbox } from './sandboxClient';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());
beforeEach(() => sb.control.reset());

const calls = (message: string) => sb.control.state().calls[message] ?? 0;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('account messages', () => {
  it('GetCustNo finds the 고객번호 of the 인터넷우체국 ID', async () => {
    expect(await clientFor(sb).getCustNo('testshop')).toBe('0005085217');
  });

  it('GetCustNo with an unknown ID is a Korea Post error', async () => {
    const err = await rejection(clientFor(sb).getCustNo('nobody'));
    expect(err).toBeInstanceOf(EpostError);
    expect((err as EpostError).code).toBe('ERR-511');
  });

  it('a wrong 보안키 shows up as the manual says: memberID missing', async () => {
    const err = (await rejection(clientFor(sb, { securityKey: 'wrongSecKey1234567890x' }).getCustNo('testshop'))) as EpostError;
    expect(err.code).toBe('ERR-511');
    expect(err.koreanMessage).toContain('memberID');
  });

  it("an invalid or expired 인증키 surfaces with Korea Post's message, not retried", async () => {
    const err = (await rejection(clientFor(sb, { apiKey: 'expiredKey000000000000000000000' }).getCustNo('testshop'))) as EpostError;
    expect(err).toBeInstanceOf(EpostError);
    expect(err.code).toBe('ERR-123');
    expect(err.koreanMessage).toBe('등록되지 않거나 유효하지 않은 인증키입니다.');
    expect(isApiKeyError(err)).toBe(true);
    expect(calls('GetCustNo')).toBe(1);
  });

  it('a missing 인증키 is ERR-111', async () => {
    const err = await rejection(clientFor(sb, { apiKey: '' }).getApprNo('0005085217'));
    expect(err).toMatchObject({ code: 'ERR-111' });
    expect(isApiKeyError(err)).toBe(true);
  });

  it('GetApprNo lists the contracts', async () => {
    const contracts = await clientFor(sb).getApprNo('0005085217');
    const prepaid = contracts.find((c) => c.apprNo === '7002080922');
    expect(prepaid).toEqual(expect.objectContaining({ payTypeCd: '10', payTypeNm: '즉납', postNm: '서울중앙우체국', statusNm: '승인' }));
    expect(contracts.map((c) => c.apprNo)).toContain('7002080923');
  });

  it('GetApprNo for a foreign 고객번호 is an error', async () => {
    expect(await rejection(clientFor(sb).getApprNo('0000000001'))).toMatchObject({ code: 'ERR-121' });
  });

  it('GetOfficeInfo lists the 공급지; InsertOffice adds one and refuses a duplicate', async () => {
    const client = clientFor(sb);
    expect((await client.getOfficeInfo('0005085217')).map((o) => o.officeSer)).toEqual(['01']);
    const office = {
      custNo: '0005085217',
      officeSer: 'WH2',
      officeNm: '제2물류센터',
      officeZip: '61475',
      officeAddr1: '광주광역시 동구 금남로 1',
      officeAddr2: '2층',
      officeTelno: '062-123-4567',
      contactNm: '김담당',
      contactMobile: '010-2222-3333',
    };
    const added = await client.insertOffice(office);
    expect(added.regiPoNm).not.toBe('');
    const offices = await client.getOfficeInfo('0005085217');
    expect(offices.find((o) => o.officeSer === 'WH2')).toMatchObject({
      officeNm: '제2물류센터',
      officeZip: '61475',
      officeAddr: '광주광역시 동구 금남로 1 2층',
    });
    expect(await rejection(client.insertOffice(office))).toMatchObject({ code: 'ERR-226' });
  });

  it('GetStoppedZipCd lists all stopped ranges or those of one 우편번호, end = start when empty', async () => {
    const client = clientFor(sb);
    const all = await client.getStoppedZipCd();
    expect(all.length).toBeGreaterThan(3);
    const udo = await client.getStoppedZipCd('63365');
    expect(udo).toEqual([expect.objectContaining({ areaNm: '제주 제주시 우도면', strtZipCd: '63365', endZipCd: '63365' })]);
    expect(await client.getStoppedZipCd('06236')).toEqual([]);
  });
});

describe('InsertOrder', () => {
  it('registers a parcel and returns its numbers; GetResInfo finds it by our order key', async () => {
    const client = clientFor(sb);
    const order = anOrder();
    const out = await client.insertOrder(order);
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    expect(out.result.regiNo).toMatch(/^\d{13}$/);
    expect(out.result.reqNo).toMatch(/^\d{18}$/);
    expect(out.result.resNo).toMatch(/^\d{16}$/);
    expect(out.result.orderNo).toBe(order.orderNo);
    expect(out.result.regiPoNm).toBe('서울중앙우체국'); // regipoNm on the wire
    expect(out.result.delivAreaCd).not.toBe('');
    const found = await client.getResInfo({
      custNo: order.custNo,
      reqType: '1',
      orderNo: order.orderNo,
      reqYmd: kstYmd(new Date(sb.control.now())),
    });
    expect(found).toEqual([expect.objectContaining({ regiNo: out.result.regiNo, reqNo: out.result.reqNo, treatStusCd: '02' })]);
    expect(sb.control.registrationCount()).toBe(1);
  });

  it('printYn=N leaves the parcel at 01 소포신청', async () => {
    const client = clientFor(sb);
    const order = anOrder({ printYn: 'N' });
    expect((await client.insertOrder(order)).kind).toBe('ok');
    const [info] = await client.getResInfo({
      custNo: order.custNo,
      reqType: '1',
      orderNo: order.orderNo,
      reqYmd: kstYmd(new Date(sb.control.now())),
    });
    expect(info?.treatStusCd).toBe('01');
  });

  it('framing characters in a value cannot inject another field', async () => {
    // unsanitised, '&recZip=ABCDE' after recZip would override it and Korea Post would refuse the zip
    const out = await clientFor(sb).insertOrder(anOrder({ goodsNm: '책&recZip=ABCDE', delivMsg: '문 앞\r\n&weight=99' }));
    expect(out.kind).toBe('ok');
  });

  it('over-long Hangul text is cut to the byte limit instead of being refused', async () => {
    const out = await clientFor(sb).insertOrder(anOrder({ goodsNm: '상품'.repeat(150), recAddr2: '가'.repeat(120) }));
    expect(out.kind).toBe('ok');
  });

  it('test mode gives TESTREGINOAPI and a zero 예약번호', async () => {
    const out = await clientFor(sb).insertOrder(anOrder({ testYn: 'Y' }));
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    expect(out.result.regiNo).toBe('TESTREGINOAPI');
    expect(out.result.resNo).toMatch(/^\d{8}00000000$/);
  });

  it('sends refinement fields when asked', async () => {
    const out = await clientFor(sb).insertOrder(anOrder({ printAreaCdYn: 'Y' }));
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    expect(out.result.refineZip).toBe('06236');
    expect(out.result.printAreaCd).not.toBe('');
  });

  it.each([
    [{ recNm: '' }, 'ERR-311', '수취인명(recNm)'],
    [{ recMob: '010-12', recTel: undefined }, 'ERR-323', 'recMob'],
    [{ recMob: undefined, recTel: undefined }, 'ERR-311', '이동통신(recMob)'],
    [{ goodsNm: ' ' }, 'ERR-511', 'goodsNm'],
    [{ apprNo: '7001990001' }, 'ERR-123', 'apprNo'],
    [{ officeSer: '' }, 'ERR-211', 'officeSer'],
    [{ weight: 31 }, 'ERR-124', 'weight'],
  ])('a refused order %j is a definite error %s', async (over, code, mention) => {
    const out = await clientFor(sb).insertOrder(anOrder(over));
    if (out.kind !== 'error') throw new Error(JSON.stringify(out));
    expect(out.error.code).toBe(code);
    expect(out.error.koreanMessage).toContain(mention);
    expect(sb.control.registrationCount()).toBe(0);
  });

  it('GetResInfo of an unknown order (ERR-225) is an empty list', async () => {
    const found = await clientFor(sb).getResInfo({ custNo: '0005085217', reqType: '1', orderNo: 'nope', reqYmd: kstYmd() });
    expect(found).toEqual([]);
  });

  it('GetResInfo looks up by the KST date: another day finds nothing', async () => {
    const client = clientFor(sb);
    const order = anOrder();
    expect((await client.insertOrder(order)).kind).toBe('ok');
    const yesterday = kstYmd(new Date(sb.control.now() - 86_400_000));
    expect(await client.getResInfo({ custNo: order.custNo, reqType: '1', orderNo: order.orderNo, reqYmd: yesterday })).toEqual([]);
  });
});

describe('GetResCancelCmd', () => {
  async function issued(client: ReturnType<typeof clientFor>) {
    const out = await client.insertOrder(anOrder());
    if (out.kind !== 'ok') throw new Error(JSON.stringify(out));
    return out.result;
  }

  it('cancels and Korea Post hands out a new number; the old one is void', async () => {
    const client = clientFor(sb);
    const r = await issued(client);
    const cancel = {
      custNo: '0005085217',
      apprNo: '7002080922',
      reqType: '1' as const,
      reqNo: r.reqNo,
      resNo: r.resNo,
      regiNo: r.regiNo,
      delYn: 'Y' as const,
    };
    const done = await client.cancel(cancel);
    expect(done.canceledYn).toBe('D'); // canceledyn on the wire; D = cancelled and deleted (delYn=Y)
    expect(done.cancelRegiNo).toBe(r.regiNo);
    expect(done.regiNo).toMatch(/^\d{13}$/);
    expect(done.regiNo).not.toBe(r.regiNo);
    expect(sb.control.parcel(r.regiNo)?.treatStusCd).toBe('05');
    const again = await client.cancel(cancel);
    expect(again.canceledYn).toBe('N');
    expect(again.notCancelReason).toContain('취소'); // notcancelReason on the wire
  });

  it('refuses after 집하완료', async () => {
    const client = clientFor(sb);
    const r = await issued(client);
    sb.control.advanceHours(5);
    const res = await client.cancel({
      custNo: '0005085217',
      apprNo: '7002080922',
      reqType: '1',
      reqNo: r.reqNo,
      resNo: r.resNo,
      regiNo: r.regiNo,
      delYn: 'Y',
    });
    expect(res.canceledYn).toBe('N');
    expect(res.notCancelReason).toContain('집하완료');
  });
});
