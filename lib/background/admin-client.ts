// The godomall admin as the worker reaches it: fetch with the operator's session cookie, pages read by
// the offscreen document (a service worker has no DOMParser). One client per admin origin.
import { createGodomallAdmin } from '../godomall/admin';
import type { AdminPageReader } from '../godomall/page-reader';
import type { GodomallAdmin } from '../godomall/types';
import { offscreenReader } from './offscreen-reader';

export function createAdminFactory(opts: { fetch?: typeof fetch; reader?: AdminPageReader } = {}): (origin: string) => GodomallAdmin {
  const reader = opts.reader ?? offscreenReader();
  const cache = new Map<string, GodomallAdmin>();
  return (origin) => {
    let admin = cache.get(origin);
    if (!admin) {
      admin = createGodomallAdmin({ origin, reader, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
      cache.set(origin, admin);
    }
    return admin;
  };
}
