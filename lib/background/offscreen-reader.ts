// The worker's AdminPageReader: a service worker has no DOMParser, so the admin's pages are read in the
// extension's offscreen document (entrypoints/offscreen), with Chromium's own parser and the same
// readers the tests run. The worker thus loads no HTML parser of its own on every wake-up; the document
// is created the first time a page is read and stays while the browser runs.
import type { AdminPageReader } from '../godomall/page-reader';

/** The message the offscreen document answers; anything without this target is not for it. */
export const OFFSCREEN_TARGET = 'epg-offscreen';
const OFFSCREEN_PATH = 'offscreen.html';

export type OffscreenRequest =
  | { target: typeof OFFSCREEN_TARGET; kind: 'orderDetail'; args: [viewHtml: string, goodsHtml: string] }
  | { target: typeof OFFSCREEN_TARGET; kind: 'courierList'; args: [listHtml: string] };
export type OffscreenAnswer = { ok: true; value: unknown } | { ok: false; message: string };

let creating: Promise<void> | undefined;

async function ensureDocument(): Promise<void> {
  // a document being created is already listed by getContexts: wait for its creation, not past it
  if (creating) return creating;
  const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length) return;
  // one creation at a time: concurrent reads of a job wait for the same document
  creating ??= browser.offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'], justification: '고도몰 관리자 주문 화면(HTML)을 읽습니다.' })
    .catch((err: unknown) => {
      // another caller (an earlier worker) created it meanwhile: that is the document we want
      if (!/single offscreen/i.test(String(err))) throw err;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** how long a just-created document may take to start listening (its script runs after it is listed) */
const LISTENER_WAIT = { tries: 40, ms: 50 };

/**
 * The document answered this worker: later reads go straight to it (asking Chrome for its contexts
 * before every read costs more than the read on a long job); no answer sends the next read back
 * through ensureDocument.
 */
let answering = false;

async function ask(request: OffscreenRequest): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    if (!answering) await ensureDocument();
    let answer: OffscreenAnswer | undefined;
    try {
      answer = (await browser.runtime.sendMessage(request)) as OffscreenAnswer | undefined;
    } catch (err) {
      if (!/Receiving end does not exist/i.test(String(err))) throw err;
    }
    answering = answer !== undefined;
    if (answer) {
      if (!answer.ok) throw new Error(answer.message);
      return answer.value;
    }
    // no answer: the document exists but its listener is not registered yet (or Chrome just closed it)
    if (attempt >= LISTENER_WAIT.tries) throw new Error('관리자 화면을 읽는 문서가 응답하지 않았습니다.');
    await new Promise((r) => setTimeout(r, LISTENER_WAIT.ms));
  }
}

/**
 * Creates the document ahead of the first read (an admin list just opened): its start, about half a
 * second, is then not on the path of the operator's first job.
 */
export function prepareOffscreenReader(): Promise<void> {
  return ensureDocument();
}

export function offscreenReader(): AdminPageReader {
  return {
    orderDetail: async (viewHtml, goodsHtml) =>
      (await ask({ target: OFFSCREEN_TARGET, kind: 'orderDetail', args: [viewHtml, goodsHtml] })) as Awaited<
        ReturnType<AdminPageReader['orderDetail']>
      >,
    courierList: async (listHtml) =>
      (await ask({ target: OFFSCREEN_TARGET, kind: 'courierList', args: [listHtml] })) as Awaited<
        ReturnType<AdminPageReader['courierList']>
      >,
  };
}
