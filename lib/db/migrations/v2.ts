// v2: exactly-once enforced by the database itself. `liveBaseKey` (= baseKey while a shipment is live)
// gets a UNIQUE index, so two tabs / two jobs can never both hold a live number for one order (item);
// plus [adminOrigin+orderNo] for the overlay's row look-ups.
import type { Shipment } from '../types';
import { LIVE_STATES } from '../types';
import type { MigrationStep } from './step';

export const v2: MigrationStep = {
  version: 2,
  stores: {
    shipments: '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt, &liveBaseKey, [adminOrigin+orderNo]',
  },
  async upgrade(tx) {
    const rows = (await tx.table('shipments').toArray()) as Shipment[];
    // newest first: if v1 data already holds two live rows for one baseKey, the newest stays live and the
    // older one is flagged for the operator instead of failing the whole upgrade on the unique index
    rows.sort((a, b) => b.createdAt - a.createdAt);
    const seen = new Set<string>();
    for (const row of rows) {
      const live = LIVE_STATES.includes(row.state);
      if (live && !seen.has(row.baseKey)) {
        seen.add(row.baseKey);
        row.liveBaseKey = row.baseKey;
      } else {
        delete row.liveBaseKey;
        if (live) row.warnings = [...(row.warnings ?? []), '같은 주문에 다른 유효 송장이 있어 중복으로 표시되었습니다. 확인해 주세요.'];
      }
      await tx.table('shipments').put(row);
    }
  },
};
