// Sandbox build only: hooks the real-browser tests use to put journal rows in place and to see
// what the page did. Never part of the production bundle's behaviour (guarded by IS_SANDBOX_BUILD).
import { openJournal } from '../../lib/db/db';
import { putShipment, shipmentsByKeys } from '../../lib/db/repo/shipments';
import type { Shipment } from '../../lib/db/types';
import type { LabelPageState } from '../../lib/labels/page-state';
import type { LabelData } from '../../lib/messages';

declare global {
  interface Window {
    __epostLabels?: {
      putShipments(rows: Shipment[]): Promise<number>;
      getShipments(keys: string[]): Promise<Array<Shipment | undefined>>;
      /** render this data as if the background had sent it (layout tests without a journal) */
      show(data: LabelData): void;
      afterPrint(): Promise<void>;
      status(): string;
      notice(): string;
    };
  }
}

export function installSandboxHooks(state: LabelPageState): void {
  window.__epostLabels = {
    async putShipments(rows) {
      const db = openJournal();
      try {
        // through the repository, like every write: kept counts and the overlay's order rows stay true
        for (const row of rows) await putShipment(db, row);
        return rows.length;
      } finally {
        db.close();
      }
    },
    async getShipments(keys) {
      const db = openJournal();
      try {
        return await shipmentsByKeys(db, keys);
      } finally {
        db.close();
      }
    },
    show: (data) => state.show(data),
    afterPrint: () => state.afterPrint(),
    status: () => state.status.value.kind,
    notice: () => state.notice.value,
  };
}
