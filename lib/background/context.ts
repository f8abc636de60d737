// What every background concern shares: the journal, the secret store, settings, the Korea Post and
// tracking clients, and the shipments workflows. The clients read endpoints and keys on every call,
// so a changed key or endpoint takes effect at once and the worker holds nothing that matters.
import type { JournalDb } from '../db/db';
import { createEpostClient } from '../epost/client';
import { createTrackingClient } from '../epost/tracking';
import type { EpostApi, TrackingApi } from '../epost/types';
import type { GodomallAdmin } from '../godomall/types';
import type { Settings } from '../settings';
import { createShipments, type Shipments } from '../shipments';
import type { SecretStore } from './secrets';
import { armSettleAlarm } from './settle';

export interface BackgroundContext {
  db: JournalDb;
  secrets: SecretStore;
  sandbox: boolean;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  epost: EpostApi;
  tracking: TrackingApi;
  /** the godomall admin of an origin, reached with the operator's session */
  adminFor(origin: string): GodomallAdmin;
  shipments: Shipments;
}

const MISSING_KEYS_MESSAGE = '인증키와 보안키가 설정되지 않았습니다. 「우체국택배 신청/관리」에서 입력해 주세요.';
const MISSING_TRACKING_KEY_MESSAGE = '배송조회 키가 설정되지 않았습니다. 「우체국택배 신청/관리」에서 입력해 주세요.';

export function createBackgroundContext(deps: {
  db: JournalDb;
  secrets: SecretStore;
  sandbox: boolean;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  adminFor(origin: string): GodomallAdmin;
  fetch?: typeof fetch;
  /** test hook: faster retries */
  retryDelayMs?: number;
}): BackgroundContext {
  const doFetch: typeof fetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const getEndpoints = async () => (await deps.loadSettings()).endpoints;
  const epost = createEpostClient({
    getEndpoints,
    async getCredentials() {
      const s = await deps.secrets.get();
      if (!s.apiKey || !s.securityKey) throw new Error(MISSING_KEYS_MESSAGE);
      return { apiKey: s.apiKey, securityKey: s.securityKey };
    },
    fetch: doFetch,
    ...(deps.retryDelayMs !== undefined ? { retryDelayMs: deps.retryDelayMs } : {}),
  });
  const tracking = createTrackingClient({
    getEndpoints,
    async getKeys() {
      const [s, settings] = await Promise.all([deps.secrets.get(), deps.loadSettings()]);
      const key = settings.trackingSource === 'trace' ? s.traceKey : s.dataGoKrKey;
      if (!key) throw new Error(MISSING_TRACKING_KEY_MESSAGE);
      return { traceKey: s.traceKey, dataGoKrKey: s.dataGoKrKey };
    },
    source: async () => (await deps.loadSettings()).trackingSource,
    fetch: doFetch,
    ...(deps.retryDelayMs !== undefined ? { retryDelayMs: deps.retryDelayMs } : {}),
  });
  const shipments = createShipments({
    db: deps.db,
    epost,
    tracking,
    adminFor: deps.adminFor,
    settings: deps.loadSettings,
    // an unknown send is looked at again by an alarm, which outlives this worker
    onSettleDue: (at) => void armSettleAlarm(at).catch(() => undefined),
  });
  return {
    db: deps.db,
    secrets: deps.secrets,
    sandbox: deps.sandbox,
    loadSettings: deps.loadSettings,
    saveSettings: deps.saveSettings,
    epost,
    tracking,
    adminFor: deps.adminFor,
    shipments,
  };
}
