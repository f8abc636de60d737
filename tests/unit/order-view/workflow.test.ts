// The order page's panel end to end on both simulators: the real panel model, its goods tabs read from
// the godomall simulator (inc_order_view.php, the reader the content script uses), its jobs run by the
// real shipments workflows against the Korea Post simulator. Judged by what each simulator holds.
import { DOMParser } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPanelBackend } from '../../../lib/order-view/model';
import { createOrderPanelModel } from '../../../lib/order-view/model';
import { fetchTabRows } from '../../../lib/order-view/page';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import { ordinaryOrders, startHarness, type Harness } from '../shipments/harness';
import { translator } from '../overlay/i18n-helper';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function panelFor(harness: Harness, orderNo: string) {
  const s = harness.shipments();
  const opened: string[][] = [];
  const asked: string[] = [];
  // what the background's handlers do with the overlay's messages (lib/background/handlers/overlay.ts)
  const backend: OrderPanelBackend = {
    rowShipments: (d) => s.rowShipments(d.adminOrigin, d.orderNos),
    orderParcels: (d) => s.orderParcels(d.adminOrigin, d.orderNo),
    startJob: async (req) => {
      const jobId = await s.startJob(req);
      void s.runJob(jobId);
      return { jobId };
    },
    getJob: (d) => s.getJob(d.jobId),
    openLabels: async (d) => void opened.push(d.keys),
    reportTypedInvoices: async (d) => {
      await s.recordTypedInvoices(d.adminOrigin, d.rows, 'kim');
      return s.rowShipments(d.adminOrigin, [...new Set(d.rows.map((r) => r.orderNo))]);
    },
    setIssueMode: async () => undefined,
  };
  const session = await loginFetch(harness.gd);
  const io = {
    fetch: (url: string, init: RequestInit) => session(url, init),
    parse: (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document,
  };
  const pageUrl = `${harness.origin}/order/order_view.php?orderNo=${orderNo}`;
  const m = createOrderPanelModel({
    backend,
    adminOrigin: harness.origin,
    mode: 'order',
    t: translator('ko'),
    operatorId: () => 'kim',
    confirm: (text) => (asked.push(text), true),
    pollMs: 5,
    orderNo,
    tabRows: (tab) => fetchTabRows(pageUrl, orderNo, tab, io),
  });
  await m.refresh();
  return { m, s, opened, asked };
}

const live = (m: Awaited<ReturnType<typeof panelFor>>['m']) => m.parcels.value.find((p) => !['void', 'failed'].includes(p.parcel.state));

describe('order page panel on both simulators', () => {
  it('issue, reserve, cancel, re-issue, print, track to 배송완료, then a return pickup: each once at Korea Post', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const { m, s, opened, asked } = await panelFor(h, order);
    expect(m.parcels.value).toEqual([]);
    expect(m.canIssue.value).toBe(true);

    await m.issue();
    const first = live(m)!;
    expect(first).toMatchObject({ kind: 'delivery', parcel: { key: order, state: 'issued' } });
    expect([...first.actions].sort()).toEqual(['cancel', 'print', 'reserve']);
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === first.parcel.regiNo)).toBe(true);

    await m.reserve(order);
    expect(live(m)!.parcel.state).toBe('reserved');
    expect(h.gd.control.order(order)!.items.every((i) => i.status === 'g1')).toBe(true);

    await m.cancel(order);
    expect(m.parcels.value.map((p) => p.parcel.state)).toEqual(['void']);
    expect(h.gd.control.order(order)!.items.every((i) => i.invoiceNo === '')).toBe(true);
    expect(m.reissue.value && m.canIssue.value).toBe(true);

    await m.issue(); // 재발급
    const second = live(m)!;
    expect(second.parcel.key).toBe(`${order}-r1`);
    expect(second.parcel.regiNo).not.toBe(first.parcel.regiNo);
    await m.reserve(second.parcel.key);
    await m.print(second.parcel.key);
    expect(opened).toEqual([[second.parcel.key]]);
    // the label page's 「출력되었습니까?」 confirmation records the print (lib/background/handlers/labels.ts)
    await s.markPrinted([second.parcel.key], false, 'kim');
    await m.refresh();
    expect(live(m)!.parcel.state).toBe('shipping');
    expect(live(m)!.parcel.events).toEqual([]);

    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    await m.refresh();
    const done = live(m)!;
    expect(done.parcel.state).toBe('delivered');
    expect(done.parcel.events.length).toBeGreaterThan(2);
    expect(done.parcel.events.at(-1)!.statusText).toMatch(/배달완료/);
    expect(done.parcel.events.every((e) => e.when && e.location)).toBe(true);
    expect(h.gd.control.order(order)!.items.every((i) => i.status === 'd2')).toBe(true);
    // who did what, newest first
    expect(m.audit.value.map((a) => a.action).reverse()).toEqual(['issue', 'reserve', 'cancel', 'issue', 'reserve', 'print', 'status']);
    expect(m.audit.value.every((a) => a.operatorId)).toBe(true);

    // the customer sends it back: the claim tab's item gets its pickup from the same panel
    h.gd.control.setStatus(order, 'b1');
    await m.refresh();
    expect(m.claimRows.value.b).toBeGreaterThan(0);
    expect(m.canPickup.value.b).toBe(true);
    await m.pickup('b');
    const pickup = m.parcels.value.find((p) => p.kind === 'returnPickup')!;
    expect(pickup.parcel.state).toBe('reserved');
    expect([...pickup.actions]).toEqual(['cancel']);
    expect(m.canPickup.value.b).toBe(false);

    // every action once at Korea Post: the first number, the re-issue, the pickup
    expect(h.ep.control.registrations(order)).toHaveLength(1);
    expect(h.ep.control.registrations(`${order}-r1`)).toHaveLength(1);
    expect(h.ep.control.registrations(pickup.parcel.key)).toHaveLength(1);
    expect(asked).toHaveLength(6); // issue, reserve, cancel, issue, reserve, pickup (printing asks on the label page)
  });

  it('an exchange: 교환 회수 and 교환 재배송 side by side, the replacement issued, reserved, printed and tracked to 추가배송완료', async () => {
    h = await startHarness();
    const order = ordinaryOrders(h, 'p1')[1]!.orderNo;
    const exchanged = h.gd.control.order(order)!.items[0]!.sno;
    h.gd.control.setStatus(order, 'd2');
    const [added] = h.gd.control.exchange(order, [exchanged]);
    const { m, s, opened } = await panelFor(h, order);
    expect(m.replacementRows.value).toBe(1);
    expect(m.canReship.value).toBe(true);

    await m.pickup('e');
    await m.reship();
    const kinds = () => Object.fromEntries(m.parcels.value.map((p) => [p.kind, p]));
    const replacement = kinds().exchangeReship!;
    expect(replacement.parcel).toMatchObject({ key: `${order}-X${added}`, state: 'issued', itemSnos: [added] });
    expect(kinds().exchangePickup!.parcel.key).toBe(`${order}-R${exchanged}`);
    expect([...replacement.actions].sort()).toEqual(['cancel', 'print', 'reserve']);
    expect(m.canReship.value).toBe(false);
    const z = () => h!.gd.control.order(order)!.items.find((i) => i.sno === added)!;
    expect(z()).toMatchObject({ invoiceNo: replacement.parcel.regiNo, status: 'z2' });

    await m.reserve(replacement.parcel.key);
    expect(kinds().exchangeReship!.parcel.state).toBe('reserved');
    await m.print(replacement.parcel.key);
    expect(opened).toEqual([[replacement.parcel.key]]);
    await s.markPrinted([replacement.parcel.key], false, 'kim');
    expect(z().status).toBe('z3');
    h.ep.control.advanceHours(72);
    await s.syncAll('manual');
    await m.refresh();
    expect(kinds().exchangeReship!.parcel.state).toBe('delivered');
    expect(kinds().exchangeReship!.parcel.events.at(-1)!.statusText).toMatch(/배달완료/);
    expect(z().status).toBe('z4');
    // nothing else of the order was written: the other items keep their status and have no number of ours
    const rest = h.gd.control.order(order)!.items.filter((i) => i.sno !== added);
    expect(rest.map((i) => [i.status, i.invoiceNo])).toEqual(rest.map((i) => [i.sno === exchanged ? 'e1' : 'd2', '']));
    expect(h.ep.control.registrations(replacement.parcel.key)).toHaveLength(1);
    expect(h.ep.control.registrations(order)).toHaveLength(0);
  });
});
