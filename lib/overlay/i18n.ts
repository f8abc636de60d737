// Operator-facing strings come from _locales (ko first). The overlay takes a translator as an argument
// so components stay free of browser.* calls and tests can use the real messages.json.
export type Translate = (key: string, ...subs: Array<string | number>) => string;

export type GetMessage = (key: string, subs?: string[]) => string;

export function createTranslator(getMessage: GetMessage): Translate {
  return (key, ...subs) => getMessage(key, subs.map(String)) || key;
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * Chrome's substitution rules for a parsed messages.json (named $PLACEHOLDER$ → its content → $1..$9).
 * Used where browser.i18n is absent: unit tests and benchmarks.
 */
export function getMessageFromJson(messages: Record<string, MessageEntry>): GetMessage {
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) return '';
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? ph.content : '';
    });
    return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}
