// An update in place (issue 19): the build of 2026-11-28 left three parcels registered at Korea Post
// whose godomall writes were queued; then this build's files were put in the same folder and Chromium
// restarted on the same profile.
//
// What Chromium does then (measured with the real 9ae1bf1 build, see tests/fixtures/journals/README.md):
// it keeps running the worker script it registered for the old files — the pages and the content
// script are this build's, the worker is the old one — so the journal is never upgraded (IndexedDB
// stays at 20) and the old worker's answers do not fit the new pages. A browser restart, a new
// manifest version or a page unregistering the worker does not change that; the extension's reload
// on chrome://extensions does.
//
// Here the old build is stood in for by a worker that writes, as raw IndexedDB at version 20, exactly
// the journal the 9ae1bf1 build wrote (tests/fixtures/journals/v2-9ae1bf1.json, produced by running that
// commit's workflows) and the settings it saved; building the old commit needs its git history and a
// second install, which a fresh CI clone does not have. The extension's reload cannot be pressed in a
// --load-extension headless Chromium (the extension is unloaded), so the test does what it does to the
// profile: Chromium registers the worker from the files on disk again (the profile's Service Worker
// store is dropped while the browser is closed; the journal is in IndexedDB and stays).
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startGodomallSandbox, type GodomallSandbox } from '../sandbox/godomall';
import { launchExtension, type ExtensionSession } from './harness';
import { badgeKind, openList, until, type Walk } from './walkthrough';
import { readJournalFixture } from '../unit/db/old-journal';

const BUILD = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../.output/chrome-mv3-sandbox');
const work = mkdtempSync(join(tmpdir(), 'epg-update-in-place-'));
const extDir = join(work, 'extension'); // the one folder the operator loaded, updated in place
const profile = join(work, 'profile');
let gd: GodomallSandbox;

/** This build, Korean only (the harness's koreanOnlyCopy would move it to a new folder, i.e. a new extension id). */
function putBuild(worker?: string): void {
  rmSync(extDir, { recursive: true, force: true });
  cpSync(BUILD, extDir, { recursive: true });
  for (const lang of readdirSync(join(extDir, '_locales'))) if (lang !== 'ko') rmSync(join(extDir, '_locales', lang), { recursive: true });
  if (worker) writeFileSync(join(extDir, 'background.js'), worker);
}

/** What the stand-in worker uses of the extension API (it runs in the worker, not here). */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { onStartup: { addListener(cb: () => void): void } };
};

/** The stand-in for the 2026-11-28 build's worker: the journal and settings as it left them. */
function oldBuildWorker(fixture: ReturnType<typeof readJournalFixture>): string {
  const body = (f: typeof fixture) => {
    const open = indexedDB.open('epost-journal', f.journal.version);
    open.onupgradeneeded = () => {
      for (const s of f.journal.stores) {
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
        for (const row of s.rows) store.put(row);
      }
    };
    open.onsuccess = () => open.result.close();
    void chrome.storage.local.set(f.storageLocal);
    // woken at every browser start, as the old build's worker was
    chrome.runtime.onStartup.addListener(() => undefined);
  };
  return `(${body.toString()})(${JSON.stringify(fixture)});\n`;
}

const launch = () =>
  launchExtension({ extensionDir: extDir, extensionLocale: 'browser', userDataDir: profile, useGodomall: gd, epost: false });
const walk = (x: ExtensionSession): Walk => ({
  x,
  shot: (page, name) => x.screenshot(page, `update-in-place-${name}`),
  log: () => undefined,
});

async function journalVersion(x: ExtensionSession): Promise<number | undefined> {
  const page = await x.extensionPage('/popup.html');
  const dbs = await page.evaluate(() => indexedDB.databases());
  await page.close();
  return dbs.find((d) => d.name === 'epost-journal')?.version;
}

async function popupText(x: ExtensionSession): Promise<Page> {
  const popup = await x.extensionPage('/popup.html');
  await popup.waitForSelector('[data-count], [role="alert"]', { timeout: 20_000 });
  return popup;
}

beforeAll(async () => {
  gd = await startGodomallSandbox({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await gd?.close();
  rmSync(work, { recursive: true, force: true });
});

it('an update in place: the old worker is named, never read as 미발급; once this build runs, the journal upgrades and the queued writes land', async () => {
  const fixture = readJournalFixture('v2-9ae1bf1', gd.url);
  const { queuedOrders = [], reservedOrder, regiNos = {} } = fixture.scenario;
  expect(queuedOrders).toHaveLength(3);
  for (const orderNo of queuedOrders) expect(gd.control.order(orderNo)!.items.every((i) => i.invoiceNo === '')).toBe(true);

  // 1. the old build runs on this profile and leaves its journal
  putBuild(oldBuildWorker(fixture));
  let x = await launch();
  await until(
    'journal v2',
    () => journalVersion(x),
    (v) => v === 20,
  );
  await x.close();

  // 2. this build's files in the same folder, the browser restarted: Chromium keeps the old worker
  putBuild();
  x = await launch();
  try {
    const popup = await popupText(x);
    expect(await popup.textContent('[role="alert"]')).toContain('이전 버전의 백그라운드');
    await x.screenshot(popup, 'update-in-place-stale-popup');
    const list = await openList(walk(x), '/order/order_list_pay.php?pageNum=100');
    for (const orderNo of queuedOrders)
      await until(
        `${orderNo} 확인 불가`,
        () => badgeKind(list, orderNo),
        (k) => k === 'unknown',
      );
    expect(await list.locator('[data-epg-notice="error"]').first().textContent()).toContain('이전 버전의 백그라운드');
    await x.screenshot(list, 'update-in-place-stale-list');
    expect(await journalVersion(x)).toBe(20); // nothing touched the old journal
  } finally {
    await x.close();
  }

  // 3. the extension reloaded (Chromium registers the worker from the files on disk)
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  x = await launch();
  try {
    await until(
      'journal upgraded',
      () => journalVersion(x),
      (v) => v === 50,
      30_000,
    );
    const popup = await popupText(x);
    const count = (k: string) => popup.textContent(`[data-count="${k}"] .count__n`);
    expect([await count('issued'), await count('reserved'), await count('contactError')]).toEqual(['3', '1', '1']);
    await x.screenshot(popup, 'update-in-place-popup');
    await popup.close();

    // the list, logged in: the parcels show as issued, and the page's visit flushes the queued writes
    const list = await openList(walk(x), '/order/order_list_pay.php?pageNum=100');
    for (const orderNo of queuedOrders)
      await until(
        `${orderNo} 발급`,
        () => badgeKind(list, orderNo),
        (k) => k === 'issued',
      );
    await until(
      'queued invoice writes landed',
      () =>
        queuedOrders.map((o) =>
          gd.control
            .order(o)!
            .items.map((i) => i.invoiceNo)
            .join(),
        ),
      (got) => got.every((numbers, i) => numbers.split(',').every((n) => n === regiNos[queuedOrders[i]!])),
      30_000,
    );
    expect(reservedOrder).toBeDefined();
    await x.screenshot(list, 'update-in-place-list');
  } finally {
    await x.close();
  }
});
