// Every string the popup and options page show comes from _locales: each t('key') used in their
// components must exist in ko and en, with the same placeholders.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const load = (loc: string) =>
  JSON.parse(readFileSync(join(root, `public/_locales/${loc}/messages.json`), 'utf8')) as Record<
    string,
    { message: string; placeholders?: object }
  >;

function usedKeys(dir: string): string[] {
  const keys = new Set<string>();
  for (const f of readdirSync(join(root, dir))) {
    if (!/\.tsx?$/.test(f)) continue;
    const src = readFileSync(join(root, dir, f), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*['`]((?:popup|options)[A-Za-z_]*)(\$\{[^}]+\})?['`]/g)) {
      if (m[2]) ['unset', 'checking', 'connected', 'error'].forEach((s) => keys.add(m[1] + s));
      else keys.add(m[1]!);
    }
    // COUNT_KEYS style tables: string literals that look like message keys
    for (const m of src.matchAll(/'((?:popup|options)Count[A-Za-z]+)'/g)) keys.add(m[1]!);
  }
  return [...keys];
}

describe('popup and options strings', () => {
  const ko = load('ko');
  const en = load('en');
  const keys = [...usedKeys('components/popup'), ...usedKeys('components/options')];
  it('finds the keys it checks', () => expect(keys.length).toBeGreaterThan(60));
  it.each(keys)('%s is in ko and en', (key) => {
    expect(ko[key]?.message, `ko ${key}`).toBeTruthy();
    expect(en[key]?.message, `en ${key}`).toBeTruthy();
    expect(Object.keys(en[key]!.placeholders ?? {})).toEqual(Object.keys(ko[key]!.placeholders ?? {}));
  });
});
