// The real-browser harness shared by the e2e suites: the simulators in-process, Debian's Chromium
// (via playwright-core) with the built SANDBOX extension, an admin login, and screenshots.
//
//   const x = await launchExtension();            // or { extension: false } for the bare admin
//   const page = await x.openAdmin('/order/order_list_pay.php');
//   await x.screenshot(page, 'pay-list');         // → tests/e2e/screenshots/pay-list.png (gitignored)
//   const popup = await x.extensionPage('/popup.html');
//   await x.close();
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startGodomallSandbox, type GodomallSandbox, type GodomallSandboxOptions } from '../sandbox/godomall';
import { startEpostSandbox, type EpostSandbox, type EpostSandboxOptions } from '../sandbox/epost/server';

// works under Vitest and under plain tsx (ESM has no __dirname)
const HERE = fileURLToPath(new URL('.', import.meta.url));
const SANDBOX_EXTENSION_DIR = resolve(HERE, '../../.output/chrome-mv3-sandbox');
export const SCREENSHOT_DIR = resolve(HERE, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** load the built sandbox extension (default) or run the bare admin for comparisons */
  extension?: boolean;
  /** another unpacked build to load instead of .output/chrome-mv3-sandbox */
  extensionDir?: string;
  /** godomall simulator options, or false for none */
  godomall?: GodomallSandboxOptions | false;
  /** use this already running godomall simulator (not closed by close()) instead of starting one */
  useGodomall?: GodomallSandbox;
  /** use this already running Korea Post simulator (not closed by close()) instead of starting one */
  useEpost?: EpostSandbox;
  /** Korea Post simulator options, or false for none (default: started) */
  epost?: EpostSandboxOptions | false;
  /** operator to log in as (default: the simulator's) ; false = do not log in */
  login?: string | false;
  /**
   * 'ko' (default): the extension's strings in Korean whatever Chromium's UI language is. Debian's
   * Chromium here ships only the en-US locale pak, so its UI language is en-US; a temporary copy of
   * the build without the other locales makes chrome.i18n fall back to default_locale (ko).
   * 'browser': the build as is, in Chromium's own UI language.
   */
  extensionLocale?: 'ko' | 'browser';
  /** more Chromium flags, e.g. --host-resolver-rules to reach the simulators under the real host names */
  extraArgs?: string[];
  /** the admin's base URL as the browser reaches it (default: the godomall simulator's own URL) */
  adminUrl?: string;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  locale?: string;
  /** a visible window (the demo with a display) instead of headless */
  headed?: boolean;
  /** this Chromium profile (kept by close()) instead of a fresh one: a browser restarted on the same profile */
  userDataDir?: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  /** empty when launched without the extension */
  extensionId: string;
  /** the worker as it was at launch; prefer worker(), which survives the worker being restarted */
  serviceWorker: Worker | undefined;
  /** the extension's live service worker, woken (by opening an extension page) if Chromium stopped it */
  worker(): Promise<Worker>;
  godomall: GodomallSandbox | undefined;
  epost: EpostSandbox | undefined;
  /** opens `path` of the admin simulator (logged in) and waits for the load event */
  openAdmin(path: string): Promise<Page>;
  /** opens chrome-extension://<id><path> */
  extensionPage(path: string): Promise<Page>;
  screenshot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

function assertBuilt(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build:sandbox\` (npm run test:e2e builds first).`);
  }
}

/** Saves a PNG under tests/e2e/screenshots/ and returns its path. */
async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

/** A copy of the build holding only the default locale (ko), so Chromium cannot pick another. */
function koreanOnlyCopy(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'epg-e2e-ext-'));
  cpSync(dir, copy, { recursive: true });
  for (const lang of readdirSync(join(copy, '_locales'))) {
    if (lang !== 'ko') rmSync(join(copy, '_locales', lang), { recursive: true, force: true });
  }
  return copy;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const withExtension = opts.extension ?? true;
  const builtDir = opts.extensionDir ?? SANDBOX_EXTENSION_DIR;
  if (withExtension) assertBuilt(builtDir);
  const koCopy = withExtension && (opts.extensionLocale ?? 'ko') === 'ko' ? koreanOnlyCopy(builtDir) : undefined;
  const extDir = koCopy ?? builtDir;
  const cleanupDirs = () => {
    if (!opts.userDataDir) rmSync(userDir, { recursive: true, force: true });
    if (koCopy) rmSync(koCopy, { recursive: true, force: true });
  };
  const ownGodomall = !opts.useGodomall && opts.godomall !== false;
  const godomall =
    opts.useGodomall ?? (ownGodomall ? await startGodomallSandbox({ port: 0, host: '127.0.0.1', ...(opts.godomall || {}) }) : undefined);
  const ownEpost = !opts.useEpost && opts.epost !== false;
  const epost = opts.useEpost ?? (ownEpost ? await startEpostSandbox({ port: 0, host: '127.0.0.1', ...(opts.epost || {}) }) : undefined);
  const userDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'epg-e2e-profile-'));
  const baseArgs = opts.headed ? CHROMIUM_ARGS.filter((a) => a !== '--headless=new') : CHROMIUM_ARGS;
  const args = [
    ...baseArgs,
    ...(withExtension ? [`--load-extension=${extDir}`, `--disable-extensions-except=${extDir}`] : []),
    ...(opts.extraArgs ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: !opts.headed,
      args,
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      deviceScaleFactor: opts.deviceScaleFactor ?? 1,
      locale: opts.locale ?? 'ko-KR',
    });
  } catch (e) {
    await Promise.all([ownGodomall ? godomall?.close() : undefined, ownEpost ? epost?.close() : undefined]);
    cleanupDirs();
    throw e;
  }

  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }

  const adminUrl = opts.adminUrl ?? godomall?.url;
  if (godomall && opts.login !== false) {
    // the login redirect sets the admin's session cookie in this profile
    const page = await context.newPage();
    const operator = opts.login ?? godomall.operatorId;
    await page.goto(`${adminUrl}/__sandbox/login?operator=${encodeURIComponent(operator)}&redirect=/__sandbox/orders`);
    await page.close();
  }

  return {
    context,
    extensionId,
    serviceWorker,
    godomall,
    epost,
    async worker() {
      if (!extensionId) throw new Error('launched without the extension');
      const live = () => context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      const found = live();
      if (found) return found;
      const waiting = context.waitForEvent('serviceworker', { timeout: 30_000 });
      waiting.catch(() => undefined); // unused when the page load finds the worker already up
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
      const woken = live() ?? (await waiting);
      await page.close();
      return woken;
    },
    async openAdmin(path) {
      if (!godomall) throw new Error('launched without the godomall simulator');
      const page = await context.newPage();
      await page.goto(`${adminUrl}${path}`, { waitUntil: 'load' });
      return page;
    },
    async extensionPage(path) {
      if (!extensionId) throw new Error('launched without the extension');
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${path.startsWith('/') ? path : `/${path}`}`);
      return page;
    },
    screenshot,
    async close() {
      await context.close().catch(() => undefined);
      await Promise.all([ownGodomall ? godomall?.close() : undefined, ownEpost ? epost?.close() : undefined]);
      cleanupDirs();
    },
  };
}
