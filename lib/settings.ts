// Typed settings. Non-secret settings live in browser.storage.local (the overlay may read them);
// secrets (인증키, 보안키, tracking keys) live only in the background's IndexedDB (see lib/db).
import type { EpostEndpoints } from './epost/types';
import { REAL_ENDPOINTS } from './epost/types';
import type { IssueMode } from './db/types';

export type ConnectionState =
  | { state: 'unset' } // 미설정
  | { state: 'checking' } // 확인 중
  | { state: 'connected'; at: number } // 연동 완료
  | { state: 'error'; message: string; at: number }; // 오류 (Korea Post's message)

export type LabelLayout = 'c-type' | 'thermal-100x150';

export interface Sender {
  officeSer: string;
  name: string;
  zip: string;
  addr1: string;
  addr2: string;
  tel: string;
}

export interface Settings {
  version: 1;
  memberId: string; // 인터넷우체국 사업자회원 ID
  custNo: string; // 고객번호 (from GetCustNo)
  apprNo: string; // 승인번호 (chosen contract)
  postNm: string; // 계약 우체국명
  payTypeNm: string; // 즉납 / 후납
  sender: Sender; // 공급지
  companyName: string; // 상호명 → ordCompNm
  ceoName: string; // 대표자명
  bizNo: string; // 사업자 번호
  email: string;
  tel: string;
  mobile: string;
  labelPrinter: boolean; // 라벨프린터 사용 → printYn=Y
  testMode: boolean; // testYn=Y
  connection: ConnectionState;
  endpoints: EpostEndpoints; // editable only in the sandbox build
  syncIntervalMinutes: number;
  stuckDays: number;
  concurrency: number;
  adminOrigins: string[];
  issueMode: IssueMode;
  defaults: { weight: number; volume: number; contCd: string; packngMtrCd: string };
  deliveryMessage: { source: 'orderMemo' | 'fixed' | 'none'; fixedText: string };
  label: { layout: LabelLayout; offsetXmm: number; offsetYmm: number };
  trackingSource: 'trace' | 'datagokr';
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  memberId: '',
  custNo: '',
  apprNo: '',
  postNm: '',
  payTypeNm: '',
  sender: { officeSer: '', name: '', zip: '', addr1: '', addr2: '', tel: '' },
  companyName: '',
  ceoName: '',
  bizNo: '',
  email: '',
  tel: '',
  mobile: '',
  labelPrinter: true,
  testMode: false,
  connection: { state: 'unset' },
  endpoints: REAL_ENDPOINTS,
  syncIntervalMinutes: 120,
  stuckDays: 3,
  concurrency: 4,
  adminOrigins: [],
  issueMode: 'order',
  defaults: { weight: 2, volume: 60, contCd: '029', packngMtrCd: '01' },
  deliveryMessage: { source: 'orderMemo', fixedText: '' },
  label: { layout: 'c-type', offsetXmm: 0, offsetYmm: 0 },
  trackingSource: 'trace',
};

export interface Secrets {
  apiKey: string; // 인증키 (30)
  securityKey: string; // 보안키 (22)
  traceKey: string; // 계약고객 배송조회 regkey
  dataGoKrKey: string; // data.go.kr serviceKey
}

export const EMPTY_SECRETS: Secrets = { apiKey: '', securityKey: '', traceKey: '', dataGoKrKey: '' };

/** True in the sandbox build (simulators on loopback; endpoints editable). */
export const IS_SANDBOX_BUILD = import.meta.env.MODE === 'sandbox';

const STORAGE_KEY = 'settings';

/** Merge stored values over defaults so new fields get their default after an upgrade. */
export function withDefaults(stored: Partial<Settings> | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(stored ?? {}) } as Settings;
  s.sender = { ...DEFAULT_SETTINGS.sender, ...(stored?.sender ?? {}) };
  s.defaults = { ...DEFAULT_SETTINGS.defaults, ...(stored?.defaults ?? {}) };
  s.deliveryMessage = { ...DEFAULT_SETTINGS.deliveryMessage, ...(stored?.deliveryMessage ?? {}) };
  s.label = { ...DEFAULT_SETTINGS.label, ...(stored?.label ?? {}) };
  s.endpoints = IS_SANDBOX_BUILD ? { ...REAL_ENDPOINTS, ...(stored?.endpoints ?? {}) } : REAL_ENDPOINTS;
  return s;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(STORAGE_KEY);
  return withDefaults(got[STORAGE_KEY] as Partial<Settings> | undefined);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = withDefaults({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [STORAGE_KEY]: next });
  return next;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[STORAGE_KEY]) cb(withDefaults(changes[STORAGE_KEY].newValue as Partial<Settings>));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
