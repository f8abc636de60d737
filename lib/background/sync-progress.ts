// Progress of the running sync for the popup: how many of the live parcels have been tracked. The
// tracking client is wrapped so each parcel counts once however often it is retried.
import type { JournalDb } from '../db/db';
import type { TrackingApi } from '../epost/types';
import { isRealRegiNo } from '../shipments/keys';

export interface SyncProgress {
  begin(): Promise<void>;
  end(): void;
  current(): { checked: number; total: number } | undefined;
  wrap(tracking: TrackingApi): TrackingApi;
}

export function createSyncProgress(db: JournalDb): SyncProgress {
  let state: { total: number; seen: Set<string> } | undefined;
  return {
    async begin() {
      // the same parcels syncAll checks: live, not test, with a real number
      const live = await db.shipments.where('state').anyOf(['issued', 'reserved', 'shipping']).toArray();
      state = { total: live.filter((s) => !s.test && isRealRegiNo(s.regiNo)).length, seen: new Set() };
    },
    end() {
      state = undefined;
    },
    current: () => (state ? { checked: Math.min(state.seen.size, state.total), total: state.total } : undefined),
    wrap: (tracking) => ({
      async track(regiNo) {
        try {
          return await tracking.track(regiNo);
        } finally {
          state?.seen.add(regiNo);
        }
      },
    }),
  };
}
