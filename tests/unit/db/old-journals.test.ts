// Journals written by the released builds (fixtures produced by running each build's own code, see
// tests/fixtures/journals/README.md), loaded as raw IndexedDB at their old version and opened by
// today's openJournal: every parcel readable, the overlay's and the popup's views right, and the old
// build's queued godomall writes landing afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { journalOpenFailure, openJournal, type JournalDb } from '../../../lib/db/db';
import { LATEST_VERSION } from '../../../lib/db/migrations';
import type { Shipment } from '../../../lib/db/types';
import { migrateSettings } from '../../../lib/settings';
import { createSecretStore } from '../../../lib/background/secrets';
import { startHarness, type Harness } from '../shipments/harness';
import { OPTIONS_SENDER, startTestBackground } from '../background/helpers';
import { JOURNAL_FIXTURES, loadRawJournal, readJournalFixture } from './old-journal';

let serial = 0;
const dbName = () => `old-journal-${process.pid}-${++serial}`;
let h: Harness | undefined;
let db: JournalDb | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
  await h?.close();
  h = undefined;
});

const rowsOf = <T>(f: ReturnType<typeof readJournalFixture>, store: string) =>
  (f.journal.stores.find((s) => s.name === store)?.rows ?? []) as T[];

describe('journals written by the released builds open in today’s build', () => {
  it('v1 (the keys saved by the first build) opens at the latest version and the keys still work', async () => {
    const f = readJournalFixture('v1-09d5bc1');
    const name = dbName();
    await loadRawJournal(name, f);
    db = openJournal(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await createSecretStore(db).which()).toMatchObject({ apiKey: true, securityKey: true });
    expect(migrateSettings(f.storageLocal.settings).memberId).toBe('testshop');
  });

  for (const file of JOURNAL_FIXTURES.slice(1)) {
    it(`${file}: every parcel readable, the overlay and popup right, the queued godomall writes land`, async () => {
      h = await startHarness();
      const f = readJournalFixture(file, h.origin);
      const { reservedOrder, queuedOrders = [], contactErrorOrder, regiNos = {} } = f.scenario;
      // today's simulator seeds the same shop: the old build's orders are there, without numbers
      for (const orderNo of queuedOrders) expect(h.gd.control.order(orderNo)!.items.every((i) => i.invoiceNo === '')).toBe(true);

      const name = dbName();
      await loadRawJournal(name, f);
      db = openJournal(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);

      // every row the old build wrote, in its state
      const old = rowsOf<Shipment>(f, 'shipments');
      const now = await db.shipments.toArray();
      expect(now.map((r) => [r.key, r.state, r.regiNo]).sort()).toEqual(old.map((r) => [r.key, r.state, r.regiNo]).sort());

      const s = h.shipments({ db });
      // the overlay's look-ups: the three parcels show their numbers, never 미발급
      const orders = [reservedOrder!, ...queuedOrders, ...(contactErrorOrder ? [contactErrorOrder] : [])];
      const rows = await s.rowShipments(h.origin, orders);
      const byOrder = new Map(rows.map((r) => [r.orderNo, r]));
      for (const orderNo of queuedOrders)
        expect(byOrder.get(orderNo)).toMatchObject({ state: 'issued', regiNo: regiNos[orderNo], savePending: true });
      expect(byOrder.get(reservedOrder!)).toMatchObject({ state: 'reserved', regiNo: regiNos[reservedOrder!] });
      if (contactErrorOrder) expect(byOrder.get(contactErrorOrder)).toMatchObject({ state: 'failed', contactError: true });

      // the popup's counts
      const { counts } = await s.dashboardCounts();
      expect(counts).toMatchObject({ issued: 3, reserved: 1, contactError: contactErrorOrder ? 1 : 0, pendingWrites: 3 });

      // the old build's queued writes land with today's flush
      const flushed = await s.flushPendingWrites();
      expect(flushed).toMatchObject({ written: 3, remaining: 0, unlinked: [] });
      for (const orderNo of queuedOrders) {
        expect(h.gd.control.order(orderNo)!.items.map((i) => i.invoiceNo)).toEqual(
          h.gd.control.order(orderNo)!.items.map(() => regiNos[orderNo]),
        );
      }
      expect(await db.pendingWrites.count()).toBe(0);
      expect((await s.rowShipments(h.origin, queuedOrders)).filter((r) => r.savePending)).toEqual([]);
      expect(migrateSettings(f.storageLocal.settings).memberId).toBe('testshop');
    });
  }

  it('a journal whose upgrade fails answers every message in Korean and keeps the old rows untouched', async () => {
    // the 2026-11-28 journal with its shipments keyed in a way no step of the ledger can upgrade
    const f = readJournalFixture('v2-9ae1bf1');
    const stores = f.journal.stores.map((s) => (s.name === 'shipments' ? { ...s, keyPath: 'regiNo' } : s));
    const name = dbName();
    await loadRawJournal(name, {
      ...f,
      journal: {
        ...f.journal,
        stores: stores.map((s) => (s.name === 'shipments' ? { ...s, rows: s.rows.filter((r) => (r as Shipment).regiNo) } : s)),
      },
    });
    const bg = await startTestBackground({ journalName: name });
    try {
      const { err } = await bg.send('dashboard', undefined, OPTIONS_SENDER);
      expect(err?.message).toContain('새 버전 형식으로 옮기지 못했습니다');
      expect(err?.message).toContain('기존 내역은 지우지 않고 그대로');
    } finally {
      await bg.close();
    }
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(raw.version).toBe(20);
    const count = await new Promise<number>((resolve) => {
      const req = raw.transaction('shipments').objectStore('shipments').count();
      req.onsuccess = () => resolve(req.result);
    });
    raw.close();
    expect(count).toBe(rowsOf<Shipment>(f, 'shipments').filter((r) => r.regiNo).length);
  });

  it('a failed upgrade is said in Korean, naming what failed', () => {
    const failure = journalOpenFailure(new Dexie.OpenFailedError('UpgradeError Not yet support for changing primary key'));
    expect(failure?.message).toContain('새 버전 형식으로 옮기지 못했습니다(');
    expect(failure?.message).toContain('삭제하지 마세요');
    expect(journalOpenFailure(new Error('network'))).toBeUndefined();
  });
});
