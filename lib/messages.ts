// The one protocol between the extension's contexts: the protocol map and typed client derived from
// the message table (background/handlers/index.ts), where each message is declared once; the data the
// messages carry is in message-data.ts. The background is the only receiver and accepts messages from the extension's own
// contexts only.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageTable } from './background/handlers';

export type * from './message-data';

/** What a table entry's handler takes (undefined for a message without data) and answers. */
type InputOf<H> = H extends (...args: infer A) => unknown ? (A extends [] ? undefined : A[0]) : never;
type AnswerOf<H> = H extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * The protocol between the pages and the background, derived from the one declaration of each message
 * (background/handlers/index.ts messageTable): its input is the handler's parameter, its answer the
 * handler's result. Nothing here restates a message.
 */
export type ProtocolMap = {
  [K in keyof MessageTable]: (data: InputOf<MessageTable[K]['handle']>) => AnswerOf<MessageTable[K]['handle']>;
};

const messaging = defineExtensionMessaging<ProtocolMap>();
const { sendMessage } = messaging;
export const { onMessage, removeAllListeners } = messaging;

/** The background as the pages call it: one typed method per message, each a sendMessage. */
export type BackgroundClient = {
  [K in keyof ProtocolMap]: InputOf<MessageTable[K]['handle']> extends undefined
    ? () => Promise<ReturnType<ProtocolMap[K]>>
    : (data: Parameters<ProtocolMap[K]>[0]) => Promise<ReturnType<ProtocolMap[K]>>;
};

/** The typed client of the content script, popup, options and labels pages (the proxy-service way). */
export const background = new Proxy({} as BackgroundClient, {
  get: (_, type) => (data?: unknown) => sendMessage(type as keyof ProtocolMap, data as never),
});
