// An own-domain admin (gdadmin.myshop.co.kr) gets the content script registered once its host
// permission is granted; without the grant nothing is registered or saved.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { coveredByManifest, registerAdminOrigin, scriptIdFor } from '../../../lib/background/admin-registration';
import { isAdminOrigin } from '../../../lib/background/admin-origins';

// fakeBrowser has no permissions/scripting: a small in-memory Chrome for both
let granted: Set<string>;
let registered: Map<string, { id: string; matches: string[]; js?: string[] }>;
beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  registered = new Map();
  Object.assign(fakeBrowser, {
    permissions: { contains: async (p: { origins: string[] }) => p.origins.every((o) => granted.has(o)) },
    scripting: {
      getRegisteredContentScripts: async (f?: { ids?: string[] }) =>
        [...registered.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
      registerContentScripts: async (list: Array<{ id: string; matches: string[]; js?: string[] }>) => {
        for (const s of list) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      unregisterContentScripts: async (f: { ids: string[] }) => f.ids.forEach((id) => registered.delete(id)),
    },
  });
});

function store(initial: string[] = []) {
  let list = initial;
  return { granted: async () => list, saveGranted: async (l: string[]) => void (list = l), get: () => list };
}

describe('registerAdminOrigin', () => {
  it('registers the order pages of a granted own-domain admin, once', async () => {
    granted.add('https://gdadmin.myshop.co.kr/*');
    const s = store();
    await registerAdminOrigin('gdadmin.myshop.co.kr/order/order_list_pay.php', { ...s, sandbox: false });
    await registerAdminOrigin('https://gdadmin.myshop.co.kr', { ...s, sandbox: false });
    expect(s.get()).toEqual(['https://gdadmin.myshop.co.kr']);
    expect([...registered.values()]).toEqual([
      expect.objectContaining({
        id: scriptIdFor('https://gdadmin.myshop.co.kr'),
        matches: ['https://gdadmin.myshop.co.kr/order/*', 'https://gdadmin.myshop.co.kr/provider/order/*'],
        js: ['content-scripts/godomall.js'],
      }),
    ]);
    expect(isAdminOrigin('https://gdadmin.myshop.co.kr', s.get(), false)).toBe(true);
  });

  it('refuses without the grant and saves nothing', async () => {
    const s = store();
    await expect(registerAdminOrigin('https://gdadmin.myshop.co.kr', { ...s, sandbox: false })).rejects.toThrow(
      /접근 권한이 허용되지 않았습니다/,
    );
    expect(s.get()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('does not inject twice where the manifest already runs', async () => {
    const s = store();
    await registerAdminOrigin('https://gdadmin.myshop.godomall.com', { ...s, sandbox: false });
    expect(registered.size).toBe(0);
    expect(coveredByManifest('http://127.0.0.1:8080', true)).toBe(true);
    expect(coveredByManifest('http://127.0.0.1:8080', false)).toBe(false);
  });

  it('rejects what is not an address', async () => {
    await expect(registerAdminOrigin('관리자', { ...store(), sandbox: false })).rejects.toThrow(/형식이 올바르지 않습니다/);
  });
});
