// Validation of the options form as a whole. Nothing is saved unless every field passes: a form with
// one bad field produces no patch at all, so bad input is never half-saved.
import type { Secrets, Settings } from '../settings';
import * as f from './fields';
import { parseBoxes } from './boxes';
import { ENDPOINT_KEYS, secretsPatch, settingsPatch, type FormErrors, type SecretsSet, type SettingsForm } from './form';

export { endpointsOf, formFromSettings, type FormErrors, type SecretsSet, type SettingsForm } from './form';

export function validateConnectionFields(form: SettingsForm, secretsSet: SecretsSet, sandbox = false): FormErrors {
  const errors: FormErrors = {};
  if (sandbox) for (const key of ENDPOINT_KEYS) put(errors, key, f.checkBaseUrl(form[key]));
  put(errors, 'memberId', f.checkMemberId(form.memberId));
  if (form.apiKey.trim() || !secretsSet.apiKey) put(errors, 'apiKey', f.checkApiKey(form.apiKey));
  if (form.securityKey.trim() || !secretsSet.securityKey) put(errors, 'securityKey', f.checkSecurityKey(form.securityKey));
  return errors;
}

/** Fields needed to register a new 공급지 with InsertOffice. */
export function validateOfficeFields(form: SettingsForm): FormErrors {
  const errors: FormErrors = {};
  put(errors, 'custNo', f.checkCustNo(form.custNo));
  put(errors, 'officeSer', checkOfficeSer(form.officeSer));
  put(errors, 'officeNm', f.checkRequired('공급지명', 50)(form.officeNm));
  put(errors, 'zip', f.checkZip(form.zip));
  put(errors, 'addr1', f.checkRequired('주소', 150)(form.addr1));
  if (form.addr2.trim()) put(errors, 'addr2', f.checkRequired('상세주소', 150)(form.addr2));
  put(errors, 'tel', f.checkTel(form.tel));
  put(errors, 'ceoName', f.checkRequired('대표자명', 40)(form.ceoName));
  return errors;
}

function checkOfficeSer(v: string): string | undefined {
  const s = v.trim();
  if (!s) return '공급지를 선택하거나 공급지코드를 입력해 등록해 주세요.';
  if (s.length > 20 || !/^[A-Za-z0-9_-]+$/.test(s)) return '공급지코드는 영문·숫자 20자 이하입니다.';
  return undefined;
}

export interface ValidatedForm {
  ok: boolean;
  errors: FormErrors;
  settings?: Partial<Settings>;
  secrets?: Partial<Secrets>;
}

export function validateSettingsForm(form: SettingsForm, secretsSet: SecretsSet, sandbox: boolean): ValidatedForm {
  const errors: FormErrors = { ...validateConnectionFields(form, secretsSet, sandbox), ...validateOfficeFields(form) };
  put(errors, 'apprNo', f.checkApprNo(form.apprNo));
  put(errors, 'companyName', f.checkRequired('상호명', 100)(form.companyName));
  put(errors, 'bizNo', f.checkBizNo(form.bizNo));
  put(errors, 'email', f.checkEmail(form.email));
  put(errors, 'mobile', f.checkMobile(form.mobile));
  for (const key of ['traceKey', 'dataGoKrKey'] as const) {
    const v = form[key].trim();
    if (v && (/\s/.test(v) || v.length < 8 || v.length > 200)) errors[key] = '배송조회 키 형식이 올바르지 않습니다.';
  }
  put(errors, 'syncIntervalMinutes', f.checkNumber('동기화 주기(분)', 30, 1440)(form.syncIntervalMinutes));
  put(errors, 'stuckDays', f.checkNumber('정체 판단 일수', 1, 30)(form.stuckDays));
  put(errors, 'trackingDailyBudget', f.checkNumber('하루 배송 조회 한도', 100, 1_000_000)(form.trackingDailyBudget));
  put(errors, 'archiveAfterDays', f.checkNumber('배달완료 보관 기간(일)', 7, 3650)(form.archiveAfterDays));
  put(errors, 'adminOrigin', f.checkAdminOrigin(form.adminOrigin));
  put(errors, 'weight', f.checkNumber('기본 무게(kg)', 1, 30)(form.weight));
  put(errors, 'volume', f.checkNumber('기본 크기(cm)', 1, 160)(form.volume));
  if (!f.CONT_CODE.test(form.contCd)) errors.contCd = '내용품 종류를 선택해 주세요.';
  if (!f.PACKING_CODE.test(form.packngMtrCd)) errors.packngMtrCd = '포장재를 선택해 주세요.';
  const boxes = parseBoxes(form.boxes, form);
  if ('error' in boxes) errors.boxes = boxes.error;
  if (form.deliveryMessageSource === 'fixed') {
    put(errors, 'deliveryMessageFixed', f.checkRequired('고정 배송 메시지', 100)(form.deliveryMessageFixed));
  }
  put(errors, 'offsetXmm', f.checkNumber('가로 보정(mm)', -20, 20, false)(form.offsetXmm));
  put(errors, 'offsetYmm', f.checkNumber('세로 보정(mm)', -20, 20, false)(form.offsetYmm));
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, errors, settings: settingsPatch(form, sandbox), secrets: secretsPatch(form) };
}
function put(errors: FormErrors, key: keyof SettingsForm, message: string | undefined) {
  if (message) errors[key] = message;
}
