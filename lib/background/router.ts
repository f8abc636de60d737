// The one receiver of lib/messages.ts, built from the message table (handlers/index.ts): every entry
// runs behind the sender gate with the audience the table gives it, then its `after` effect.
import { onMessage, type ProtocolMap } from '../messages';
import type { MessageEntry, MessageTable } from './handlers';
import { assertAllowed, classifySender, type MessageSenderLike } from './sender-gate';
import { journalOpenFailure } from '../db/db';

export interface GateContext {
  runtimeId(): string;
  grantedOrigins(): Promise<string[]>;
  sandbox: boolean;
}

export function registerMessages(table: Partial<MessageTable>, gate: GateContext): void {
  for (const type of Object.keys(table) as Array<keyof ProtocolMap>) {
    // each entry's input type is its own; the router hands it the message's data as sent (the handler parses it)
    const entry = table[type] as unknown as MessageEntry<unknown, never>;
    onMessage(type, async (message) => {
      const who = classifySender(message.sender as MessageSenderLike, gate.runtimeId(), await gate.grantedOrigins(), gate.sandbox);
      try {
        assertAllowed(entry.from, message.data, who);
        return await entry.handle(message.data as never, who);
      } catch (e) {
        // a journal that cannot be opened is said in Korean by every message, not as Dexie's words
        throw journalOpenFailure(e) ?? e;
      } finally {
        if (who.kind !== 'rejected') entry.after?.(who);
      }
    });
  }
}
