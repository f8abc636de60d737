// What every background concern shares: the journal, the secret store, settings, and factories for
// the Korea Post / tracking clients and the shipments workflows. Clients are built per use from the
// current settings and secrets, so a changed key or endpoint takes effect at once and the service
// worker holds nothing in memory that matters.
import type { JournalDb } from '../db/db';
import type { EpostApi, EpostEndpoints, TrackingApi } from '../epost/types';
import type { Secrets, Settings } from '../settings';
import type { SecretStore } from './secrets';

export interface BackgroundContext {
  db: JournalDb;
  secrets: SecretStore;
  sandbox: boolean;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** A Korea Post client for the current settings and keys; throws a Korean message when keys are missing. */
  epost(): Promise<EpostApi>;
}

export interface ClientFactories {
  createEpost(args: { endpoints: EpostEndpoints; apiKey: string; securityKey: string; fetch: typeof fetch }): EpostApi;
  createTracking?(args: { settings: Settings; secrets: Secrets; fetch: typeof fetch }): TrackingApi;
}

export const MISSING_KEYS_MESSAGE = '인증키와 보안키가 설정되지 않았습니다. 옵션 페이지 「우체국택배 신청/관리」에서 입력해 주세요.';

export function createBackgroundContext(deps: {
  db: JournalDb;
  secrets: SecretStore;
  sandbox: boolean;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  factories: ClientFactories;
  fetch?: typeof fetch;
}): BackgroundContext {
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  return {
    db: deps.db,
    secrets: deps.secrets,
    sandbox: deps.sandbox,
    loadSettings: deps.loadSettings,
    saveSettings: deps.saveSettings,
    async epost() {
      const [settings, secrets] = await Promise.all([deps.loadSettings(), deps.secrets.get()]);
      if (!secrets.apiKey || !secrets.securityKey) throw new Error(MISSING_KEYS_MESSAGE);
      return deps.factories.createEpost({
        endpoints: settings.endpoints,
        apiKey: secrets.apiKey,
        securityKey: secrets.securityKey,
        fetch: doFetch,
      });
    },
  };
}
