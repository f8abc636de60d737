// The offscreen document: reads the admin pages the worker fetched, with Chromium's DOMParser and the
// readers of lib/godomall (lib/background/offscreen-reader.ts asks). Answers only its own messages:
// every other message of the extension reaches this page too and is left to the worker.
import { localReader } from '../../lib/godomall/page-reader';
import { OFFSCREEN_TARGET, type OffscreenAnswer, type OffscreenRequest } from '../../lib/background/offscreen-reader';

const reader = localReader((html) => new DOMParser().parseFromString(html, 'text/html'));

browser.runtime.onMessage.addListener((message: unknown) => {
  const request = message as Partial<OffscreenRequest> | undefined;
  if (request?.target !== OFFSCREEN_TARGET) return undefined;
  const read =
    request.kind === 'orderDetail'
      ? reader.orderDetail(...(request.args as [string, string]))
      : request.kind === 'courierList'
        ? reader.courierList(...(request.args as [string]))
        : Promise.reject(new Error(`알 수 없는 요청입니다 (${String(request.kind)}).`));
  return read.then(
    (value): OffscreenAnswer => ({ ok: true, value }),
    (err: unknown): OffscreenAnswer => ({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
});
