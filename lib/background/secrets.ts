// Credentials (인증키, 보안키, tracking keys) live only here: in the journal's kv table, read by the
// background. Pages learn only WHICH secrets are set. Nothing in this file logs a value.
import type { JournalDb } from '../db/db';
import { EMPTY_SECRETS, type Secrets } from '../settings';
import { getKv, updateKv } from '../db/repo/journal';

const KV_KEY = 'secrets';

type SecretsSet = Record<keyof Secrets, boolean>;

export interface SecretStore {
  get(): Promise<Secrets>;
  /** merges: keys absent from the patch (or empty strings) keep their stored value */
  set(patch: Partial<Secrets>): Promise<Secrets>;
  which(): Promise<SecretsSet>;
}

export function createSecretStore(db: JournalDb): SecretStore {
  async function get(): Promise<Secrets> {
    return { ...EMPTY_SECRETS, ...((await getKv<Partial<Secrets>>(db, KV_KEY)) ?? {}) };
  }
  return {
    get,
    async set(patch) {
      return updateKv<Secrets>(db, KV_KEY, (stored) => {
        const next = { ...EMPTY_SECRETS, ...(stored ?? {}) };
        for (const key of Object.keys(EMPTY_SECRETS) as Array<keyof Secrets>) {
          const v = patch[key]?.trim();
          if (v) next[key] = v;
        }
        return next;
      });
    },
    async which() {
      const s = await get();
      return { apiKey: !!s.apiKey, securityKey: !!s.securityKey, traceKey: !!s.traceKey, dataGoKrKey: !!s.dataGoKrKey };
    },
  };
}
