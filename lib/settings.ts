// Typed settings. Non-secret settings live in browser.storage.local (the overlay may read them);
// secrets (인증키, 보안키, tracking keys) live only in the background's IndexedDB (see lib/db).
import type { EpostEndpoints } from './epost/types';
import { REAL_ENDPOINTS } from './epost/types';
import type { Box, IssueMode } from './db/types';

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

// a box preset is kept on each shipment too, so its type lives with the journal's (no import circle)
export type { Box } from './db/types';

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
  /** tracking calls a day at most (a data.go.kr key starts with 10,000): the sync spreads them over the day */
  trackingDailyBudget: number;
  /** box presets (박스 규격) an issue job may send instead of `defaults` (lib/validate/boxes.ts) */
  boxes: Box[];
  /** delivered shipments older than this many days move to the journal's archive (kept, not deleted) */
  archiveAfterDays: number;
  /**
   * 반품 회수: whether the sync moves the claim along in godomall — 반송중 (b2/e2) once Korea Post has
   * the goods, 반품회수완료 (b4) when they reach the 공급지 (godomall then opens the refund, r1)
   */
  returnClaimStatus: boolean;
  /**
   * 발급 후 바로 예약: an issue job's parcels are reserved (2단계) as soon as the job ends, under the one
   * question of the issue. Off by default — the manual's two steps, 예약 when the parcels are packed.
   */
  reserveAfterIssue: boolean;
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
  trackingDailyBudget: 10_000,
  archiveAfterDays: 90,
  returnClaimStatus: false,
  reserveAfterIssue: false,
  boxes: [
    { name: '소형', weight: 2, volume: 80, contCd: '029', packngMtrCd: '01' },
    { name: '중형', weight: 5, volume: 100, contCd: '029', packngMtrCd: '01' },
    { name: '대형', weight: 10, volume: 120, contCd: '029', packngMtrCd: '01' },
  ],
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

/**
 * Steps from a stored version to the next, like the journal's (lib/db/migrations): `MIGRATIONS[n]`
 * turns version n into n+1. Version 1 is the first shape that was ever stored; a stored object
 * without a version is version 1 too. Add a step here whenever a field is renamed or changes meaning.
 */
const MIGRATIONS: Record<number, (s: Record<string, unknown>) => Record<string, unknown>> = {};
export const SETTINGS_VERSION = DEFAULT_SETTINGS.version;

/**
 * What storage holds, made into settings: migrated to the current version, every top-level value of
 * the wrong type (a corrupted or hand-edited store) replaced by its default, new fields defaulted.
 * A store written by a NEWER version is read as far as its fields are understood.
 */
export function migrateSettings(stored: unknown): Settings {
  let s: Record<string, unknown> =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as Record<string, unknown>) } : {};
  let version = typeof s.version === 'number' && Number.isInteger(s.version) && s.version >= 1 ? s.version : 1;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (step) s = step(s);
    version++;
  }
  const typed: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const value = s[key];
    if (value === undefined) continue;
    const sameKind =
      value !== null &&
      (Array.isArray(fallback)
        ? Array.isArray(value)
        : typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value)));
    if (sameKind) typed[key] = value;
  }
  return withDefaults({ ...(typed as Partial<Settings>), version: SETTINGS_VERSION });
}

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
  return migrateSettings(got[STORAGE_KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = withDefaults({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [STORAGE_KEY]: next });
  return next;
}

/**
 * The worker's settings: read from storage once and kept, for a job reads them for every target. Its
 * own saves replace the copy; a change from anywhere else (storage.onChanged) drops it, so the next
 * read is storage's — an older change's event arriving after a newer save cannot bring it back. Each
 * read gets its own copy (a caller changing one changes nothing kept).
 */
export function keptSettings(): { load(): Promise<Settings>; save(patch: Partial<Settings>): Promise<Settings> } {
  let kept: Promise<Settings> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[STORAGE_KEY]) kept = undefined;
  });
  return {
    async load() {
      const read = (kept ??= loadSettings());
      try {
        return structuredClone(await read);
      } catch (err) {
        if (kept === read) kept = undefined; // a failed read is not kept
        throw err;
      }
    },
    async save(patch) {
      const next = await saveSettings(patch);
      kept = Promise.resolve(next);
      return structuredClone(next);
    },
  };
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[STORAGE_KEY]) cb(migrateSettings(changes[STORAGE_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
