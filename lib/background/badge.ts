// The action badge: how many rows need the operator (연락처오류, exceptions, waiting writes).
import type { JournalDb } from '../db/db';
import { needsAction } from './dashboard';

export async function refreshBadge(db: JournalDb): Promise<number> {
  const { total } = await needsAction(db, 0);
  await browser.action.setBadgeText({ text: total ? String(Math.min(total, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#c9302c' });
  return total;
}

/** Coalesces bursts of changes into one refresh. */
export function createBadgeRefresher(db: JournalDb, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      refreshBadge(db).catch(() => {});
    }, delayMs);
  };
}
