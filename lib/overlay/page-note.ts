// On the admin's other parcel pages (lib/godomall/pages.ts notedPageOf) the overlay has no toolbar; one
// line under the page's title says why and where the operator does it instead.
import { SEL } from '../godomall/selectors';
import { ensureStyle } from './style';

const NOTE_ATTR = 'data-epg-page-note';

/** Adds the note once (a second content-script instance finds it); undefined when the page has no title bar. */
export function mountPageNote(doc: Document, title: string, text: string): { unmount(): void } | undefined {
  const header = doc.querySelector(SEL.pageHeader);
  if (!header || doc.querySelector(`[${NOTE_ATTR}]`)) return undefined;
  ensureStyle(doc);
  const note = doc.createElement('div');
  note.className = 'epg-toolbar';
  note.setAttribute(NOTE_ATTR, '');
  const strong = doc.createElement('span');
  strong.className = 'epg-toolbar__title';
  strong.textContent = title;
  const body = doc.createElement('span');
  body.className = 'epg-toolbar__muted';
  body.textContent = text;
  note.append(strong, body);
  header.insertAdjacentElement('afterend', note);
  return { unmount: () => note.remove() };
}
