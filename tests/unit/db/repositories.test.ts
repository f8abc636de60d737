// Repositories: idempotent upserts by natural key, the exactly-once claim, per-target job progress.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { claimPending, liveShipment, putShipment, nextReissue } from '../../../lib/db/repo/shipments';
import { addTrackingEvents, addVoidNumber, trackingEventsFor, getKv, setKv } from '../../../lib/db/repo/journal';
import { getJob, putJob, recordTarget, unfinishedJobs } from '../../../lib/db/repo/jobs';
import type { Shipment } from '../../../lib/db/types';
import type { TrackingEvent } from '../../../lib/epost/types';

let serial = 0;
const fresh = () => openJournal(`repo-test-${process.pid}-${++serial}`);

const draft = (baseKey: string): Omit<Shipment, 'key' | 'reissue' | 'state'> => ({
  baseKey,
  mode: 'order',
  orderNo: baseKey,
  itemSnos: [],
  adminOrigin: 'https://a',
  source: 'issued',
  test: false,
  payType: '1',
  regiNo: '',
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
  createdAt: 1,
  updatedAt: 1,
  operatorId: 'kim',
});

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
