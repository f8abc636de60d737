// Which build the running service worker is. Chrome keeps running the worker script it registered for
// an unpacked extension whose files were replaced in the same folder (browser restarted on the same
// profile): pages and content scripts load from disk, the worker stays the old build's, and the two
// then disagree about every message (issue 19: the popup threw, the list read 미발급, the journal was
// never upgraded). The worker stamps its build at each start; a page that finds another stamp says so
// instead of showing what a worker of another build answered.
declare const __EPG_BUILD__: string | undefined;

/** Set per build by wxt.config.ts; the same in every script of one build. */
const BUILD_ID = typeof __EPG_BUILD__ === 'string' ? __EPG_BUILD__ : 'dev';

const STAMP_KEY = 'workerBuild';

// Measured in Chromium 156 (tests/e2e/update-in-place.e2e.ts): restarting the browser keeps the old
// worker, and so do a new manifest version and unregistering it from a page. The reload button on
// chrome://extensions is Chrome's way to load a changed unpacked extension; removing it deletes the journal.
export const STALE_WORKER_MESSAGE =
  '확장 프로그램 파일이 새 버전으로 바뀌었지만 Chrome이 이전 버전의 백그라운드를 계속 실행하고 있어 발급 내역을 읽을 수 없습니다. ' +
  'chrome://extensions 에서 「우체국택배 연동 for 고도몰」의 새로고침(⟳) 버튼을 눌러 주세요(확장 프로그램을 삭제하면 발급 내역이 지워지니 삭제하지 마세요). ' +
  '발급된 송장과 고도몰 저장 대기 내역은 그대로 보관되어 있으며, 새 버전이 시작되면 이어서 처리됩니다.';

/** The worker, at each start. */
export function stampWorkerBuild(): Promise<void> {
  return browser.storage.local.set({ [STAMP_KEY]: BUILD_ID });
}

/** Pages: true when the running worker is not this build (it never stamped, or stamped another). */
export async function workerIsStale(): Promise<boolean> {
  const read = async () => (await browser.storage.local.get(STAMP_KEY))[STAMP_KEY];
  if ((await read()) === BUILD_ID) return false;
  // a worker of this build woken by the page's own message may still be writing its stamp
  await new Promise((resolve) => setTimeout(resolve, 400));
  return (await read()) !== BUILD_ID;
}
