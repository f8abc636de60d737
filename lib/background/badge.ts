// The action badge: how many rows need the operator (연락처오류, exceptions, waiting writes).
import type { Shipments } from '../shipments';

export async function refreshBadge(shipments: Pick<Shipments, 'dashboardCounts'>): Promise<number> {
  const { needsAction } = await shipments.dashboardCounts();
  const total = needsAction.length;
  await browser.action.setBadgeText({ text: total ? String(Math.min(total, 999)) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#c9302c' });
  return total;
}

/** Coalesces bursts of changes into one refresh. */
export function createBadgeRefresher(shipments: Pick<Shipments, 'dashboardCounts'>, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      refreshBadge(shipments).catch(() => {});
    }, delayMs);
  };
}
