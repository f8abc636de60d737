// The PRODUCTION build (.output/chrome-mv3) in Chromium against both simulators reached under the real
// host names (--host-resolver-rules): each Korea Post host on the listener of the scheme the product
// calls it with (https ship and biz, whose test certificate the profile trusts by its SPKI hash; http
// openapi), and the admin at gdadmin.demo.godomall.com. A wrong scheme or a missing permission fails.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEpostSandbox, type EpostSandbox } from '../sandbox/epost/server';
import { sandboxSpkiHash } from '../sandbox/epost/tls';
import { startGodomallSandbox, type GodomallSandbox, type GodomallSandboxOptions } from '../sandbox/godomall';
import { launchExtension, type ExtensionSession } from './harness';

const PRODUCTION_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../.output/chrome-mv3');
export const ADMIN_HOST = 'gdadmin.demo.godomall.com';

export interface ProductionSession {
  epost: EpostSandbox;
  godomall: GodomallSandbox;
  x: ExtensionSession;
  close(): Promise<void>;
}

/** `godomall`: the admin simulator's options (its orders, its latency). */
export async function launchProduction(
  opts: { godomall?: Omit<GodomallSandboxOptions, 'port' | 'host'> } = {},
): Promise<ProductionSession> {
  const epost = await startEpostSandbox({ port: 0, host: '127.0.0.1' });
  const godomall = await startGodomallSandbox({ port: 0, host: '127.0.0.1', ...opts.godomall });
  const rules = [
    ...['ship.epost.go.kr', 'biz.epost.go.kr'].map((h) => `MAP ${h} 127.0.0.1:${epost.httpsPort}`),
    `MAP openapi.epost.go.kr 127.0.0.1:${epost.port}`,
    `MAP ${ADMIN_HOST} 127.0.0.1:${godomall.port}`,
  ].join(', ');
  const x = await launchExtension({
    extensionDir: PRODUCTION_DIR,
    useEpost: epost,
    useGodomall: godomall,
    adminUrl: `http://${ADMIN_HOST}`,
    extraArgs: [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${sandboxSpkiHash()}`],
  });
  return {
    epost,
    godomall,
    x,
    async close() {
      await x.close();
      await godomall.close();
      await epost.close();
    },
  };
}
