// Recovery paths: a lost answer Korea Post cannot confirm, a reservation cancelled at Korea Post,
// parcels with no scan for days.
import { afterEach, describe, expect, it } from 'vitest';
import { ordinaryOrders, resInfoDownFromInsert, startHarness, waitJob, type Harness } from './harness';
import type { EpostApi } from '../../../lib/epost/types';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const issueReq = (h: Harness, orderNos: string[]) => ({
  kind: 'issue' as const,
  adminOrigin: h.origin,
  operatorId: 'kim',
  mode: 'order' as const,
  targets: orderNos.map((orderNo) => ({ orderNo, itemSnos: [] })),
});

describe('recovery', () => {
  it('a 접수중지 list that never answers holds no job: orders go out with a warning, and it is asked once for two jobs', async () => {
    h = await startHarness();
    const [a, b] = ordinaryOrders(h, 'p1').map((o) => o.orderNo);
    let asked = 0;
    const epost = new Proxy(h.epost, {
      get(t, p, r) {
        if (p === 'getStoppedZipCd') return () => (asked++, new Promise(() => undefined));
        return Reflect.get(t, p, r) as unknown;
      },
    }) as EpostApi;
    const s = h.shipments({ epost });
    for (const order of [a!, b!]) {
      const job = await waitJob(s, await s.startJob(issueReq(h, [order])));
      expect(job.targets.map((t) => t.status)).toEqual(['done']);
      expect((await h.db.shipments.get(order))!.warnings).toContain('접수중지 지역을 확인하지 못했습니다.');
    }
    expect(asked).toBe(1);
  });

  it('a lost InsertOrder answer that GetResInfo cannot confirm stays pending, never re-sent; resume settles it', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const ep = h.ep;
    // the answer is dropped after Korea Post committed, and from then on GetResInfo answers 5xx
    ep.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    const epost = resInfoDownFromInsert(h);
    const s = h.shipments({ epost });
    const job = await waitJob(s, await s.startJob(issueReq(h, [order])));
    expect(job.targets[0]!.status).toBe('failed');
    expect(job.targets[0]!.message).toContain('확인하지 못했습니다');
    expect((await s.rowShipments(h.origin, [order]))[0]!.state).toBe('pending');
    expect(ep.control.registrations(order)).toHaveLength(1);

    ep.control.clearFaults();
    h.gd.control.expireSessions(); // and the admin session is gone too: Korea Post alone settles it
    await h.shipments().resumeJobs(); // the next service-worker start
    const row = (await s.rowShipments(h.origin, [order]))[0]!;
    expect(row.state).toBe('issued');
    expect(ep.control.registrations(order)).toHaveLength(1);
    expect(row.regiNo).toBe(ep.control.registrations(order)[0]!.regiNo);
    expect(row.message).toBe('고도몰 로그인 필요');
    // registered at Korea Post, not yet in godomall: its own badge, never 미발급
    expect(row.savePending).toBe(true);
    await h.relogin();
    await s.flushPendingWrites();
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === row.regiNo)).toBe(true);
    expect((await s.rowShipments(h.origin, [order]))[0]!.savePending).toBeUndefined();
  });

  it('a reservation cancelled at Korea Post: 예약 voids the number, clears godomall, re-issue takes -r1', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    await waitJob(s, await s.startJob(issueReq(h, [order])));
    const issued = (await h.db.shipments.get(order))!;
    await h.epost.cancel({
      custNo: h.settings.custNo,
      apprNo: h.settings.apprNo,
      reqType: '1',
      reqNo: issued.reqNo,
      resNo: issued.resNo,
      regiNo: issued.regiNo,
      delYn: 'Y',
    });
    const reserve = await waitJob(
      s,
      await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [order] }),
    );
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

describe('session expiry during issue', () => {
  it('the number is kept, the godomall write waits for login, then lands', async () => {
    h = await startHarness();
    const orders = ordinaryOrders(h, 'p1')
      .slice(0, 3)
      .map((o) => o.orderNo);
    const gd = h.gd;
    // the admin session expires just before the first invoice write
    let expired = false;
    const admin = (origin: string) => {
      const a = h!.adminFor(origin);
      return new Proxy(a, {
        get(t, p, r) {
          const v = Reflect.get(t, p, r) as (...x: unknown[]) => unknown;
          if (p !== 'saveInvoice' || expired) return typeof v === 'function' ? v.bind(t) : v;
          return (...x: unknown[]) => {
            expired = true;
            gd.control.expireSessions();
            return v.apply(t, x);
          };
        },
      });
    };
    const s = h.shipments({ admin });
    const job = await waitJob(s, await s.startJob(issueReq(h, orders)));
    const issuedCount = job.targets.filter((t) => t.status === 'done').length;
    expect(issuedCount).toBeGreaterThanOrEqual(1);
    // orders not read before the expiry are not issued, with the reason
    for (const t of job.targets.filter((x) => x.status !== 'done')) expect(t.message).toBe('고도몰 로그인 필요');
    const rows = await s.rowShipments(h.origin, orders);
    const issued = rows.filter((r) => r.state === 'issued');
    expect(issued.length).toBe(issuedCount);
    expect(issued.some((r) => r.message === '고도몰 로그인 필요')).toBe(true);
    expect(await h.db.pendingWrites.count()).toBeGreaterThanOrEqual(1);
    for (const o of orders) expect(h.ep.control.registrations(o).length).toBeLessThanOrEqual(1);

    await h.relogin();
    await s.flushPendingWrites();
    expect(await h.db.pendingWrites.count()).toBe(0);
    for (const r of issued) expect(gd.control.order(r.orderNo)!.items.every((i) => i.invoiceNo === r.regiNo)).toBe(true);
  });
});
