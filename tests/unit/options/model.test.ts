// The options page's model driven against the real background handlers and the Korea Post simulator:
// 연동 확인 → 고객번호, contract and 공급지 choices; one bad field saves nothing; a good form saves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOptionsModel, type OptionsApi } from '../../../components/options/model';
import { loadSettings } from '../../../lib/settings';
import { OPTIONS_SENDER, startTestBackground, type TestBackground } from '../background/helpers';

let bg: TestBackground;
beforeEach(async () => {
  bg = await startTestBackground();
});
afterEach(async () => bg.close());

function apiOver(bg: TestBackground): OptionsApi {
  const call = async (type: string, data?: unknown) => {
    const r = await bg.send(type, data, OPTIONS_SENDER);
    if (r.err) throw new Error(r.err.message);
    return r.res;
  };
  return {
    getSettings: () => call('getSettings'),
    saveSettings: (d) => call('saveSettings', d),
    verifyMember: (d) => call('verifyMember', d),
    listContracts: (d) => call('listContracts', d),
    listOffices: (d) => call('listOffices', d),
    registerOffice: (d) => call('registerOffice', d),
    requestOriginPermission: async () => true,
    registerAdminOrigin: (d) => call('registerAdminOrigin', d),
    adminCouriers: () => call('adminCouriers'),
  };
}

async function connected() {
  const m = createOptionsModel(apiOver(bg), false);
  await m.load();
  const k = bg.epost.control.keys;
  m.setField('memberId', k.memberId);
  m.setField('apiKey', k.apiKey);
  m.setField('securityKey', k.securityKey);
  await m.verify();
  return m;
}

describe('options model', () => {
  it('refuses 연동 확인 with a short key, before anything is sent', async () => {
    const m = createOptionsModel(apiOver(bg), false);
    await m.load();
    m.setField('memberId', 'testshop');
    m.setField('apiKey', 'tooshort');
    m.setField('securityKey', bg.epost.control.keys.securityKey);
    await m.verify();
    expect(m.errors.value.apiKey).toMatch(/30자/);
    expect((await bg.ctx.secrets.which()).securityKey).toBe(false);
    expect((await loadSettings()).memberId).toBe('');
  });

  it('연동 확인 fills the 고객번호, lists contracts and picks the only 공급지', async () => {
    const m = await connected();
    expect(m.connection.value.state).toBe('connected');
    expect(m.form.value?.custNo).toBe('0005085217');
    expect(m.form.value?.apiKey).toBe('');
    expect(m.secretsSet.value.apiKey).toBe(true);
    expect(m.contracts.value?.length).toBe(2);
    expect(m.form.value?.apprNo).toBe(''); // two usable contracts: the operator chooses
    expect(m.form.value).toMatchObject({ officeSer: '01', zip: '04524', officeNm: '테스트상점 물류센터' });
  });

  it('a bad field saves nothing; the corrected form saves everything', async () => {
    const m = await connected();
    m.chooseContract(m.contracts.value![0]!);
    m.setField('companyName', '테스트상점');
    m.setField('ceoName', '홍길동');
    m.setField('bizNo', '220-81-62518'); // wrong check digit
    m.setField('email', 'shop@example.com');
    m.setField('mobile', '010-1234-5678');
    await m.save();
    expect(Object.keys(m.errors.value)).toEqual(['bizNo']);
    expect(m.notice.value?.kind).toBe('error');
    expect((await loadSettings()).companyName).toBe('');
    m.setField('bizNo', '220-81-62517');
    expect(m.errors.value.bizNo).toBeUndefined(); // typing clears the field's message
    await m.save();
    expect(m.notice.value).toEqual({ kind: 'ok', text: '저장했습니다.' });
    expect(await loadSettings()).toMatchObject({
      companyName: '테스트상점',
      apprNo: '7002080922',
      payTypeNm: '즉납',
      sender: { officeSer: '01' },
    });
  });

  it('saving new keys checks the connection again', async () => {
    const m = await connected();
    m.chooseContract(m.contracts.value![1]!);
    for (const [k, v] of Object.entries({
      companyName: '테스트상점',
      ceoName: '홍길동',
      bizNo: '2208162517',
      email: 'a@b.co',
      mobile: '01012345678',
    })) {
      m.setField(k as 'companyName', v);
    }
    m.setField('securityKey', 'wrongSecurityKey123456');
    await m.save();
    expect(m.connection.value.state).toBe('error');
    expect((await loadSettings()).connection).toMatchObject({ state: 'error' });
    m.setField('securityKey', bg.epost.control.keys.securityKey);
    await m.save();
    expect(m.connection.value.state).toBe('connected');
  });
});
