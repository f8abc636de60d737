// 「검색된 … 일괄」: every row of the operator's current admin search, across all its pages.
import type { ListRow } from './types';
import { readListRows } from './rows';
import { isLoginPage } from './session';
import { SessionExpiredError } from './types';
import { SEL } from './selectors';

const MAX_PAGE_SIZE = 500;

/** The highest `page=` the pagination links point to (1 when there is no pagination). */
export function lastPageOf(doc: ParentNode): number {
  let last = 1;
  for (const a of Array.from(doc.querySelectorAll(`${SEL.pagination} a[href]`))) {
    const href = a.getAttribute('href') ?? '';
    const m = /[?&]page=(\d+)/.exec(href);
    if (m) last = Math.max(last, Number(m[1]));
  }
  return last;
}

/**
 * Re-requests the search of `searchUrl` (same keyword/dates/statuses/view/sort) with pageNum=500,
 * page 1..N, and returns the rows of all pages, each key once.
 */
export async function fetchAllSearchRows(
  searchUrl: string,
  fetchDoc: (url: string) => Promise<ParentNode>,
  opts: { maxPages?: number } = {},
): Promise<ListRow[]> {
  const maxPages = opts.maxPages ?? 200;
  const seen = new Set<string>();
  const rows: ListRow[] = [];
  let last = 1;
  for (let page = 1; page <= Math.min(last, maxPages); page++) {
    const url = new URL(searchUrl);
    url.searchParams.set('pageNum', String(MAX_PAGE_SIZE));
    url.searchParams.set('page', String(page));
    const doc = await fetchDoc(url.toString());
    if (isLoginPage(doc)) throw new SessionExpiredError(url.origin);
    const pageRows = readListRows(doc);
    const before = rows.length;
    for (const row of pageRows) {
      if (seen.has(row.key)) continue;
      seen.add(row.key);
      rows.push(row);
    }
    last = Math.max(last, lastPageOf(doc));
    // an admin that answers every page with the rows already read (one that ignores `page`, its
    // pagination always a page further) would be read to maxPages, a request each: half a minute
    // of the operator's wait after every job; a page adding nothing new is the end
    if (rows.length === before) break;
  }
  return rows;
}
