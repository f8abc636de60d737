// The background's journal (IndexedDB `epost-journal` in the service worker), read and seeded by the
// e2e suites: rows as a finished job would leave them, and what a job left behind.
import type { Shipment } from '../../lib/db/types';
import { asksOperator } from '../../lib/db/attention';
import { orderRowsOf } from '../../lib/db/order-row';
import type { ExtensionSession } from './harness';
import { bareShipment } from '../unit/bare-shipment';

/**
 * Puts journal rows straight into the worker's IndexedDB store (default: shipments). Shipment rows get
 * the `attention` flag and the overlay's small copy (orderRows) putShipment would give them, and the
 * kept state counts are dropped so the extension counts them again, as it does after any write made
 * around putShipment. All of it in ONE transaction: the worker may count at any moment (a badge
 * refresh after a settings save), and a count taken between a separate clear and put would be kept
 * without these rows.
 */
export async function putJournalRows(x: ExtensionSession, rows: object[], store = 'shipments'): Promise<void> {
  const writes: Array<[store: string, rows: object[]]> =
    store === 'shipments'
      ? [
          ['shipments', (rows as Shipment[]).map((r) => (asksOperator(r) ? { ...r, attention: 1 } : r))],
          ['orderRows', (rows as Shipment[]).flatMap(orderRowsOf)],
        ]
      : [[store, rows]];
  await (
    await x.worker()
  ).evaluate(
    ({ writes, recount }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('epost-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const stores = writes.map(([name]) => name);
          const tx = open.result.transaction(recount ? [...stores, 'stateCounts'] : stores, 'readwrite');
          for (const [name, rows] of writes) for (const row of rows) tx.objectStore(name).put(row);
          if (recount) tx.objectStore('stateCounts').clear();
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { writes, recount: store === 'shipments' },
  );
}

/** All rows of one store of the journal. */
export async function journal<T>(x: ExtensionSession, store: string): Promise<T[]> {
  return (await x.worker()).evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('epost-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => (open.result.close(), resolve(req.result as T[]));
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** A 주문별 shipment row for `orderNo` on `adminOrigin` (issued, not test), with `patch` over it. */
export function shipmentRow(adminOrigin: string, orderNo: string, patch: Partial<Shipment> & Record<string, unknown> = {}) {
  const now = Date.now();
  const receiver = { name: '김수령', zip: '06236', addr1: '서울', addr2: '', tel: '', mobile: '' };
  return { ...bareShipment(orderNo, { adminOrigin, receiver, createdAt: now, updatedAt: now, operatorId: 'shopadmin' }), ...patch };
}
