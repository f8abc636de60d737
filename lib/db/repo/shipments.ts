// Shipment rows. Every write goes through `putShipment`, inside `shipmentTx`, so what the journal
// derives from a row stays true in the same transaction: the v2 unique index on `liveBaseKey` (one live
// shipment per baseKey, enforced inside the database), the `attention` flag (v3) and the per-state
// counts the popup shows without counting a million rows.
import type { JournalDb } from '../db';
import type { CountKey, OrderRow, Shipment, ShipmentState } from '../types';
import { LIVE_STATES, PICKUP_KEY_MARK, SHIPMENT_STATES } from '../types';
import { asksOperator } from '../attention';
import { ourParcel, TYPED_KEY_PREFIX } from '../../shipments/lifecycle';
import { orderRowsOf } from '../order-row';

function isLive(state: ShipmentState): boolean {
  return LIVE_STATES.includes(state);
}

function withLiveKey(row: Shipment): Shipment {
  const next = { ...row };
  if (isLive(next.state)) next.liveBaseKey = next.baseKey;
  else delete next.liveBaseKey;
  return next;
}

/** A read-write transaction over the shipments and what putShipment keeps with them. */
export function shipmentTx<T>(db: JournalDb, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.shipments, db.stateCounts, db.orderRows, work);
}

/**
 * A state change whole: the shipment's row, its audit entry and the godomall write it queues commit
 * together or not at all (a worker stopped in between leaves no issued row without its invoice write),
 * and a job's target pays one transaction for them instead of three. A landed godomall write leaving
 * the queue with the statuses it left on the row is written whole in it too (godomall-writes.ts).
 */
export function stateChangeTx<T>(db: JournalDb, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.shipments, db.stateCounts, db.orderRows, db.audit, db.pendingWrites], work);
}

export async function putShipment(db: JournalDb, row: Shipment): Promise<Shipment> {
  return shipmentTx(db, async () => {
    const next = withLiveKey(row);
    const before = await db.shipments.get(next.key);
    // a dead row whose order has a live shipment is history, not a task
    const asks = asksOperator(next) && (next.liveBaseKey !== undefined || !(await otherLive(db, next)));
    if (asks) next.attention = 1;
    else delete next.attention;
    await db.shipments.put(next);
    await db.orderRows.bulkPut(orderRowsOf(next));
    if (before?.state !== next.state) {
      if (before) await bumpCount(db, before, -1);
      await bumpCount(db, next, 1);
    }
    // a new live shipment supersedes the failures and voids of its order
    if (next.liveBaseKey && !before?.liveBaseKey) {
      await db.shipments
        .where('baseKey')
        .equals(next.baseKey)
        .filter((r) => r.key !== next.key && r.attention === 1)
        .modify((r) => void delete r.attention);
    }
    return next;
  });
}

async function otherLive(db: JournalDb, row: Shipment): Promise<boolean> {
  const live = await liveShipment(db, row.baseKey);
  return live !== undefined && live.key !== row.key;
}

/** Adjusts a kept count (and a pickup's own); a count not kept yet stays missing and is counted from the index when read. */
async function bumpCount(db: JournalDb, row: Pick<Shipment, 'state' | 'pickup' | 'test' | 'source'>, by: number): Promise<void> {
  const { state } = row;
  const keys: CountKey[] = [
    state,
    ...(row.pickup ? [`pickup:${state}` as const] : []),
    ...(ourParcel(row) ? [] : [`apart:${state}` as const]),
  ];
  for (const key of keys) {
    const kept = await db.stateCounts.get(key);
    if (kept) await db.stateCounts.put({ state: key, n: kept.n + by });
  }
}

/**
 * How many shipments are in `state`: the kept count, or — the first time, or after rows were written
 * around putShipment (a test seeding the journal) and the counts reset — counted once on the index.
 */
export async function stateCount(db: JournalDb, key: CountKey): Promise<number> {
  return (await stateCounts(db, [key]))[0]!;
}

/** Several counts in one transaction and one read of the kept rows (the popup asks for fifteen). */
export async function stateCounts(db: JournalDb, keys: readonly CountKey[]): Promise<number[]> {
  return shipmentTx(db, async () => {
    const kept = await db.stateCounts.bulkGet([...keys]);
    const out: number[] = [];
    // read again before counting: one count of the return pickups keeps every state's at once
    for (const [i, key] of keys.entries()) out.push(kept[i]?.n ?? (await db.stateCounts.get(key))?.n ?? (await countMissing(db, key)));
    return out;
  });
}

/** A count not kept yet: counted once on the index (or the keys), and kept from then on. */
async function countMissing(db: JournalDb, key: CountKey): Promise<number> {
  if (key.startsWith('pickup:')) return (await countPickups(db)).get(key) ?? 0;
  if (key.startsWith('apart:')) return countApart(db, key.slice('apart:'.length) as ShipmentState);
  const n = await db.shipments.where('state').equals(key).count();
  await db.stateCounts.put({ state: key, n });
  return n;
}

/**
 * Every state's return-pickup count, counted and kept at once: only the keys are read (no row of the
 * million is), then the few rows whose key marks a pickup.
 */
async function countPickups(db: JournalDb): Promise<Map<CountKey, number>> {
  const keys = (await db.shipments.toCollection().primaryKeys()).filter((k) => k.includes(PICKUP_KEY_MARK));
  const counts = new Map<CountKey, number>(SHIPMENT_STATES.map((s) => [`pickup:${s}`, 0]));
  for (const row of await db.shipments.bulkGet(keys))
    if (row?.pickup) counts.set(`pickup:${row.state}`, (counts.get(`pickup:${row.state}`) ?? 0) + 1);
  await db.stateCounts.bulkPut([...counts].map(([state, n]) => ({ state, n })));
  return counts;
}

/**
 * Rows of one state that hold no parcel of ours, counted once and kept: the typed numbers by their key
 * range (few), the test numbers by the state's index — never the delivered rows (the bulk of a year's
 * journal) for those, since test numbers are never tracked and so never delivered.
 */
async function countApart(db: JournalDb, state: ShipmentState): Promise<number> {
  const typed = await db.shipments
    .where('key')
    .startsWith(TYPED_KEY_PREFIX)
    .filter((r) => r.state === state)
    .count();
  const tests =
    state === 'delivered'
      ? 0
      : await db.shipments
          .where('state')
          .equals(state)
          .filter((r) => r.test && r.source !== 'typed')
          .count();
  await db.stateCounts.put({ state: `apart:${state}`, n: typed + tests });
  return typed + tests;
}

/** Read-modify-write of one row in its own short transaction; returns the new row, or undefined when the row is gone or `change` declined. */
export async function updateShipment(
  db: JournalDb,
  key: string,
  change: (row: Shipment) => Shipment | undefined,
): Promise<Shipment | undefined> {
  return shipmentTx(db, async () => {
    const row = await db.shipments.get(key);
    if (!row) return undefined;
    const next = change(row);
    if (!next) return undefined;
    return putShipment(db, next);
  });
}

export function liveShipment(db: JournalDb, baseKey: string): Promise<Shipment | undefined> {
  return db.shipments.where('liveBaseKey').equals(baseKey).first();
}

/**
 * The overlay's rows of these orders of one admin (a list page), archived shipments included. A page's
 * orders are mostly neighbours in order-number order, so when the span from its lowest to its highest
 * number holds few more rows than the page, one range read fetches them all (one IndexedDB request);
 * otherwise `anyOf` seeks order by order.
 */
export async function orderRowsFor(db: JournalDb, origin: string, orderNos: string[]): Promise<OrderRow[]> {
  if (orderNos.length === 0) return [];
  const sorted = [...new Set(orderNos)].sort();
  // at most this many rows in the span and a range read is the cheaper way (one request)
  const cap = 2 * sorted.length + 20;
  const near = await db.orderRows
    .where('[adminOrigin+orderNo]')
    .between([origin, sorted[0]!], [origin, sorted[sorted.length - 1]!], true, true)
    .limit(cap + 1)
    .toArray();
  if (near.length <= cap) {
    const wanted = new Set(sorted);
    return near.filter((r) => wanted.has(r.orderNo));
  }
  return db.orderRows
    .where('[adminOrigin+orderNo]')
    .anyOf(sorted.map((o) => [origin, o]))
    .toArray();
}

export function getShipment(db: JournalDb, key: string): Promise<Shipment | undefined> {
  return db.shipments.get(key);
}

/** Every row of one base key (its live shipment, and the voids and failures before it). */
export function shipmentsOfBase(db: JournalDb, baseKey: string): Promise<Shipment[]> {
  return db.shipments.where('baseKey').equals(baseKey).toArray();
}

/** A shipment and every row of its base key (its key family in the journal), in one read. */
export function shipmentAndBase(db: JournalDb, key: string): Promise<{ row: Shipment | undefined; base: Shipment[] }> {
  return db.transaction('r', db.shipments, async () => {
    const row = await db.shipments.get(key);
    return { row, base: row ? await shipmentsOfBase(db, row.baseKey) : [] };
  });
}

/** Every row of one order of one admin. */
export function shipmentsOfOrder(db: JournalDb, adminOrigin: string, orderNo: string): Promise<Shipment[]> {
  return db.shipments.where('[adminOrigin+orderNo]').equals([adminOrigin, orderNo]).toArray();
}

/** Every row of these orders (any admin): the label page's n/N. */
export function shipmentsOfOrders(db: JournalDb, orderNos: string[]): Promise<Shipment[]> {
  return orderNos.length ? db.shipments.where('orderNo').anyOf(orderNos).toArray() : Promise.resolve([]);
}

/** The rows flagged as asking something of the operator (attention.ts). */
export function attentionRows(db: JournalDb): Promise<Shipment[]> {
  return db.shipments.where('attention').equals(1).toArray();
}

export function shipmentsByKeys(db: JournalDb, keys: string[]): Promise<Array<Shipment | undefined>> {
  return db.shipments.bulkGet(keys);
}

export function shipmentsByRegiNo(db: JournalDb, regiNo: string): Promise<Shipment[]> {
  return db.shipments.where('regiNo').equals(regiNo).toArray();
}

export function shipmentsInStates(db: JournalDb, states: ShipmentState[]): Promise<Shipment[]> {
  return db.shipments.where('state').anyOf(states).toArray();
}

/** The re-issue number the next shipment of baseKey gets: one past the last voided one. */
export async function nextReissue(db: JournalDb, baseKey: string): Promise<number> {
  return nextReissueOf(await shipmentsOfBase(db, baseKey));
}

/** nextReissue of one base key's rows already read. */
export function nextReissueOf(rows: readonly Shipment[]): number {
  let next = 0;
  for (const r of rows) if (r.state === 'void' || r.state === 'unlinked') next = Math.max(next, r.reissue + 1);
  return next;
}

export function shipmentKey(baseKey: string, reissue: number): string {
  return reissue > 0 ? `${baseKey}-r${reissue}` : baseKey;
}

export type ClaimResult = { claimed: true; row: Shipment } | { claimed: false; live: Shipment };

/**
 * The exactly-once gate: in ONE rw transaction, check that baseKey has no live shipment and write the
 * pending row (before any InsertOrder is sent). Double clicks, two tabs and overlapping jobs meet here.
 */
export async function claimPending(
  db: JournalDb,
  draft: Omit<Shipment, 'key' | 'reissue' | 'state'>,
  /** the lowest re-issue number Korea Post leaves free (family.ts): another PC may have used ours */
  atLeastReissue = 0,
  /**
   * A fresh key's send follows its claim at once: the send mark (issue.ts sendOnce) is then written by
   * the claim, one transaction instead of two. Applied under re-issue 0 only — a later number is no
   * fresh key, and its send is marked when it goes.
   */
  sendMark?: Pick<Shipment, 'reqYmd' | 'firstSentAt' | 'lastSentAt'>,
): Promise<ClaimResult> {
  return shipmentTx(db, async () => {
    const live = (await liveShipment(db, draft.baseKey)) ?? (await overlappingLive(db, draft));
    if (live) return { claimed: false as const, live };
    const reissue = Math.max(await nextReissue(db, draft.baseKey), atLeastReissue);
    const row = await putShipment(db, {
      ...draft,
      key: shipmentKey(draft.baseKey, reissue),
      reissue,
      state: 'pending',
      ...(sendMark && reissue === 0 ? sendMark : {}),
    } as Shipment);
    return { claimed: true as const, row };
  });
}

/**
 * A live shipment of the same order that already covers one of these items — 주문별 after 상품별 (or
 * the reverse) must not add a second number for the same goods, even before godomall shows the first;
 * likewise a second return pickup of the same claim items.
 */
export async function overlappingLive(
  db: JournalDb,
  draft: Pick<Shipment, 'adminOrigin' | 'orderNo' | 'itemSnos' | 'baseKey' | 'pickup'>,
): Promise<Shipment | undefined> {
  return overlapping(await shipmentsOfOrder(db, draft.adminOrigin, draft.orderNo), draft);
}

/** overlappingLive's rule, over the order's rows already read (baseAndOrderRows). */
export function overlapping(rows: readonly Shipment[], draft: Pick<Shipment, 'itemSnos' | 'baseKey' | 'pickup'>): Shipment | undefined {
  return rows.find(
    (r) =>
      r.liveBaseKey !== undefined &&
      r.baseKey !== draft.baseKey &&
      r.source !== 'typed' &&
      // a return pickup of goods that went out with us is no second parcel of them (nor the reverse)
      !r.pickup === !draft.pickup &&
      r.itemSnos.some((sno) => draft.itemSnos.includes(sno)),
  );
}

/** The rows of a base key (across admins: the key is Korea Post's) and of one order of one admin, in one read. */
export function baseAndOrderRows(
  db: JournalDb,
  baseKey: string,
  order: Pick<Shipment, 'adminOrigin' | 'orderNo'>,
): Promise<{ base: Shipment[]; order: Shipment[] }> {
  return db.transaction('r', db.shipments, async () => {
    const [base, rows] = await Promise.all([shipmentsOfBase(db, baseKey), shipmentsOfOrder(db, order.adminOrigin, order.orderNo)]);
    return { base, order: rows };
  });
}
