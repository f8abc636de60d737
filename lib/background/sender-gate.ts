// Who may send which message. Extension pages (popup, options, labels) may send anything; the content
// script on an admin page only the overlay's messages, and only about its own admin origin. Anything
// else — another extension, a web page via externally_connectable, an unknown tab — is refused.
import { isAdminOrigin, originOf } from './admin-origins';

export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
}

export type SenderKind =
  { kind: 'extension' } | { kind: 'content'; adminOrigin: string; tabId?: number } | { kind: 'rejected'; reason: string };

export function classifySender(
  sender: MessageSenderLike,
  runtimeId: string,
  grantedOrigins: readonly string[],
  sandbox: boolean,
): SenderKind {
  if (!sender || sender.id !== runtimeId) return { kind: 'rejected', reason: 'foreign sender' };
  const url = sender.url ?? sender.tab?.url;
  if (url?.startsWith(`chrome-extension://${runtimeId}/`)) return { kind: 'extension' };
  // a content script: judge by the page it runs in (tab URL first: sender.url may be an iframe)
  const origin = originOf(sender.tab?.url) ?? originOf(sender.url);
  if (origin && isAdminOrigin(origin, grantedOrigins, sandbox)) {
    return { kind: 'content', adminOrigin: origin, tabId: sender.tab?.id };
  }
  return { kind: 'rejected', reason: 'not an admin page' };
}

/**
 * Throws when this sender may not send a message meant for `from` (the message table's audience); the
 * error travels back to the sender.
 */
export function assertAllowed(from: 'extension' | 'admin', data: unknown, who: SenderKind): void {
  if (who.kind === 'rejected') throw new Error(`허용되지 않은 요청입니다. (${who.reason})`);
  if (who.kind === 'extension') return;
  if (from !== 'admin') throw new Error('관리자 페이지에서 보낼 수 없는 요청입니다.');
  const claimed = (data as { adminOrigin?: unknown } | undefined)?.adminOrigin;
  if (claimed !== undefined && claimed !== who.adminOrigin) {
    throw new Error('다른 관리자 주소에 대한 요청은 처리할 수 없습니다.');
  }
}
