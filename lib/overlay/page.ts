// What the overlay needs from the admin page it runs in, beside the rows: fetching the other pages of
// the search, remembering this tab's running job across a reload, the per-item view's address, and
// whether the shop can take a 우체국택배 number at all.
import { findEpostCourierSno, missingEpostCourierText, readListCourierOptions } from '../godomall/order';

/** Fetches an admin page with the operator's session and parses it (the content script's own DOMParser). */
export async function fetchAdminDoc(url: string, signal: AbortSignal): Promise<Document> {
  const res = await fetch(url, { credentials: 'include', signal });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new DOMParser().parseFromString(await res.text(), 'text/html');
}

/** The running job's id in this tab's sessionStorage: a reload mid-job keeps showing its progress. */
export function tabJobMemory(origin: string) {
  const key = `epg-overlay-job:${origin}`;
  // storage can be refused (privacy settings): then progress simply does not survive a reload
  return {
    load: () => {
      try {
        return sessionStorage.getItem(key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    save: (jobId: string | undefined) => {
      try {
        if (jobId) sessionStorage.setItem(key, jobId);
        else sessionStorage.removeItem(key);
      } catch {
        /* see above */
      }
    },
  };
}

/** This list in godomall's per-item view (`?view=orderGoods`), where 상품별 has a row per item. */
export function itemViewHref(pageUrl: string): string {
  const u = new URL(pageUrl);
  u.searchParams.set('view', 'orderGoods');
  return u.toString();
}

/**
 * The shop's 배송 업체 list as this page shows it (the 상품준비중 list's invoice selects): when it has no
 * 우체국택배, the operator is told what to add where before issuing anything. Undefined when the page
 * shows no list (other lists) or the list has it.
 */
export function courierListWarning(doc: ParentNode): string | undefined {
  const options = readListCourierOptions(doc);
  return options.length && !findEpostCourierSno(options) ? missingEpostCourierText() : undefined;
}
