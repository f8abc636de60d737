// An admin on the shop's own domain (gdadmin.myshop.co.kr) is not covered by the manifest's
// *.godomall.com match. The options page requests the host permission from the click handler (a user
// gesture is required); the background then registers the content script for that origin.
import { isGodomallHost, isLoopbackHost, matchPatternFor } from './admin-origins';
import { normaliseAdminOrigin } from '../validate/fields';

/** The built content script (WXT names it after entrypoints/godomall.content). */
const CONTENT_SCRIPT_FILE = 'content-scripts/godomall.js';

export function scriptIdFor(origin: string): string {
  return `admin-${origin.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Origins the manifest's own content script already covers: registering them again would inject twice. */
export function coveredByManifest(origin: string, sandbox: boolean): boolean {
  const host = new URL(origin).hostname;
  return isGodomallHost(host) || (sandbox && isLoopbackHost(host));
}

export async function registerAdminOrigin(
  rawOrigin: string,
  opts: { granted(): Promise<string[]>; saveGranted(list: string[]): Promise<void>; sandbox: boolean; cssFiles?: string[] },
): Promise<{ ok: boolean }> {
  const origin = normaliseAdminOrigin(rawOrigin);
  if (!origin) throw new Error('관리자 주소 형식이 올바르지 않습니다.');
  const pattern = matchPatternFor(origin);
  if (!coveredByManifest(origin, opts.sandbox)) {
    const allowed = await browser.permissions.contains({ origins: [pattern] });
    if (!allowed) throw new Error('이 관리자 주소에 대한 접근 권한이 허용되지 않았습니다. 권한 요청 창에서 「허용」을 눌러 주세요.');
    await ensureContentScript(origin, opts.cssFiles);
  }
  const list = await opts.granted();
  if (!list.includes(origin)) await opts.saveGranted([...list, origin]);
  return { ok: true };
}

/** The same pages the manifest's content script covers: the shop and supplier order screens. */
function contentScriptMatches(origin: string): string[] {
  const u = new URL(origin);
  return [`${u.protocol}//${u.hostname}/order/*`, `${u.protocol}//${u.hostname}/provider/order/*`];
}

async function ensureContentScript(origin: string, cssFiles?: string[]) {
  const id = scriptIdFor(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: contentScriptMatches(origin),
      js: [CONTENT_SCRIPT_FILE],
      ...(cssFiles?.length ? { css: cssFiles } : {}),
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** On startup: drop registrations whose permission the operator has since removed. */
export async function pruneAdminOrigins(granted: string[], sandbox: boolean): Promise<string[]> {
  const keep: string[] = [];
  for (const origin of granted) {
    if (coveredByManifest(origin, sandbox) || (await browser.permissions.contains({ origins: [matchPatternFor(origin)] }))) {
      keep.push(origin);
    } else {
      await browser.scripting.unregisterContentScripts({ ids: [scriptIdFor(origin)] }).catch(() => {});
    }
  }
  return keep;
}
