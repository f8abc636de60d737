import { defineConfig } from 'wxt';
import { REAL_ENDPOINTS } from './lib/epost/types';
import { noReuseRules } from './lib/epost/no-reuse';

// Two flavours from one source tree:
// - production (`wxt build`): runs on *.godomall.com admins (plus admin origins the operator grants at
//   runtime) and talks only to the real Korea Post hosts.
// - sandbox (`wxt build --mode sandbox`): additionally runs on admins served from http://127.0.0.1 and
//   http://localhost (the simulators) and lets the Korea Post base URLs be changed in the options page.
// exactly the origins the product calls, each with its one scheme (https for ship and biz: the keys
// travel in the query string; see REAL_ENDPOINTS)
const KOREA_POST_HOSTS = Object.values(REAL_ENDPOINTS).map((base) => `${base}/*`);
const GODOMALL_HOSTS = ['*://*.godomall.com/*'];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
// One id per build, the same in every script of it (read once here: WXT runs several Vite builds), so a
// page can tell a worker of another build apart (lib/build-stamp.ts)
const BUILD_ID = Date.now().toString(36);
const NO_REUSE_RULES = 'rules/epost-no-reuse.json';

export default defineConfig({
  outDir: '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  vite: () => ({
    define: { __EPG_BUILD__: JSON.stringify(BUILD_ID) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: NO_REUSE_RULES, contents: JSON.stringify(noReuseRules(REAL_ENDPOINTS.shipBaseUrl)) });
    },
  },
  manifest: ({ mode }) => {
    const sandbox = mode === 'sandbox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'ko',
      // the offscreen document is looked up with runtime.getContexts (Chrome 116)
      minimum_chrome_version: '116',
      // offscreen: the admin's pages are read by an offscreen document's DOMParser (the worker has none)
      // declarativeNetRequestWithHostAccess: the 계약소포 host's connections are never reused (no-reuse.ts);
      // it acts only where host_permissions reach and shows no permission warning (an update stays enabled)
      permissions: [
        'storage',
        'unlimitedStorage',
        'alarms',
        'notifications',
        'scripting',
        'offscreen',
        'declarativeNetRequestWithHostAccess',
      ],
      declarative_net_request: { rule_resources: [{ id: 'epost_no_reuse', enabled: true, path: NO_REUSE_RULES }] },
      host_permissions: [...GODOMALL_HOSTS, ...KOREA_POST_HOSTS, ...(sandbox ? LOOPBACK_HOSTS : [])],
      // Shops on their own domain (gdadmin.myshop.co.kr) grant their admin origin at runtime.
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      action: { default_title: '__MSG_extName__' },
    };
  },
});
