// A real background (handlers, sender gate, journal on fake-indexeddb, settings in fakeBrowser storage)
// wired to the real Korea Post simulator on an ephemeral loopback port.
import { fakeBrowser } from 'wxt/testing';
import { openJournal } from '../../../lib/db/db';
import { DOMParser } from 'linkedom';
import { createAdminFactory } from '../../../lib/background/admin-client';
import { localReader } from '../../../lib/godomall/page-reader';
import { createBackgroundContext, type BackgroundContext } from '../../../lib/background/context';
import { messageTable } from '../../../lib/background/handlers';
import { registerMessages } from '../../../lib/background/router';
import { createSecretStore } from '../../../lib/background/secrets';
import { createSyncControl, type SyncControl } from '../../../lib/background/sync';
import { loadSettings, saveSettings } from '../../../lib/settings';
import { removeAllListeners } from '../../../lib/messages';
import { startEpostSandbox, type EpostSandbox } from '../../sandbox/epost/server';

const EXT_ID = 'test-extension-id';
export const OPTIONS_SENDER = { id: EXT_ID, url: `chrome-extension://${EXT_ID}/options.html` };
export const contentSender = (url: string, id = EXT_ID) => ({ id, url, tab: { id: 7, url } });

export interface TestBackground {
  ctx: BackgroundContext;
  sync: SyncControl;
  epost: EpostSandbox;
  /** sends one message the way @webext-core/messaging does and returns its { res } / { err } */
  send(type: string, data: unknown, sender: object): Promise<{ res?: any; err?: { message: string } }>;
  close(): Promise<void>;
}

let seq = 0;

export async function startTestBackground(opts: { sandbox?: boolean; journalName?: string } = {}): Promise<TestBackground> {
  fakeBrowser.reset();
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  const epost = await startEpostSandbox({ port: 0, host: '127.0.0.1' });
  const db = openJournal(opts.journalName ?? `bg-test-${Date.now()}-${seq++}`);
  // withDefaults() forces the real endpoints outside the sandbox build, so point them here directly
  const ctx = createBackgroundContext({
    db,
    secrets: createSecretStore(db),
    sandbox: opts.sandbox ?? false,
    loadSettings: async () => ({
      ...(await loadSettings()),
      endpoints: { shipBaseUrl: epost.url, traceBaseUrl: epost.url, openApiBaseUrl: epost.url },
    }),
    saveSettings,
    // node has no offscreen document: the same readers run on linkedom here
    adminFor: createAdminFactory({
      reader: localReader((html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document),
    }),
    retryDelayMs: 5,
  });
  const sync = createSyncControl(
    (trigger) => ctx.shipments.syncAll(trigger),
    () => {},
  );
  registerMessages(messageTable(ctx, { sync, onJobFinished: () => {} }), {
    runtimeId: () => fakeBrowser.runtime.id,
    grantedOrigins: async () => (await loadSettings()).adminOrigins,
    sandbox: opts.sandbox ?? false,
  });
  return {
    ctx,
    sync,
    epost,
    async send(type, data, sender) {
      let answer!: (r: any) => void;
      const response = new Promise<any>((resolve) => (answer = resolve));
      await fakeBrowser.runtime.onMessage.trigger(
        { id: seq++, type, data, timestamp: Date.now() },
        sender as never,
        // third argument: @webext-core's listener answers through sendResponse
        ...([answer] as unknown as []),
      );
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer to ${type}`)), 15_000));
      return (await Promise.race([response, timeout])) as any;
    },
    async close() {
      removeAllListeners();
      db.close();
      await epost.close();
    },
  };
}
