// Options-page messages through the real handlers against the Korea Post simulator: keys stay in the
// background, 연동 확인 moves the connection state, Korea Post's message is shown on failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings } from '../../../lib/settings';
import { OPTIONS_SENDER, startTestBackground, type TestBackground } from './helpers';

let bg: TestBackground;
beforeEach(async () => {
  bg = await startTestBackground();
});
afterEach(async () => bg.close());

async function storeKeys(securityKey = bg.epost.control.keys.securityKey) {
  const k = bg.epost.control.keys;
  return bg.send('saveSettings', { settings: { memberId: k.memberId }, secrets: { apiKey: k.apiKey, securityKey } }, OPTIONS_SENDER);
}

describe('connection', () => {
  it('keeps keys in the journal only and reports just which are set', async () => {
    const saved = await storeKeys();
    expect(saved.err).toBeUndefined();
    const k = bg.epost.control.keys;
    const got = await bg.send('getSettings', undefined, OPTIONS_SENDER);
    expect(got.res.secretsSet).toEqual({ apiKey: true, securityKey: true, traceKey: false, dataGoKrKey: false });
    const everythingAPageSees = JSON.stringify([saved.res, got.res, await fakeBrowser.storage.local.get(null)]);
    expect(everythingAPageSees).not.toContain(k.apiKey);
    expect(everythingAPageSees).not.toContain(k.securityKey);
    expect(await bg.ctx.secrets.get()).toMatchObject({ apiKey: k.apiKey, securityKey: k.securityKey });
  });

  it('연동 확인: GetCustNo → 고객번호 and 연동 완료, then contracts and 공급지', async () => {
    await storeKeys();
    const r = await bg.send('verifyMember', { memberId: bg.epost.control.keys.memberId }, OPTIONS_SENDER);
    expect(r.err).toBeUndefined();
    expect(r.res).toEqual({ custNo: '0005085217' });
    const s = await loadSettings();
    expect(s.custNo).toBe('0005085217');
    expect(s.connection.state).toBe('connected');
    const contracts = (await bg.send('listContracts', { custNo: '0005085217' }, OPTIONS_SENDER)).res;
    expect(contracts.map((c: { apprNo: string }) => c.apprNo)).toEqual(['7002080922', '7002080923']);
    const offices = (await bg.send('listOffices', { custNo: '0005085217' }, OPTIONS_SENDER)).res;
    expect(offices[0]).toMatchObject({ officeSer: '01', officeZip: '04524' });
  });

  it("a wrong 보안키 ends in 오류 with Korea Post's own message", async () => {
    await storeKeys('wrongSecurityKey123456');
    const r = await bg.send('verifyMember', { memberId: bg.epost.control.keys.memberId }, OPTIONS_SENDER);
    expect(r.err?.message).toMatch(/ERR-\d+/);
    const s = await loadSettings();
    expect(s.connection).toMatchObject({ state: 'error' });
    expect(s.connection.state === 'error' && s.connection.message).toBe(r.err?.message);
  });

  it('without keys it says so in Korean and calls nobody', async () => {
    const r = await bg.send('verifyMember', { memberId: 'testshop' }, OPTIONS_SENDER);
    expect(r.err?.message).toMatch(/인증키와 보안키가 설정되지 않았습니다/);
  });

  it("registers a new 공급지, and a duplicate code gets Korea Post's refusal", async () => {
    await storeKeys();
    const input = {
      custNo: '0005085217',
      officeSer: '02',
      officeNm: '제2물류센터',
      officeZip: '06236',
      officeAddr1: '서울특별시 강남구 테헤란로 1',
      officeAddr2: '2층',
      officeTelno: '02-555-1234',
      contactNm: '홍길동',
    };
    const r = await bg.send('registerOffice', input, OPTIONS_SENDER);
    expect(r.err).toBeUndefined();
    const offices = (await bg.send('listOffices', { custNo: '0005085217' }, OPTIONS_SENDER)).res;
    expect(offices.map((o: { officeSer: string }) => o.officeSer)).toContain('02');
    const again = await bg.send('registerOffice', input, OPTIONS_SENDER);
    expect(again.err?.message).toMatch(/ERR-226/);
  });

  it('a page cannot write the connection state or the admin origins through saveSettings', async () => {
    await bg.send(
      'saveSettings',
      { settings: { connection: { state: 'connected', at: 1 }, adminOrigins: ['https://evil.example'], testMode: true } },
      OPTIONS_SENDER,
    );
    const s = await loadSettings();
    expect(s.connection.state).toBe('unset');
    expect(s.adminOrigins).toEqual([]);
    expect(s.testMode).toBe(true);
  });

  it('refuses out-of-range numbers without saving anything', async () => {
    const r = await bg.send('saveSettings', { settings: { syncIntervalMinutes: 5, testMode: true } }, OPTIONS_SENDER);
    expect(r.err?.message).toMatch(/30~1440/);
    expect((await loadSettings()).testMode).toBe(false);
  });

  it('refuses malformed box presets from a page, whole', async () => {
    for (const boxes of [[{ name: '대형', weight: 99, volume: 120, contCd: '029', packngMtrCd: '01' }], [{ name: 'x' }], 'nope']) {
      const r = await bg.send('saveSettings', { settings: { boxes, testMode: true } }, OPTIONS_SENDER);
      expect(r.err?.message).toContain('박스 규격을 확인해 주세요');
    }
    const s = await loadSettings();
    expect(s.testMode).toBe(false);
    expect(s.boxes.map((b) => b.name)).toEqual(['소형', '중형', '대형']);
    const ok = [{ name: '아이스', weight: 7, volume: 110, contCd: '022', packngMtrCd: '05' }];
    expect((await bg.send('saveSettings', { settings: { boxes: ok } }, OPTIONS_SENDER)).err).toBeUndefined();
    expect((await loadSettings()).boxes).toEqual(ok);
  });
});
