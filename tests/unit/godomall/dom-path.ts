// The structure on the way to an element, for comparing our simulator's pages with pages written by
// hand from the godomall templates.

/**
 * Each ancestor of `el` up to (not including) the first one matching `stop`, as tag#id.classes[name],
 * with digits folded (ids and names carry item numbers, and values differ).
 */
export function path(el: Element | null, stop: string): string {
  const parts: string[] = [];
  for (let cur = el; cur && !cur.matches(stop); cur = cur.parentElement) {
    const id = cur.getAttribute('id');
    const cls = (cur.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).sort().join('.');
    const name = cur.getAttribute('name');
    parts.unshift(
      `${cur.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}${name ? `[${name}]` : ''}`.replace(/\d+/g, 'N'),
    );
  }
  return parts.join(' > ');
}
