import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { getXml, insertOrder, startAt, type Doc } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterAll(() => sb.close());

const trace = (regiNo: string, key = sb.control.keys.traceKey) =>
  getXml(`${sb.url}/KpostPortal/openapi?${new URLSearchParams({ regkey: key, target: 'trace', query: regiNo })}`);
const longitudinal = (regiNo: string, key = sb.control.keys.dataGoKrKey) =>
  getXml(
    `${sb.url}/trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList?${new URLSearchParams({ serviceKey: key, rgist: regiNo })}`,
  );

const traceWords = (doc: Doc) => (doc.xsync.xsyncData.itemlist.item as Doc[]).map((i) => i.eventnm as string);
const dataWords = (doc: Doc) => (doc.response.msgBody.longitudinalDomesticList as Doc[]).map((i) => i.processSttus as string);
const post = (path: string, body: unknown) => fetch(`${sb.url}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });

describe('epost sandbox: tracking', () => {
  it('not scanned yet: ERR-001 in the trace, successYN N / returnCode 03 on data.go.kr', async () => {
    const p = await insertOrder(sb, { orderNo: 'tr-0' });
    const t = await trace(p.regiNo);
    expect(t.doc.xsync.error).toMatchObject({ error_code: 'ERR-001', message: '조회결과가 없습니다.' });
    const d = await longitudinal(p.regiNo);
    expect(d.doc.response.cmmMsgHeader).toMatchObject({ successYN: 'N', returnCode: '03' });
  });

  it('the clock moves a parcel 접수 → 발송 → 도착 (per hub) → 배달준비 → 배달완료 in both formats', async () => {
    // two parcels: sequence parity decides whether the national hub is on the way
    const a = await insertOrder(sb, { orderNo: 'tr-1' });
    const b = await insertOrder(sb, { orderNo: 'tr-2' });
    sb.control.advanceHours(4);
    const first = await trace(a.regiNo);
    expect(first.text).toContain('<eventnm><![CDATA[ 접수  ]]></eventnm>'); // the word carries a tail space
    expect(traceWords(first.doc)).toEqual(['접수']);
    expect(first.doc.xsync.xsyncData).toMatchObject({ regino: a.regiNo, recevnm: '홍*동', sendnm: '테***점', mailkindnm: '국내택배' });
    const item = first.doc.xsync.xsyncData.itemlist.item[0];
    expect(item.eventymd).toBe('2026.01.16');
    expect(item.eventhms).toBe('04:30');
    expect(item.eventregiponm).toBe('서울중앙우체국');

    const res = await post('clock', { advanceHours: 30 });
    expect(res.status).toBe(200);
    const words = [traceWords((await trace(a.regiNo)).doc), traceWords((await trace(b.regiNo)).doc)];
    const long = words.find((w) => w.length === 7)!;
    const short = words.find((w) => w.length === 5)!;
    expect(long).toEqual(['접수', '발송', '도착', '발송', '도착', '배달준비', '배달완료 ( 배달 )']);
    expect(short).toEqual(['접수', '발송', '도착', '배달준비', '배달완료 ( 배달 )']);

    const d = await longitudinal(a.regiNo);
    expect(d.doc.response.cmmMsgHeader).toMatchObject({ successYN: 'Y', returnCode: '00' });
    expect(dataWords(d.doc)).toEqual(traceWords((await trace(a.regiNo)).doc));
    expect(d.text).toContain('<processSttus>접수 </processSttus>');
    const body = d.doc.response.msgBody;
    expect(body).toMatchObject({ applcntNm: '테***점', addrseNm: '홍*동', dlvySttus: '배달완료 ( 배달 )', rgist: a.regiNo });
    expect(body.dlvyDe).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(body.longitudinalDomesticList[0]).toMatchObject({ dlvyDate: '2026.01.16', dlvyTime: '04:30', nowLc: '서울중앙우체국' });
    expect(body.longitudinalDomesticList.at(-1).nowLc).toBe('광주');
    expect(sb.control.parcel(a.regiNo)).toMatchObject({ stage: 'delivered', treatStusCd: '03' });
  });

  it('forced 미배달 carries its reason in both formats', async () => {
    const p = await insertOrder(sb, { orderNo: 'tr-3' });
    const res = await post('parcel', { regiNo: p.regiNo, action: 'undeliver', reason: '폐문부재' });
    expect(res.status).toBe(200);
    await post('parcel', { regiNo: p.regiNo, action: 'deliver' });
    const t = (await trace(p.regiNo)).doc.xsync.xsyncData;
    expect(t.itemlist.item.at(-1)).toMatchObject({ eventnm: '미배달', nondelivreasnnm: '폐문부재' });
    expect(t.nondelivreasnnm).toBe('폐문부재');
    const d = (await longitudinal(p.regiNo)).doc.response.msgBody;
    expect(d.longitudinalDomesticList.at(-1)).toMatchObject({ processSttus: '미배달', detailDc: '폐문부재' });
    const late = await post('parcel', { regiNo: p.regiNo, action: 'undeliver', reason: '주소불명' });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: string }).error).toContain('이미 미배달 처리된');
  });

  it('stuck parcels stop scanning until released; advance moves one step at a time', async () => {
    const p = await insertOrder(sb, { orderNo: 'tr-4' });
    sb.control.parcelAction(p.regiNo, { action: 'pickUp' });
    sb.control.parcelAction(p.regiNo, { action: 'stuck' });
    sb.control.advanceHours(72);
    expect(traceWords((await trace(p.regiNo)).doc)).toEqual(['접수']);
    expect(sb.control.parcel(p.regiNo)?.stuck).toBe(true);
    sb.control.parcelAction(p.regiNo, { action: 'advance', steps: 1 });
    expect(traceWords((await trace(p.regiNo)).doc)).toEqual(['접수', '발송']);
    expect(sb.control.parcel(p.regiNo)?.stuck).toBe(false);
  });

  it('advanceSteps moves every live parcel n scans, skipping stuck ones', async () => {
    const a = await insertOrder(sb, { orderNo: 'tr-7' });
    const b = await insertOrder(sb, { orderNo: 'tr-8' });
    sb.control.parcelAction(b.regiNo, { action: 'stuck' });
    const res = await post('clock', { advanceSteps: 2 });
    expect(((await res.json()) as { moved: number }).moved).toBeGreaterThanOrEqual(1);
    expect(traceWords((await trace(a.regiNo)).doc)).toEqual(['접수', '발송']);
    expect((await trace(b.regiNo)).doc.xsync.error.error_code).toBe('ERR-001');
  });

  it('test-mode and unknown numbers are not tracked; control refuses actions on them', async () => {
    const t = await insertOrder(sb, { orderNo: 'tr-5', testYn: 'Y' });
    expect(t.regiNo).toBe('TESTREGINOAPI');
    expect((await trace('6999999999999')).doc.xsync.error.error_code).toBe('ERR-001');
    const res = await post('parcel', { regiNo: '6999999999999', action: 'deliver' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('소포가 없습니다');
  });

  it('wrong tracking keys get error answers; the data.go.kr key must be URL-encoded exactly once', async () => {
    const p = await insertOrder(sb, { orderNo: 'tr-6' });
    sb.control.parcelAction(p.regiNo, { action: 'pickUp' });
    expect((await trace(p.regiNo, 'wrong')).doc.xsync.error.error_code).toBe('ERR-123');
    const bad = await longitudinal(p.regiNo, 'wrong');
    expect(bad.doc.OpenAPI_ServiceResponse.cmmMsgHeader.returnAuthMsg).toBe('SERVICE_KEY_IS_NOT_REGISTERED_ERROR');
    const key = sb.control.keys.dataGoKrKey;
    expect(key).toMatch(/[+/=]/);
    const twice = await longitudinal(p.regiNo, encodeURIComponent(key));
    expect(twice.doc.OpenAPI_ServiceResponse).toBeDefined();
    const raw = await getXml(
      `${sb.url}/trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList?serviceKey=${key}&rgist=${p.regiNo}`,
    );
    expect(raw.doc.OpenAPI_ServiceResponse).toBeDefined(); // unencoded '+' arrives as a space
    expect((await longitudinal(p.regiNo)).doc.response.cmmMsgHeader.successYN).toBe('Y');
  });
});
