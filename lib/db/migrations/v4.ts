// v4: return pickups (반품 회수, Shipment.pickup) counted without a scan. The shipments table gains the
// compound index [state+pickup.claim]: a row without a pickup has no value there, so the index holds
// return pickups only, and their count in a state is an index count. No data moves: journals before
// v4 hold no pickups, and the index is built by IndexedDB itself.
import type { MigrationStep } from './step';

export const v4: MigrationStep = {
  version: 4,
  stores: {
    shipments:
      '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt, &liveBaseKey, [adminOrigin+orderNo], attention, [state+pickup.claim]',
  },
};
