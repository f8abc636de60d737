// The real ko/en messages.json behind a Translate, for tests and the benchmark.
import ko from '../../../public/_locales/ko/messages.json';
import en from '../../../public/_locales/en/messages.json';
import { createTranslator, getMessageFromJson, type Translate } from '../../../lib/overlay/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function localeMessages(lang: 'ko' | 'en'): Messages {
  return (lang === 'ko' ? ko : en) as Messages;
}

export function translator(lang: 'ko' | 'en' = 'ko'): Translate {
  return createTranslator(getMessageFromJson(localeMessages(lang)));
}
