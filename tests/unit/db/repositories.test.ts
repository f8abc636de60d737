// Repositories: idempotent upserts by natural key, the exactly-once claim, per-target job progress.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { claimPending, liveShipment, putShipment, nextReissue, stateCount } from '../../../lib/db/repo/shipments';
import { addTrackingEvents, addVoidNumber, trackingEventsFor, getKv, setKv } from '../../../lib/db/repo/journal';
import { getJob, putJob, recordTarget, unfinishedJobs } from '../../../lib/db/repo/jobs';
import type { Shipment } from '../../../lib/db/types';
import { archiveDelivered } from '../../../lib/db/repo/archive';
import { rowShipments } from '../../../lib/shipments/queries';
import { exportShipmentsCsv } from '../../../lib/export/csv';
import type { TrackingEvent } from '../../../lib/epost/types';
import { bareShipment } from '../bare-shipment';

let serial = 0;
const fresh = () => openJournal(`repo-test-${process.pid}-${++serial}`);

/** what a job hands claimPending (key, reissue and state are the claim's to set, so they are overwritten) */
const draft = (baseKey: string): Omit<Shipment, 'key' | 'reissue' | 'state'> =>
  bareShipment(baseKey, { adminOrigin: 'https://a', reqYmd: '20261128', operatorId: 'kim' });

describe('shipment repository', () => {
  it('claimPending lets exactly one of many concurrent claims through', async () => {
    const db = fresh();
    const results = await Promise.all(Array.from({ length: 10 }, () => claimPending(db, draft('1001'))));
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect(await db.shipments.count()).toBe(1);
    db.close();
  });

  it('after a void the next claim takes -r1, then -r2', async () => {
    const db = fresh();
    const first = await claimPending(db, draft('1002'));
    if (!first.claimed) throw new Error('not claimed');
    await putShipment(db, { ...first.row, state: 'void' });
    expect(await nextReissue(db, '1002')).toBe(1);
    const second = await claimPending(db, draft('1002'));
    expect(second.claimed && second.row.key).toBe('1002-r1');
    if (second.claimed) await putShipment(db, { ...second.row, state: 'void' });
    const third = await claimPending(db, draft('1002'));
    expect(third.claimed && third.row.key).toBe('1002-r2');
    expect((await liveShipment(db, '1002'))?.key).toBe('1002-r2');
    db.close();
  });

  it('a failed row is not live: the key can be claimed again (연락처오류 fixed later)', async () => {
    const db = fresh();
    const c = await claimPending(db, draft('1003'));
    if (!c.claimed) throw new Error('not claimed');
    await putShipment(db, { ...c.row, state: 'failed', failure: 'contact' });
    const again = await claimPending(db, draft('1003'));
    expect(again.claimed && again.row.key).toBe('1003');
    db.close();
  });
});

describe('what putShipment keeps with a row', () => {
  const counts = async (db: ReturnType<typeof fresh>) =>
    Object.fromEntries(
      await Promise.all((['pending', 'issued', 'delivered', 'failed'] as const).map(async (st) => [st, await stateCount(db, st)])),
    );

  it('per-state counts follow every write, and are counted again from the index when missing', async () => {
    const db = fresh();
    expect(await counts(db)).toEqual({ pending: 0, issued: 0, delivered: 0, failed: 0 });
    const a = await claimPending(db, draft('2001'));
    const b = await claimPending(db, draft('2002'));
    if (!a.claimed || !b.claimed) throw new Error('not claimed');
    await putShipment(db, { ...a.row, state: 'issued' });
    await putShipment(db, { ...a.row, state: 'delivered' });
    await putShipment(db, { ...b.row, state: 'failed', failure: 'contact', message: '연락처오류' });
    await putShipment(db, { ...b.row, state: 'failed', failure: 'contact', message: '연락처오류' }); // same state again
    expect(await counts(db)).toEqual({ pending: 0, issued: 0, delivered: 1, failed: 1 });
    // rows written around putShipment (a seeded journal): dropping the kept counts recounts them
    await db.shipments.put({ ...b.row, key: '2003', baseKey: '2003', state: 'delivered' });
    await db.stateCounts.clear();
    expect(await counts(db)).toEqual({ pending: 0, issued: 0, delivered: 2, failed: 1 });
    db.close();
  });

  it('attention marks what asks the operator, and a new live shipment of the order clears its old failures', async () => {
    const db = fresh();
    const flagged = async () => (await db.shipments.where('attention').equals(1).primaryKeys()).sort();
    const c = await claimPending(db, draft('2101'));
    if (!c.claimed) throw new Error('not claimed');
    expect(await flagged()).toEqual(['2101']); // pending: 우체국 접수 확인 중
    await putShipment(db, { ...c.row, state: 'failed', failure: 'contact', message: '연락처오류' });
    expect(await flagged()).toEqual(['2101']);
    const again = await claimPending(db, { ...draft('2101'), createdAt: 2 });
    if (!again.claimed) throw new Error('not claimed');
    await putShipment(db, { ...again.row, key: '2101', state: 'issued' });
    expect(await flagged()).toEqual([]);
    // a failure written while the order has a live number is history from the start
    const d = await claimPending(db, draft('2102'));
    if (!d.claimed) throw new Error('not claimed');
    await putShipment(db, { ...d.row, state: 'issued' });
    await putShipment(db, { ...d.row, key: '2102-old', state: 'failed', message: '실패' });
    expect(await flagged()).toEqual([]);
    db.close();
  });
});

describe('the archive', () => {
  it('moves only delivered shipments past the cut-off, keeps the count right, and still answers look-ups and the export', async () => {
    const db = fresh();
    const put = (key: string, state: Shipment['state'], updatedAt: number) =>
      putShipment(db, { ...draft(key), key, reissue: 0, state, regiNo: `68921200${key}`, updatedAt });
    await put('30001', 'delivered', 10);
    await put('30002', 'delivered', 20);
    await put('30003', 'shipping', 10); // old but not delivered: stays
    await put('30004', 'delivered', 500); // recent: stays
    expect(await stateCount(db, 'delivered')).toBe(3);
    expect(await archiveDelivered(db, 100, 1)).toBe(1); // the per-run limit holds
    expect(await archiveDelivered(db, 100, 10)).toBe(1);
    expect(await archiveDelivered(db, 100, 10)).toBe(0);
    expect((await db.shipments.toCollection().primaryKeys()).sort()).toEqual(['30003', '30004']);
    expect((await db.archive.toCollection().primaryKeys()).sort()).toEqual(['30001', '30002']);
    expect(await stateCount(db, 'delivered')).toBe(1);
    await db.stateCounts.clear(); // recounted from the index: the same
    expect(await stateCount(db, 'delivered')).toBe(1);
    const rows = await rowShipments(db, 'https://a', ['30001', '30003', '39999']);
    expect(rows.map((r) => [r.orderNo, r.state]).sort()).toEqual([
      ['30001', 'delivered'],
      ['30003', 'shipping'],
    ]);
    // the day's CSV (the labels page's export) lists the archived parcels too
    const { csv } = await exportShipmentsCsv(db, '20261128', '20261128');
    const orderCells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(orderCells.sort()).toEqual(['30001', '30002', '30003', '30004']);
    db.close();
  });

  it("keeps a return pickup's own count through state changes and the archive", async () => {
    const db = fresh();
    const pickup = (key: string, state: Shipment['state'], updatedAt: number) =>
      putShipment(db, { ...draft(key), key, reissue: 0, state, regiNo: `68921200${key}`, updatedAt, pickup: { claim: 'b' } });
    // counts kept from the first write on (as after the v3 upgrade)
    for (const k of ['delivered', 'reserved', 'pickup:delivered', 'pickup:reserved'] as const) await stateCount(db, k);
    await putShipment(db, { ...draft('40001'), key: '40001', reissue: 0, state: 'delivered', regiNo: '6892120040001', updatedAt: 10 });
    await pickup('40001-R1', 'reserved', 10);
    await pickup('40002-R1', 'reserved', 10);
    await pickup('40002-R1', 'delivered', 10);
    expect([await stateCount(db, 'delivered'), await stateCount(db, 'pickup:delivered'), await stateCount(db, 'pickup:reserved')]).toEqual([
      2, 1, 1,
    ]);
    expect(await archiveDelivered(db, 100, 10)).toBe(2);
    expect([await stateCount(db, 'delivered'), await stateCount(db, 'pickup:delivered'), await stateCount(db, 'pickup:reserved')]).toEqual([
      0, 0, 1,
    ]);
    await db.stateCounts.clear(); // recounted from the index: the same
    expect([await stateCount(db, 'delivered'), await stateCount(db, 'pickup:delivered'), await stateCount(db, 'pickup:reserved')]).toEqual([
      0, 0, 1,
    ]);
    db.close();
  });
});

describe('journal tables', () => {
  it('tracking events and void numbers are idempotent', async () => {
    const db = fresh();
    const ev: TrackingEvent[] = [
      { at: 1000, when: '', location: '서울중앙', status: 'accepted', statusText: '접수', detail: '' },
      { at: 2000, when: '', location: '서울중앙', status: 'dispatched', statusText: '발송', detail: '' },
    ];
    expect(await addTrackingEvents(db, '6892120000010', ev)).toBe(2);
    expect(await addTrackingEvents(db, '6892120000010', ev)).toBe(0);
    expect((await trackingEventsFor(db, '6892120000010')).map((e) => e.statusText)).toEqual(['접수', '발송']);
    await addVoidNumber(db, { regiNo: '6892120000010', key: 'k', reason: 'first', at: 1 });
    await addVoidNumber(db, { regiNo: '6892120000010', key: 'k', reason: 'second', at: 2 });
    expect((await db.voidNumbers.get('6892120000010'))?.reason).toBe('first');
    await setKv(db, 'secrets', { apiKey: 'x' });
    expect(await getKv(db, 'secrets')).toEqual({ apiKey: 'x' });
    db.close();
  });

  it('per-target progress survives concurrent updates', async () => {
    const db = fresh();
    const targets = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, orderNo: `o${i}`, itemSnos: [], status: 'todo' as const }));
    await putJob(db, {
      id: 'j1',
      kind: 'issue',
      status: 'running',
      adminOrigin: 'https://a',
      operatorId: 'kim',
      targets,
      createdAt: 1,
      updatedAt: 1,
    });
    await Promise.all(targets.map((t, i) => recordTarget(db, 'j1', t.key, { status: i % 2 ? 'done' : 'failed', message: `m${i}` }, 2)));
    const job = await getJob(db, 'j1');
    expect(job!.targets.filter((t) => t.status === 'todo')).toHaveLength(0);
    expect(job!.targets[3]).toMatchObject({ status: 'done', message: 'm3' });
    expect((await unfinishedJobs(db)).map((j) => j.id)).toEqual(['j1']);
    db.close();
  });
});
