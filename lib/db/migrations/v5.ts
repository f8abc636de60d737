// v5: retires v4's compound index [state+pickup.claim]. It served one fallback (a return-pickup count
// not kept yet), and IndexedDB builds a new index by reading every row: at 1,000,000 shipments that held
// the first start after the update for 45 s in Chromium (journal-browser bench), in a service worker
// Chrome may stop after 30 s without an event. v4 had no upgrade step, so it leaves the ledger: Dexie
// works out each step's change from the schema the database has, so a v3 journal comes to v5 without
// ever building the index and a v4 journal drops it. A missing pickup count is now counted from the
// keys (repo/shipments.ts stateCount), once.
import type { MigrationStep } from './step';

export const v5: MigrationStep = {
  version: 5,
  stores: {
    shipments:
      '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt, &liveBaseKey, [adminOrigin+orderNo], attention',
  },
};
