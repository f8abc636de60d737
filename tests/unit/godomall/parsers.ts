// Every reader must work on a live page (happy-dom stands in) and in the service worker (linkedom).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { DOMParser as LinkedomParser } from 'linkedom';

export type ParseHtml = (html: string) => Document;

const happyDomParse: ParseHtml = (html) => {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
};

export const linkedomParse: ParseHtml = (html) => new LinkedomParser().parseFromString(html, 'text/html') as unknown as Document;

export const PARSERS: Array<[string, ParseHtml]> = [
  ['happy-dom', happyDomParse],
  ['linkedom', linkedomParse],
];

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
