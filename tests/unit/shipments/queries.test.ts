// Typed-in numbers, the dashboard counts and the day's export, on the simulators.
import { createSyncControl } from '../../../lib/background/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { ordinaryOrders, startHarness, waitJob, type Harness, issueOrders } from './harness';
import { kstYmd } from '../../../lib/epost/kst';
import { exportShipmentsCsv } from '../../../lib/export/csv';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('typed numbers, dashboard, export', () => {
  it('a hand-typed 우체국택배 number is tracked (once) and never issued over', async () => {
    h = await startHarness();
    const typed = h.gd.control.orders().find((o) => o.items[0]!.invoiceNo === '6098765432101')!;
    const s = h.shipments();
    const rows = [
      { orderNo: typed.orderNo, itemSnos: [], invoiceNo: '6098765432101', status: 'd1' },
      { orderNo: typed.orderNo, itemSnos: [], invoiceNo: 'TESTREGINOAPI', status: 'd1' },
    ];
    expect(await s.recordTypedInvoices(h.origin, rows)).toBe(1);
    expect(await s.recordTypedInvoices(h.origin, rows)).toBe(0);
    const run = await s.syncAll('manual');
    expect(run.checked).toBe(1); // asked Korea Post about it; no scan yet is not an error
    expect(run.errors).toEqual([]);
    const row = (await s.rowShipments(h.origin, [typed.orderNo]))[0]!;
    expect(row).toMatchObject({ regiNo: '6098765432101', state: 'shipping' });
    const job = await issueOrders(h, s, [typed.orderNo]);
    expect(job.targets[0]!.status).toBe('skipped');
    expect(h.ep.control.registrations(typed.orderNo)).toHaveLength(0);
  });

  it('dashboard counts per state and 연락처오류; export lists the day’s numbers', async () => {
    h = await startHarness();
    const good = ordinaryOrders(h, 'p1')
      .slice(0, 2)
      .map((o) => o.orderNo);
    const bad = h.gd.control.orders().find((o) => o.receiverCellPhone === '010-12ab-5678')!.orderNo;
    const s = h.shipments();
    await waitJob(
      s,
      await s.startJob({
        kind: 'issue',
        adminOrigin: h.origin,
        operatorId: 'kim',
        mode: 'order',
        targets: [...good, bad].map((orderNo) => ({ orderNo, itemSnos: [] })),
      }),
    );
    await waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', keys: [good[0]!] }));
    const d = await s.dashboardCounts();
    expect(d.counts).toMatchObject({ issued: 1, reserved: 1, contactError: 1, pendingWrites: 0 });
    expect(d.needsAction.map((n) => n.orderNo)).toEqual([bad]);
    const today = kstYmd(new Date(h.ep.control.now()));
    const { csv } = await exportShipmentsCsv(h.db, today, today);
    const numbered = csv.split('\r\n').filter((line) => /,\d{5}-\d{4}-\d{4},/.test(line));
    expect(numbered).toHaveLength(good.length);
    for (const o of good) expect(numbered.some((line) => line.includes(o))).toBe(true);
  });
});

describe('sync runs', () => {
  it("the alarm and the manual button at once make one sync run (the background's one guard)", async () => {
    h = await startHarness();
    const s = h.shipments();
    const control = createSyncControl(
      (trigger) => s.syncAll(trigger),
      () => undefined,
    );
    const a = control.start('alarm');
    const b = control.start('manual');
    expect([a.started, b.started]).toEqual([true, false]);
    expect(await a.done).toBe(await b.done);
    expect(await h.db.syncRuns.count()).toBe(1);
  });
});
