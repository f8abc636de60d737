// Recovery paths: a lost answer Korea Post cannot confirm, a reservation cancelled at Korea Post,
// parcels with no scan for days.
import { afterEach, describe, expect, it } from 'vitest';
import { ordinaryOrders, startHarness, waitJob, type Harness } from './harness';
import type { EpostApi } from '../../../lib/epost/types';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const issueReq = (h: Harness, orderNos: string[]) => ({
  kind: 'issue' as const, adminOrigin: h.origin, operatorId: 'kim', mode: 'order' as const, targets: orderNos.map((orderNo) => ({ orderNo, itemSnos: [] })),
});

describe('recovery', () => {
  it('a lost InsertOrder answer that GetResInfo cannot confirm stays pending, never re-sent; resume settles it', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const ep = h.ep;
    // the answer is dropped after Korea Post committed, and from then on GetResInfo answers 5xx
    ep.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    const epost = new Proxy(h.epost, {
      get(t, p, r) {
        const v = Reflect.get(t, p, r) as (...a: unknown[]) => unknown;
        if (p !== 'insertOrder') return v;
        return (...a: unknown[]) => {
          ep.control.setFaults({ http5xx: 1 }, 'GetResInfo');
          return v.apply(t, a);
        };
      },
    }) as EpostApi;
    const s = h.shipments({ epost });
    const job = await waitJob(s, await s.startJob(issueReq(h, [order])));
    expect(job.targets[0]!.status).toBe('failed');
    expect(job.targets[0]!.message).toContain('확인하지 못했습니다');
    expect((await s.rowShipments(h.origin, [order]))[0]!.state).toBe('pending');
    expect(ep.control.registrations(order)).toHaveLength(1);

    ep.control.clearFaults();
    await h.shipments().resumeJobs(); // the next service-worker start
    const row = (await s.rowShipments(h.origin, [order]))[0]!;
    expect(row.state).toBe('issued');
    expect(ep.control.registrations(order)).toHaveLength(1);
    expect(row.regiNo).toBe(ep.control.registrations(order)[0]!.regiNo);
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === row.regiNo)).toBe(true);
  });

  it('a reservation cancelled at Korea Post: 예약 voids the number, clears godomall, re-issue takes -r1', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    await waitJob(s, await s.startJob(issueReq(h, [order])));
    const issued = (await h.db.shipments.get(order))!;
    await h.epost.cancel({ custNo: h.settings.custNo, apprNo: h.settings.apprNo, reqType: '1', reqNo: issued.reqNo, resNo: issued.resNo, regiNo: issued.regiNo, delYn: 'Y' });
    const reserve = await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [order] }));
    expect(reserve.targets[0]!.status).toBe('failed');
    expect(reserve.targets[0]!.message).toContain('재발급');
    expect(await h.db.voidNumbers.get(issued.regiNo)).toBeDefined();
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === '' && i.status === 'p1')).toBe(true);
    const again = await waitJob(s, await s.startJob(issueReq(h, [order])));
    expect(again.targets[0]!.status).toBe('done');
    expect((await s.rowShipments(h.origin, [order]))[0]!.key).toBe(`${order}-r1`);
  });

  it('a parcel with no scan for stuckDays is shown as stuck', async () => {
    h = await startHarness({ settings: { stuckDays: 2 } });
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    await waitJob(s, await s.startJob(issueReq(h, [order])));
    await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [order] }));
    const regiNo = (await h.db.shipments.get(order))!.regiNo;
    h.ep.control.advanceHours(8);
    h.ep.control.parcelAction(regiNo, { action: 'stuck' });
    await s.syncAll('alarm');
    expect((await s.rowShipments(h.origin, [order]))[0]!.exception).toBeUndefined();
    h.ep.control.advanceHours(24 * 3);
    const run = await s.syncAll('alarm');
    expect(run.exceptions).toBe(1);
    expect((await s.rowShipments(h.origin, [order]))[0]!.exception?.kind).toBe('stuck');
  });
});
