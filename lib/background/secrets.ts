// Credentials (인증키, 보안키, tracking keys) live only here: in the journal's kv table, read by the
// background. Pages learn only WHICH secrets are set. Nothing in this file logs a value.
import type { JournalDb } from '../db/db';
import { EMPTY_SECRETS, type Secrets } from '../settings';

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
    const row = await db.kv.get(KV_KEY);
    return { ...EMPTY_SECRETS, ...((row?.value as Partial<Secrets> | undefined) ?? {}) };
  }
  return {
    get,
    async set(patch) {
      return db.transaction('rw', db.kv, async () => {
        const next = { ...(await get()) };
        for (const key of Object.keys(EMPTY_SECRETS) as Array<keyof Secrets>) {
          const v = patch[key]?.trim();
          if (v) next[key] = v;
        }
        await db.kv.put({ key: KV_KEY, value: next });
        return next;
      });
    },
    async which() {
      const s = await get();
      return { apiKey: !!s.apiKey, securityKey: !!s.securityKey, traceKey: !!s.traceKey, dataGoKrKey: !!s.dataGoKrKey };
    },
  };
}
