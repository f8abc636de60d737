// Small DOM helpers that behave the same on a live page (the content script, the offscreen document),
// happy-dom and linkedom (the node tests; linkedom's form controls don't always reflect properties).

/**
 * A form control's value as the admin saved it: the markup's attribute, not the live property.
 * An edit the operator has typed but not saved is not the order's truth; and this reads the same
 * on a live page, happy-dom (whose parsed selects misreport their selection) and linkedom.
 */
export function controlValue(el: Element | null | undefined): string {
  if (!el) return '';
  if (el.tagName === 'SELECT') return selectedOption(el)?.getAttribute('value') ?? '';
  // linkedom leaves entities in a textarea's text; serialising and decoding once reads the same everywhere
  if (el.tagName === 'TEXTAREA') return decodeEntities(el.innerHTML);
  return el.getAttribute('value') ?? '';
}

/** The option the admin printed as selected (`[selected]`), else the first (as a browser shows it). */
export function selectedOption(select: Element): Element | undefined {
  const options = Array.from(select.querySelectorAll('option'));
  return options.find((o) => o.hasAttribute('selected')) ?? options[0];
}

export function optionText(option: Element | undefined): string {
  return normSpace(option?.textContent ?? '');
}

export function normSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function rowSpanOf(cell: Element | null | undefined): number {
  const n = Number.parseInt(cell?.getAttribute('rowspan') ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** The nearest ancestor (or self) with the tag name; `closest` with a fallback for odd DOMs. */
export function ancestor(el: Element, tag: string): Element | undefined {
  const upper = tag.toUpperCase();
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur.tagName === upper) return cur;
  }
  return undefined;
}

/** The element siblings after `el`, in order. */
export function nextSiblings(el: Element, count: number): Element[] {
  const out: Element[] = [];
  for (let cur = el.nextElementSibling; cur && out.length < count; cur = cur.nextElementSibling) out.push(cur);
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return NAMED[e] ?? whole;
  });
}
