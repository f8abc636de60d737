// The real ko/en messages.json behind a Translate, for tests and the benchmark.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTranslator, getMessageFromJson, type Translate } from '../../../lib/overlay/i18n';

export function localeMessages(lang: 'ko' | 'en'): Record<string, { message: string; placeholders?: Record<string, { content: string }> }> {
  const path = fileURLToPath(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function translator(lang: 'ko' | 'en' = 'ko'): Translate {
  return createTranslator(getMessageFromJson(localeMessages(lang)));
}
