// The background's journal (IndexedDB `epost-journal` in the service worker), read and seeded by the
// e2e suites: rows as a finished job would leave them, and what a job left behind.
import type { Shipment } from '../../lib/db/types';
import { asksOperator } from '../../lib/db/attention';
import { orderRowsOf } from '../../lib/db/order-row';
import type { ExtensionSession } from './harness';

/**
 * Puts journal rows straight into the worker's IndexedDB store (default: shipments). Shipment rows get
 * the `attention` flag and the overlay's small copy (orderRows) putShipment would give them, and the
 * kept state counts are dropped so the
 * extension counts them again, as it does after any write made around putShipment.
 */
export async function putJournalRows(x: ExtensionSession, rows: object[], store = 'shipments'): Promise<void> {
  if (store === 'shipments') {
    rows = (rows as Shipment[]).map((r) => (asksOperator(r) ? { ...r, attention: 1 } : r));
    await putJournalRows(x, [], 'stateCounts');
    await putJournalRows(x, (rows as Shipment[]).flatMap(orderRowsOf), 'orderRows');
  }
  await (
    await x.worker()
  ).evaluate(
    ({ rows, store }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('epost-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          if (store === 'stateCounts') tx.objectStore(store).clear();
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { rows, store },
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
  return {
    key: orderNo,
    baseKey: orderNo,
    reissue: 0,
    mode: 'order',
    orderNo,
    itemSnos: [],
    adminOrigin,
    state: 'issued',
    source: 'issued',
    test: false,
    payType: '1',
    regiNo: '',
    reqNo: '',
    resNo: '',
    reqYmd: '',
    resDate: '',
    price: '',
    vTelNo: '',
    regiPoNm: '',
    arrCnpoNm: '',
    delivPoNm: '',
    delivAreaCd: '',
    courseNo: '',
    printAreaCd: '',
    receiver: { name: '김수령', zip: '06236', addr1: '서울', addr2: '', tel: '', mobile: '' },
    goods: [],
    delivMsg: '',
    godomallStatus: 'p1',
    warnings: [],
    createdAt: now,
    updatedAt: now,
    operatorId: 'shopadmin',
    ...patch,
  };
}
