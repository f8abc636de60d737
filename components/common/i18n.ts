// Operator-facing strings come from _locales (Korean first). Pages install the translator once at
// start-up; components call t() and stay free of browser.* calls (tests install the real JSON).
import type { Translate } from '../../lib/overlay/i18n';

let current: Translate = (key) => key;

export function installTranslator(tr: Translate): void {
  current = tr;
}

export const t: Translate = (key, ...subs) => current(key, ...subs);
