// One test per journal version step: data written by v1 opens under v2 with its upgrade applied.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openJournal, openJournalAt, type JournalDb } from '../../../lib/db/db';
import { LATEST_VERSION, MIGRATIONS } from '../../../lib/db/migrations';
import type { Shipment } from '../../../lib/db/types';
import { getJob, todoTargets } from '../../../lib/db/repo/jobs';
import { stateCount } from '../../../lib/db/repo/shipments';
import { bareShipment } from '../bare-shipment';

let serial = 0;
const dbName = () => `migration-test-${process.pid}-${++serial}`;

function shipment(key: string, baseKey: string, state: Shipment['state'], createdAt: number): Shipment {
  return bareShipment(key, {
    baseKey,
    orderNo: baseKey.split('-')[0]!,
    state,
    regiNo: `68921200${String(createdAt).padStart(5, '0')}`,
    reqYmd: '20261128',
    createdAt,
    updatedAt: createdAt,
    operatorId: 'kim',
  });
}

describe('journal migrations', () => {
  it('the ledger is ordered and ends at the version openJournal opens', async () => {
    // increasing; a step with no upgrade may have left (v4, undone by v5)
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
    expect(new Set(MIGRATIONS.map((m) => m.version)).size).toBe(MIGRATIONS.length);
    const db = openJournal(dbName());
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    db.close();
  });

  it('v1 → v2 backfills liveBaseKey for live rows only and keeps every row', async () => {
    const name = dbName();
    const v1 = openJournalAt(name, 1);
    await v1.shipments.bulkPut([
      shipment('A', 'A', 'issued', 1),
      shipment('B', 'B', 'void', 2),
      shipment('B-r1', 'B', 'reserved', 3),
      shipment('C', 'C', 'failed', 4),
    ]);
    v1.close();

    const v2 = openJournal(name);
    const rows = await v2.shipments.orderBy('key').toArray();
    expect(rows.map((r) => [r.key, r.liveBaseKey])).toEqual([
      ['A', 'A'],
      ['B', undefined],
      ['B-r1', 'B'],
      ['C', undefined],
    ]);
    expect((await v2.shipments.where('liveBaseKey').equals('B').first())?.key).toBe('B-r1');
    expect(await v2.shipments.where('[adminOrigin+orderNo]').equals(['https://gdadmin.shop.godomall.com', 'B']).count()).toBe(2);
    v2.close();
  });

  it('v1 → v2 with two live rows for one order keeps the newest live and flags the other', async () => {
    const name = dbName();
    const v1 = openJournalAt(name, 1);
    await v1.shipments.bulkPut([shipment('D', 'D', 'issued', 10), shipment('D-r1', 'D', 'issued', 20)]);
    v1.close();
    const v2 = openJournal(name);
    const live = await v2.shipments.where('liveBaseKey').equals('D').toArray();
    expect(live.map((r) => r.key)).toEqual(['D-r1']);
    expect((await v2.shipments.get('D'))!.warnings.join()).toContain('중복');
    v2.close();
  });

  it('after v2 the database itself refuses a second live row for one baseKey', async () => {
    const db = openJournal(dbName());
    await db.shipments.put({ ...shipment('E', 'E', 'issued', 1), liveBaseKey: 'E' });
    await expect(db.shipments.put({ ...shipment('E-r1', 'E', 'pending', 2), liveBaseKey: 'E' })).rejects.toThrow(Dexie.ConstraintError);
    db.close();
  });

  it("v2 → v3 moves each job's targets into jobTargets, in order, and the job row keeps the rest", async () => {
    const name = dbName();
    const v2 = openJournalAt(name, 2);
    const targets = ['k2', 'k0', 'k1'].map((key, i) => ({ key, orderNo: `o${key}`, itemSnos: [], status: i === 0 ? 'done' : 'todo' }));
    await v2
      .table('jobs')
      .put({ id: 'j', kind: 'issue', status: 'running', adminOrigin: 'https://a', operatorId: 'kim', targets, createdAt: 1, updatedAt: 1 });
    v2.close();
    const v3 = openJournal(name);
    expect(await v3.jobs.get('j')).not.toHaveProperty('targets');
    const job = await getJob(v3, 'j');
    expect(job!.targets.map((t) => [t.key, t.status])).toEqual([
      ['k2', 'done'],
      ['k0', 'todo'],
      ['k1', 'todo'],
    ]);
    expect((await todoTargets(v3, 'j')).map((t) => t.key)).toEqual(['k0', 'k1']);
    v3.close();
  });

  it('v2 → v3 flags the rows that ask the operator, not those superseded by a live shipment, and copies the overlay rows', async () => {
    const name = dbName();
    const v2 = openJournalAt(name, 2);
    await v2.shipments.bulkPut([
      { ...shipment('F', 'F', 'failed', 1), failure: 'contact', message: '연락처오류' },
      { ...shipment('G', 'G', 'failed', 2), failure: 'contact', message: '연락처오류' },
      { ...shipment('G-r1', 'G', 'issued', 3), liveBaseKey: 'G' },
      { ...shipment('H', 'H', 'delivered', 4), liveBaseKey: 'H' },
      { ...shipment('I', 'I', 'reserved', 5), liveBaseKey: 'I', exception: { kind: 'stuck', reason: '3일째 배송 조회 변동이 없습니다.' } },
    ]);
    v2.close();
    const v3 = openJournal(name);
    expect((await v3.shipments.where('attention').equals(1).primaryKeys()).sort()).toEqual(['F', 'I']);
    // counted once in the upgrade
    expect(await v3.stateCounts.get('failed')).toEqual({ state: 'failed', n: 2 });
    expect(await v3.stateCounts.get('void')).toEqual({ state: 'void', n: 0 });
    // the overlay's small copy of every row
    expect((await v3.orderRows.toCollection().primaryKeys()).sort()).toEqual(['F', 'G', 'G-r1', 'H', 'I']);
    expect(await v3.orderRows.get('G-r1')).toMatchObject({ state: 'issued', liveBaseKey: 'G', orderNo: 'G' });
    expect(await v3.orderRows.get('G-r1')).not.toHaveProperty('receiver');
    v3.close();
  });

  it('v3 → v5 (v4 retired) keeps every row, builds no pickup index, and counts return pickups from the keys', async () => {
    const name = dbName();
    const v3 = openJournalAt(name, 3);
    await v3.shipments.bulkPut([
      { ...shipment('J', 'J', 'delivered', 1), liveBaseKey: 'J' },
      { ...shipment('K', 'K', 'reserved', 2), liveBaseKey: 'K' },
    ]);
    v3.close();
    const v5 = openJournal(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(v5.shipments.schema.indexes.map((i) => i.name)).not.toContain('[state+pickup.claim]');
    await v5.shipments.put({ ...shipment('J-R1', 'J-R1', 'reserved', 3), liveBaseKey: 'J-R1', pickup: { claim: 'b' } });
    expect((await v5.shipments.toCollection().primaryKeys()).sort()).toEqual(['J', 'J-R1', 'K']);
    expect([await stateCount(v5, 'pickup:reserved'), await stateCount(v5, 'reserved'), await stateCount(v5, 'pickup:delivered')]).toEqual([
      1, 2, 0,
    ]);
    // counted once for every state, then kept
    expect((await v5.stateCounts.get('pickup:shipping'))?.n).toBe(0);
    v5.close();
  });

  it('a journal v4 left (with its pickup index and pickups in it) opens at v5: the index dropped, rows and counts kept', async () => {
    const name = dbName();
    const v4 = new Dexie(name) as JournalDb;
    for (const step of MIGRATIONS.filter((m) => m.version <= 3)) {
      const v = v4.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
    // v4 as it shipped: the v3 shipments index plus [state+pickup.claim]
    v4.version(4).stores({
      shipments:
        '&key, baseKey, orderNo, state, regiNo, reqYmd, adminOrigin, updatedAt, createdAt, &liveBaseKey, [adminOrigin+orderNo], attention, [state+pickup.claim]',
    });
    await v4.shipments.bulkPut([
      { ...shipment('L', 'L', 'delivered', 1), liveBaseKey: 'L' },
      { ...shipment('L-R2', 'L-R2', 'shipping', 2), liveBaseKey: 'L-R2', pickup: { claim: 'e' } },
      { ...shipment('M-R1-r1', 'M-R1', 'delivered', 3), pickup: { claim: 'b' } },
    ]);
    v4.close();
    const v5 = openJournal(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect(v5.shipments.schema.indexes.map((i) => i.name)).not.toContain('[state+pickup.claim]');
    expect(await v5.shipments.count()).toBe(3);
    expect([await stateCount(v5, 'pickup:shipping'), await stateCount(v5, 'pickup:delivered'), await stateCount(v5, 'delivered')]).toEqual([
      1, 1, 2,
    ]);
    v5.close();
  });
});
