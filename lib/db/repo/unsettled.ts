// Sends whose outcome is unknown (timeout, dropped connection, 5xx, a worker killed mid-send) and when
// the settle sweep is due to look at them again (shipments/settle.ts): kv rows `unsettled:<key>` → due
// time. A handful at a time, so a prefix range, not an index on the shipments table.
import type { JournalDb } from '../db';

const PREFIX = 'unsettled:';

export interface Unsettled {
  key: string;
  due: number;
}

/** Notes a key as unsettled until `due`; an earlier note is pushed later, never earlier. */
export async function noteUnsettled(db: JournalDb, key: string, due: number): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const had = (await db.kv.get(PREFIX + key))?.value as number | undefined;
    if (had === undefined || had < due) await db.kv.put({ key: PREFIX + key, value: due });
  });
}

/** Every unsettled key, soonest due first. */
export async function unsettledKeys(db: JournalDb): Promise<Unsettled[]> {
  const rows = await db.kv.where('key').startsWith(PREFIX).toArray();
  return rows.map((r) => ({ key: r.key.slice(PREFIX.length), due: r.value as number })).sort((a, b) => a.due - b.due);
}

/** Settled: the note goes, unless a later send pushed it past `due` meanwhile. */
export async function clearUnsettled(db: JournalDb, key: string, due: number): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const had = (await db.kv.get(PREFIX + key))?.value as number | undefined;
    if (had !== undefined && had <= due) await db.kv.delete(PREFIX + key);
  });
}
