// The godomall admin as the worker reaches it: fetch with the operator's session cookie, HTML parsed
// by linkedom (a service worker has no DOMParser). One client per admin origin.
import { DOMParser } from 'linkedom';
import { createGodomallAdmin } from '../godomall/admin';
import type { GodomallAdmin } from '../godomall/types';

export function createAdminFactory(fetchImpl?: typeof fetch): (origin: string) => GodomallAdmin {
  const parser = new DOMParser();
  const parseHtml = (html: string) => parser.parseFromString(html, 'text/html') as unknown as Document;
  const cache = new Map<string, GodomallAdmin>();
  return (origin) => {
    let admin = cache.get(origin);
    if (!admin) {
      admin = createGodomallAdmin({ origin, parseHtml, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
      cache.set(origin, admin);
    }
    return admin;
  };
}
