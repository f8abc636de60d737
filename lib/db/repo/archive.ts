// The archive: delivered shipments past the retention setting, moved out of the working table so the
// indexes the overlay, the popup and the sync walk stay the size of a few months, not of years.
// Nothing is deleted: archived rows still answer the overlay's row look-ups and the CSV export.
import type { JournalDb } from '../db';
import type { Shipment } from '../types';

/**
 * Moves up to `limit` delivered shipments last updated before `before` into the archive, in one
 * transaction with the kept 'delivered' count. Returns how many moved.
 */
export async function archiveDelivered(db: JournalDb, before: number, limit: number): Promise<number> {
  return db.transaction('rw', db.shipments, db.archive, db.stateCounts, async () => {
    const rows = await db.shipments
      .where('updatedAt')
      .below(before)
      .filter((r) => r.state === 'delivered')
      .limit(limit)
      .toArray();
    if (rows.length === 0) return 0;
    await db.archive.bulkPut(rows.map(({ liveBaseKey: _live, attention: _attention, ...r }) => r));
    await db.shipments.bulkDelete(rows.map((r) => r.key));
    const kept = await db.stateCounts.get('delivered');
    if (kept) await db.stateCounts.put({ state: 'delivered', n: kept.n - rows.length });
    const pickups = rows.filter((r) => r.pickup).length;
    const keptPickups = pickups ? await db.stateCounts.get('pickup:delivered') : undefined;
    if (keptPickups) await db.stateCounts.put({ state: 'pickup:delivered', n: keptPickups.n - pickups });
    return rows.length;
  });
}

/**
 * Every shipment whose request day (KST, YYYYMMDD) is in [fromYmd, toYmd], archived ones included, plus
 * the few rows without a request day (written before drafts carried one): the export's rows, read by
 * index, never the whole journal.
 */
export async function shipmentsOfDays(db: JournalDb, fromYmd: string, toYmd: string): Promise<Shipment[]> {
  const [rows, undated, archived] = await Promise.all([
    db.shipments.where('reqYmd').between(fromYmd, toYmd, true, true).toArray(),
    db.shipments.where('reqYmd').equals('').toArray(),
    db.archive.where('reqYmd').between(fromYmd, toYmd, true, true).toArray(),
  ]);
  return [...rows, ...undated, ...archived];
}
