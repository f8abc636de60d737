// The options page's state (signals outside components) and its verbs. Talks to the background only
// through the injected OptionsApi, so tests can run it against the real handlers.
import { batch, computed, signal } from '@preact/signals';
import type { Contract, Office } from '../../lib/epost/types';
import type { AdminCourierCheck, BackgroundClient } from '../../lib/messages';
import type { ConnectionState, Secrets, Settings } from '../../lib/settings';
import { formatPhone, normaliseAdminOrigin } from '../../lib/validate/fields';
import {
  endpointsOf,
  formFromSettings,
  validateConnectionFields,
  validateOfficeFields,
  validateSettingsForm,
  type FormErrors,
  type SecretsSet,
  type SettingsForm,
} from '../../lib/validate/settings-form';

/** The background's options messages as the typed client has them, plus the page's permission request. */
export type OptionsApi = Pick<
  BackgroundClient,
  | 'getSettings'
  | 'saveSettings'
  | 'verifyMember'
  | 'listContracts'
  | 'listOffices'
  | 'registerOffice'
  | 'registerAdminOrigin'
  | 'adminCouriers'
> & {
  /** must be called synchronously from the click handler (user gesture) */
  requestOriginPermission(origin: string): Promise<boolean>;
};

type OptionsNotice = { kind: 'ok' | 'error' | 'info'; text: string };

export function createOptionsModel(api: OptionsApi, sandbox: boolean) {
  const settings = signal<Settings | undefined>(undefined);
  const form = signal<SettingsForm | undefined>(undefined);
  const errors = signal<FormErrors>({});
  const secretsSet = signal<SecretsSet>({ apiKey: false, securityKey: false, traceKey: false, dataGoKrKey: false });
  const connection = signal<ConnectionState>({ state: 'unset' });
  const contracts = signal<Contract[] | undefined>(undefined);
  const offices = signal<Office[] | undefined>(undefined);
  const busy = signal<string | undefined>(undefined);
  const notice = signal<OptionsNotice | undefined>(undefined);
  const dirty = signal(false);
  /** per registered admin address: does its 배송 업체 list offer 우체국택배 (checked on load, 연동 확인 and save) */
  const couriers = signal<AdminCourierCheck[]>([]);

  const adminOrigins = computed(() => settings.value?.adminOrigins ?? []);

  function adopt(s: Settings, set?: SecretsSet) {
    batch(() => {
      settings.value = s;
      connection.value = s.connection;
      if (set) secretsSet.value = set;
    });
  }

  async function load() {
    const got = await api.getSettings();
    adopt(got.settings, got.secretsSet);
    form.value = formFromSettings(got.settings);
    dirty.value = false;
    // the form shows at once; the contract and 공급지 lists follow (a failure there is shown, not thrown)
    if (got.settings.custNo && got.settings.connection.state === 'connected') {
      await loadChoices(got.settings.custNo).catch((err: unknown) => {
        notice.value = { kind: 'error', text: err instanceof Error ? err.message : String(err) };
      });
    }
    await checkCouriers();
  }

  /** Each registered admin's 배송 업체 list, before anything is sent to Korea Post (never throws). */
  async function checkCouriers() {
    couriers.value = adminOrigins.value.length ? await api.adminCouriers().catch(() => []) : [];
  }

  function setField<K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) {
    if (!form.value) return;
    batch(() => {
      form.value = { ...form.value!, [key]: value };
      dirty.value = true;
      if (errors.value[key]) {
        const { [key]: _gone, ...rest } = errors.value;
        errors.value = rest;
      }
    });
  }

  async function run<T>(label: string, task: () => Promise<T>): Promise<T | undefined> {
    busy.value = label;
    try {
      return await task();
    } catch (err) {
      notice.value = { kind: 'error', text: err instanceof Error ? err.message : String(err) };
      return undefined;
    } finally {
      busy.value = undefined;
    }
  }

  async function refreshConnection() {
    const got = await api.getSettings();
    adopt(got.settings, got.secretsSet);
  }

  async function loadChoices(custNo: string) {
    const [c, o] = await Promise.all([api.listContracts({ custNo }), api.listOffices({ custNo })]);
    batch(() => {
      contracts.value = c;
      offices.value = o;
    });
    const f = form.value!;
    // one approved contract or one 공급지: choose it for the operator
    const usable = c.filter(contractUsable);
    if (!f.apprNo && usable.length === 1) chooseContract(usable[0]!);
    if (!f.officeSer && o.length === 1) chooseOffice(o[0]!);
  }

  /** 「연동 확인」: store ID + keys, GetCustNo → 고객번호, then the contracts and 공급지 to choose from. */
  async function verify() {
    const f = form.value;
    if (!f) return;
    const errs = validateConnectionFields(f, secretsSet.value, sandbox);
    if (Object.keys(errs).length) {
      errors.value = { ...errors.value, ...errs };
      notice.value = { kind: 'error', text: '연동 정보를 확인해 주세요.' };
      return;
    }
    notice.value = undefined;
    connection.value = { state: 'checking' };
    await run('연동 확인 중…', async () => {
      const secrets: Partial<Secrets> = { apiKey: f.apiKey.trim(), securityKey: f.securityKey.trim() };
      // in the sandbox build the simulator's address must be in place before the first call
      const patch: Partial<Settings> = { memberId: f.memberId.trim(), ...(sandbox ? { endpoints: endpointsOf(f) } : {}) };
      const saved = await api.saveSettings({ settings: patch, secrets });
      adopt(saved.settings);
      batch(() => {
        form.value = { ...form.value!, apiKey: '', securityKey: '' };
        secretsSet.value = {
          ...secretsSet.value,
          apiKey: secretsSet.value.apiKey || !!secrets.apiKey,
          securityKey: secretsSet.value.securityKey || !!secrets.securityKey,
        };
      });
      try {
        const { custNo } = await api.verifyMember({ memberId: f.memberId.trim() });
        setField('custNo', custNo);
        await loadChoices(custNo);
        notice.value = { kind: 'ok', text: `연동 확인 완료: 고객번호 ${custNo}. 계약과 공급지를 선택한 뒤 저장해 주세요.` };
        await checkCouriers();
      } finally {
        await refreshConnection();
      }
    });
  }

  function chooseContract(c: Contract) {
    batch(() => {
      setField('apprNo', c.apprNo);
      setField('postNm', c.postNm);
      setField('payTypeNm', c.payTypeNm);
    });
  }

  function chooseOffice(o: Office) {
    const [addr1, addr2] = splitAddress(o.officeAddr);
    batch(() => {
      setField('officeSer', o.officeSer);
      setField('officeNm', o.officeNm);
      setField('zip', o.officeZip);
      setField('addr1', addr1);
      setField('addr2', addr2);
      if (!form.value!.tel.trim() && o.officeTelno) setField('tel', o.officeTelno);
    });
  }

  /** InsertOffice from the form's address (a new 공급지 code typed by the operator). */
  async function registerOffice() {
    const f = form.value;
    if (!f) return;
    const errs = validateOfficeFields(f);
    if (Object.keys(errs).length) {
      errors.value = { ...errors.value, ...errs };
      notice.value = { kind: 'error', text: '공급지 등록에 필요한 항목을 확인해 주세요.' };
      return;
    }
    await run('공급지 등록 중…', async () => {
      const r = await api.registerOffice({
        custNo: f.custNo,
        officeSer: f.officeSer.trim(),
        officeNm: f.officeNm.trim(),
        officeZip: f.zip.trim(),
        officeAddr1: f.addr1.trim(),
        officeAddr2: f.addr2.trim(),
        officeTelno: formatPhone(f.tel),
        contactNm: f.ceoName.trim(),
        contactMobile: f.mobile.trim() ? formatPhone(f.mobile) : undefined,
        contactEmail: f.email.trim() || undefined,
      });
      offices.value = await api.listOffices({ custNo: f.custNo });
      notice.value = { kind: 'ok', text: `공급지를 등록했습니다. (접수 우체국: ${r.regiPoNm || '-'})` };
    });
  }

  /**
   * 저장: everything validated first — one bad field and nothing is saved. The host permission for a
   * new admin origin is requested before any await so the click's user gesture still counts.
   */
  function save(): Promise<void> {
    const f = form.value;
    if (!f) return Promise.resolve();
    const v = validateSettingsForm(f, secretsSet.value, sandbox);
    if (!v.ok) {
      errors.value = v.errors;
      notice.value = { kind: 'error', text: `입력 내용을 확인해 주세요. (${Object.keys(v.errors).length}개 항목) 저장하지 않았습니다.` };
      return Promise.resolve();
    }
    errors.value = {};
    const origin = normaliseAdminOrigin(f.adminOrigin);
    const newOrigin = origin && !adminOrigins.value.includes(origin) ? origin : undefined;
    const permission = newOrigin ? api.requestOriginPermission(newOrigin).catch(() => false) : Promise.resolve(true);
    return run('저장 중…', async () => {
      const granted = await permission;
      const saved = await api.saveSettings({ settings: v.settings!, secrets: v.secrets });
      adopt(saved.settings);
      if (newOrigin && granted) await api.registerAdminOrigin({ origin: newOrigin });
      // new keys or ID reset the connection: check it again right away rather than leave it 미설정
      if (saved.settings.connection.state === 'unset' && saved.settings.memberId) {
        connection.value = { state: 'checking' };
        await api.verifyMember({ memberId: saved.settings.memberId }).catch(() => undefined);
      }
      await load();
      notice.value =
        newOrigin && !granted
          ? { kind: 'error', text: '설정은 저장했지만 관리자 주소 접근 권한이 허용되지 않았습니다.' }
          : { kind: 'ok', text: '저장했습니다.' };
    }).then(() => undefined);
  }

  return {
    settings,
    form,
    errors,
    secretsSet,
    connection,
    contracts,
    offices,
    busy,
    notice,
    dirty,
    adminOrigins,
    couriers,
    sandbox,
    load,
    setField,
    verify,
    chooseContract,
    chooseOffice,
    registerOffice,
    save,
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;

export function contractUsable(c: Contract): boolean {
  return !c.closedYmd && !/해지/.test(c.statusNm);
}

/** GetOfficeInfo gives one address line; keep what follows a comma / parenthesis as the detail. */
function splitAddress(addr: string): [string, string] {
  const i = addr.indexOf(',');
  return i > 0 ? [addr.slice(0, i).trim(), addr.slice(i + 1).trim()] : [addr.trim(), ''];
}
