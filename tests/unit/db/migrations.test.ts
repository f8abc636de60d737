// One test per journal version step: data written by v1 opens under v2 with its upgrade applied.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openJournal, openJournalAt } from '../../../lib/db/db';
import { LATEST_VERSION, MIGRATIONS } from '../../../lib/db/migrations';
import type { Shipment } from '../../../lib/db/types';
import { getJob, todoTargets } from '../../../lib/db/repo/jobs';
import { stateCount } from '../../../lib/db/repo/shipments';

let serial = 0;
const dbName = () => `migration-test-${process.pid}-${++serial}`;

function shipment(key: string, baseKey: string, state: Shipment['state'], createdAt: number): Shipment {
  return {
    key,
    baseKey,
    reissue: 0,
    mode: 'order',
    orderNo: baseKey.split('-')[0]!,
    itemSnos: [],
    adminOrigin: 'https://gdadmin.shop.godomall.com',
    state,
    source: 'issued',
    test: false,
    payType: '1',
    regiNo: `68921200${String(createdAt).padStart(5, '0')}`,
    reqNo: '',
    resNo: '',
    reqYmd: '20261128',
    resDate: '',
    price: '',
    vTelNo: '',
    regiPoNm: '',
    arrCnpoNm: '',
    delivPoNm: '',
    delivAreaCd: '',
    courseNo: '',
    printAreaCd: '',
    receiver: { name: '', zip: '', addr1: '', addr2: '', tel: '', mobile: '' },
    goods: [],
    delivMsg: '',
    godomallStatus: 'p1',
    warnings: [],
    createdAt,
    updatedAt: createdAt,
    operatorId: 'kim',
  };
}

describe('journal migrations', () => {
  it('the ledger is ordered and ends at the version openJournal opens', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
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

  it('v3 → v4 keeps every row and counts return pickups per state from the new index, without a scan', async () => {
    const name = dbName();
    const v3 = openJournalAt(name, 3);
    await v3.shipments.bulkPut([
      { ...shipment('J', 'J', 'delivered', 1), liveBaseKey: 'J' },
      { ...shipment('K', 'K', 'reserved', 2), liveBaseKey: 'K' },
    ]);
    v3.close();
    const v4 = openJournal(name);
    await v4.shipments.put({ ...shipment('J-R1', 'J-R1', 'reserved', 3), liveBaseKey: 'J-R1', pickup: { claim: 'b' } });
    expect((await v4.shipments.toCollection().primaryKeys()).sort()).toEqual(['J', 'J-R1', 'K']);
    // the index holds pickups only: the rows written before v4 (none of them pickups) are not in it
    const inIndex = (state: string) =>
      v4.shipments.where('[state+pickup.claim]').between([state, Dexie.minKey], [state, Dexie.maxKey]).primaryKeys();
    expect([await inIndex('reserved'), await inIndex('delivered')]).toEqual([['J-R1'], []]);
    expect([await stateCount(v4, 'pickup:reserved'), await stateCount(v4, 'reserved'), await stateCount(v4, 'pickup:delivered')]).toEqual([
      1, 2, 0,
    ]);
    v4.close();
  });
});
