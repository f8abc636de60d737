// v1: the first shipped schema. Never edit; add the next step instead.
import type { MigrationStep } from './step';

export const v1: MigrationStep = {
  version: 1,
  stores: {
    shipments: '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt',
    voidNumbers: '&regiNo, key',
    trackingEvents: '++id, regiNo, [regiNo+at]',
    jobs: '&id, status, kind, createdAt',
    syncRuns: '++id, startedAt',
    audit: '++id, at, key, orderNo, regiNo',
    pendingWrites: '++id, adminOrigin, shipmentKey',
    kv: '&key',
  },
};
