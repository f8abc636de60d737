// The options form as the operator types it (all text) and its conversion to and from settings.
import type { EpostEndpoints } from '../epost/types';
import type { Box, LabelLayout, Secrets, Settings } from '../settings';
import { formatBizNo, formatPhone } from './fields';
import { boxesText, parseBoxes } from './boxes';

export interface SettingsForm {
  memberId: string;
  /** write-only: '' keeps the stored value */
  apiKey: string;
  securityKey: string;
  traceKey: string;
  dataGoKrKey: string;
  custNo: string;
  apprNo: string;
  postNm: string;
  payTypeNm: string;
  companyName: string;
  ceoName: string;
  bizNo: string;
  email: string;
  tel: string;
  mobile: string;
  /** the 공급지 (sender) — chosen from GetOfficeInfo or registered with InsertOffice */
  officeSer: string;
  officeNm: string;
  zip: string;
  addr1: string;
  addr2: string;
  labelPrinter: boolean;
  returnClaimStatus: boolean;
  reserveAfterIssue: boolean;
  testMode: boolean;
  trackingSource: Settings['trackingSource'];
  syncIntervalMinutes: string;
  stuckDays: string;
  trackingDailyBudget: string;
  archiveAfterDays: string;
  boxes: string;
  adminOrigin: string;
  issueMode: Settings['issueMode'];
  weight: string;
  volume: string;
  contCd: string;
  packngMtrCd: string;
  deliveryMessageSource: Settings['deliveryMessage']['source'];
  deliveryMessageFixed: string;
  labelLayout: LabelLayout;
  offsetXmm: string;
  offsetYmm: string;
  shipBaseUrl: string;
  traceBaseUrl: string;
  openApiBaseUrl: string;
}

export type FormErrors = Partial<Record<keyof SettingsForm, string>>;

export type SecretsSet = Record<keyof Secrets, boolean>;
export function formFromSettings(s: Settings): SettingsForm {
  return {
    memberId: s.memberId,
    apiKey: '',
    securityKey: '',
    traceKey: '',
    dataGoKrKey: '',
    custNo: s.custNo,
    apprNo: s.apprNo,
    postNm: s.postNm,
    payTypeNm: s.payTypeNm,
    companyName: s.companyName,
    ceoName: s.ceoName,
    bizNo: s.bizNo,
    email: s.email,
    tel: s.tel,
    mobile: s.mobile,
    officeSer: s.sender.officeSer,
    officeNm: s.sender.name,
    zip: s.sender.zip,
    addr1: s.sender.addr1,
    addr2: s.sender.addr2,
    labelPrinter: s.labelPrinter,
    returnClaimStatus: s.returnClaimStatus,
    reserveAfterIssue: s.reserveAfterIssue,
    testMode: s.testMode,
    trackingSource: s.trackingSource,
    syncIntervalMinutes: String(s.syncIntervalMinutes),
    stuckDays: String(s.stuckDays),
    trackingDailyBudget: String(s.trackingDailyBudget),
    archiveAfterDays: String(s.archiveAfterDays),
    boxes: boxesText(s.boxes),
    adminOrigin: s.adminOrigins[0] ?? '',
    issueMode: s.issueMode,
    weight: String(s.defaults.weight),
    volume: String(s.defaults.volume),
    contCd: s.defaults.contCd,
    packngMtrCd: s.defaults.packngMtrCd,
    deliveryMessageSource: s.deliveryMessage.source,
    deliveryMessageFixed: s.deliveryMessage.fixedText,
    labelLayout: s.label.layout,
    offsetXmm: String(s.label.offsetXmm),
    offsetYmm: String(s.label.offsetYmm),
    shipBaseUrl: s.endpoints.shipBaseUrl,
    traceBaseUrl: s.endpoints.traceBaseUrl,
    openApiBaseUrl: s.endpoints.openApiBaseUrl,
  };
}

/** 「연동 확인」 needs only these; checked before anything is sent or stored. */ export function settingsPatch(
  form: SettingsForm,
  sandbox: boolean,
): Partial<Settings> {
  const patch: Partial<Settings> = {
    memberId: form.memberId.trim(),
    custNo: form.custNo.trim(),
    apprNo: form.apprNo.trim(),
    postNm: form.postNm.trim(),
    payTypeNm: form.payTypeNm.trim(),
    companyName: form.companyName.trim(),
    ceoName: form.ceoName.trim(),
    bizNo: formatBizNo(form.bizNo),
    email: form.email.trim(),
    tel: formatPhone(form.tel),
    mobile: formatPhone(form.mobile),
    sender: {
      officeSer: form.officeSer.trim(),
      name: form.officeNm.trim(),
      zip: form.zip.trim(),
      addr1: form.addr1.trim(),
      addr2: form.addr2.trim(),
      tel: formatPhone(form.tel),
    },
    labelPrinter: form.labelPrinter,
    returnClaimStatus: form.returnClaimStatus,
    reserveAfterIssue: form.reserveAfterIssue,
    testMode: form.testMode,
    trackingSource: form.trackingSource,
    syncIntervalMinutes: Number(form.syncIntervalMinutes),
    stuckDays: Number(form.stuckDays),
    trackingDailyBudget: Number(form.trackingDailyBudget),
    archiveAfterDays: Number(form.archiveAfterDays),
    issueMode: form.issueMode,
    defaults: {
      weight: Number(form.weight),
      volume: Number(form.volume),
      contCd: form.contCd,
      packngMtrCd: form.packngMtrCd,
    },
    deliveryMessage: { source: form.deliveryMessageSource, fixedText: form.deliveryMessageFixed.trim() },
    boxes: boxesOf(form),
    label: { layout: form.labelLayout, offsetXmm: Number(form.offsetXmm), offsetYmm: Number(form.offsetYmm) },
  };
  // adminOrigins is not in the patch: registerAdminOrigin owns it (it needs the permission grant first)
  if (sandbox) patch.endpoints = endpointsOf(form);
  return patch;
}

/** The form's box presets (validated before: settings-form.ts). */
function boxesOf(form: SettingsForm): Box[] {
  const parsed = parseBoxes(form.boxes, form);
  return 'boxes' in parsed ? parsed.boxes : [];
}

export function secretsPatch(form: SettingsForm): Partial<Secrets> {
  const out: Partial<Secrets> = {};
  for (const key of ['apiKey', 'securityKey', 'traceKey', 'dataGoKrKey'] as const) {
    const v = form[key].trim();
    if (v) out[key] = v;
  }
  return out;
}

const stripSlash = (u: string) => u.trim().replace(/\/+$/, '');

export const ENDPOINT_KEYS = ['shipBaseUrl', 'traceBaseUrl', 'openApiBaseUrl'] as const;

/** The Korea Post base URLs typed in the sandbox build. */
export function endpointsOf(form: SettingsForm): EpostEndpoints {
  return {
    shipBaseUrl: stripSlash(form.shipBaseUrl),
    traceBaseUrl: stripSlash(form.traceBaseUrl),
    openApiBaseUrl: stripSlash(form.openApiBaseUrl),
  };
}
