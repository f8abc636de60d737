// The manual sync's progress: parcels tracked of those syncAll checks, each counted once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncProgress } from '../../../lib/background/sync-progress';
import type { Shipment } from '../../../lib/db/types';
import { OPTIONS_SENDER, startTestBackground, type TestBackground } from './helpers';

let bg: TestBackground;
beforeEach(async () => {
  bg = await startTestBackground();
});
afterEach(async () => bg.close());

function parcel(n: number, patch: Partial<Shipment>): Shipment {
  const key = `26112800000000${String(n).padStart(2, '0')}`;
  return {
    key,
    baseKey: key,
    liveBaseKey: key,
    reissue: 0,
    mode: 'order',
    orderNo: key,
    itemSnos: [],
    adminOrigin: 'https://gdadmin.a.godomall.com',
    state: 'reserved',
    source: 'issued',
    test: false,
    payType: '1',
    regiNo: `68921223160${String(n).padStart(2, '0')}`,
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
    receiver: { name: '', zip: '', addr1: '', addr2: '', tel: '', mobile: '' },
    goods: [],
    delivMsg: '',
    godomallStatus: 'g1',
    warnings: [],
    createdAt: 1,
    updatedAt: 1,
    operatorId: 'admin',
    ...patch,
  };
}

describe('sync progress', () => {
  it('counts live real parcels as the total and each tracked number once', async () => {
    await bg.ctx.db.shipments.bulkPut([
      parcel(1, {}),
      parcel(2, { state: 'shipping' }),
      parcel(3, { test: true, regiNo: 'TESTREGINOAPI' }),
      parcel(4, { state: 'delivered' }),
    ]);
    const progress = createSyncProgress(bg.ctx.db);
    const tracked = progress.wrap({ track: async (regiNo) => ({ regiNo, found: false, senderName: '', receiverName: '', events: [] }) });
    expect(progress.current()).toBeUndefined();
    await progress.begin();
    expect(progress.current()).toEqual({ checked: 0, total: 2 });
    await tracked.track('6892122316001');
    await tracked.track('6892122316001'); // a retry is the same parcel
    expect(progress.current()).toEqual({ checked: 1, total: 2 });
    progress.end();
    expect(progress.current()).toBeUndefined();
  });

  it('a real manual sync over the simulator checks every live parcel', async () => {
    await bg.ctx.db.shipments.bulkPut([parcel(1, {}), parcel(2, {})]);
    await bg.send('saveSettings', { settings: {}, secrets: { traceKey: bg.epost.control.keys.traceKey } }, OPTIONS_SENDER);
    expect((await bg.send('syncNow', undefined, OPTIONS_SENDER)).res).toEqual({ started: true });
    expect((await bg.send('dashboard', undefined, OPTIONS_SENDER)).res.syncing).toBe(true);
    const run = await bg.sync.start('manual').done;
    expect(run?.checked).toBe(2);
    const after = (await bg.send('dashboard', undefined, OPTIONS_SENDER)).res;
    expect(after.syncing).toBe(false);
    expect(after.syncProgress).toBeUndefined();
    expect(after.lastSync.checked).toBe(2);
  });
});
