// The one receiver of lib/messages.ts. Every handler runs behind the sender gate: extension pages may
// send anything, a content script on an admin page only the overlay's messages about its own origin.
import { onMessage, type ProtocolMap } from '../messages';
import { assertAllowed, classifySender, type MessageSenderLike, type SenderKind } from './sender-gate';

type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]>[0],
  who: SenderKind,
) => Promise<ReturnType<ProtocolMap[K]>> | ReturnType<ProtocolMap[K]>;

export type Handlers = { [K in keyof ProtocolMap]: Handler<K> };

export interface GateContext {
  runtimeId(): string;
  grantedOrigins(): Promise<string[]>;
  sandbox: boolean;
}

/** Gate + dispatch for one message; exported for tests that drive it without a messaging layer. */
async function dispatch<K extends keyof ProtocolMap>(
  type: K,
  handler: Handler<K>,
  data: Parameters<ProtocolMap[K]>[0],
  sender: MessageSenderLike,
  gate: GateContext,
): Promise<ReturnType<ProtocolMap[K]>> {
  const who = classifySender(sender, gate.runtimeId(), await gate.grantedOrigins(), gate.sandbox);
  assertAllowed(type, data, who);
  return handler(data, who);
}

export function registerMessages(handlers: Partial<Handlers>, gate: GateContext, afterEach?: (type: keyof ProtocolMap) => void): void {
  for (const type of Object.keys(handlers) as Array<keyof ProtocolMap>) {
    const handler = handlers[type] as Handler<typeof type>;
    onMessage(type, async (message) => {
      try {
        return await dispatch(type, handler, message.data as never, message.sender as MessageSenderLike, gate);
      } finally {
        afterEach?.(type);
      }
    });
  }
}
