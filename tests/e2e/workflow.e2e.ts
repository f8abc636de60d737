// The seed's whole flow in Chromium with the built SANDBOX extension against both simulators, driven
// through the real UI; each stage (tests/e2e/walkthrough-flow.ts) checks the simulators' state —
// godomall invoices and statuses, Korea Post registrations and parcels — and the popup's counts.
// `npm run demo` runs the same stages headless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { connect, STAGES, type FlowState } from './walkthrough-flow';
import { overlayJob, printLabels, resultOf, syncFromPopup, until, type Walk } from './walkthrough';
import { issuable } from './orders';

const PROVIDER = '/provider/order/';

let x: ExtensionSession;
let w: Walk;
let st: FlowState | undefined;
let failed: string | undefined;

beforeAll(async () => {
  x = await launchExtension();
  w = { x, shot: (page, name) => x.screenshot(page, name), log: () => undefined };
});
afterAll(async () => {
  await x?.close();
});

describe('the whole flow (seed): 발급 → 예약 → 출력 → 배송상태', () => {
  it('connects in the options page', async () => {
    st = await connect(w);
    expect(st.cast.C).toMatch(/^\d{16}$/);
  });

  // stages depend on each other: a failed one makes the rest fail at once with the reason
  for (const [title, stage] of STAGES) {
    it(title, async () => {
      if (!st || failed) throw new Error(`앞 단계가 실패했습니다: ${failed ?? '옵션 연동'}`);
      try {
        await stage(w, st);
      } catch (e) {
        failed = title;
        throw e;
      }
    });
  }

  it('발급 후 바로 예약 (option): one 선택 발급 and its one 확인 leave the orders reserved at Korea Post and 상품준비중 in godomall', async () => {
    if (!st || failed) throw new Error(`앞 단계가 실패했습니다: ${failed ?? '옵션 연동'}`);
    const gm = x.godomall!.control;
    const like = gm.orders().find((o) => /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) && /^\d{5}$/.test(o.receiverZonecode))!;
    const sno = Math.max(...gm.orders().flatMap((o) => o.items.map((i) => Number(i.sno)))) + 1;
    const day = new Date(Date.now() + 9 * 3600_000).toISOString().slice(2, 10).replace(/-/g, '');
    const fresh = [0, 1].map((k) => ({
      ...like,
      orderNo: `${day}9800000${k + 1}`.padEnd(16, '0'),
      packetCode: '',
      // two receivers: the same-receiver question would send them as one parcel
      receiverName: `${like.receiverName.slice(0, 3)}${k ? '을' : '갑'}`,
      receiverCellPhone: `010-7000-000${k}`,
      items: [
        { ...like.items[0]!, sno: String(sno + k), status: 'p1', invoiceCompanySno: '', invoiceNo: '', gifts: [], userHandle: undefined },
      ],
    }));
    for (const o of fresh) gm.addOrder(o);
    const options = await x.extensionPage('/options.html');
    await options.click('[data-field="reserveAfterIssue"] [role="radio"]:first-child');
    await options.click('[data-action="save"]');
    await options.waitForSelector('[data-notice="ok"]');
    await options.close();
    try {
      const lines = await overlayJob(w, '/order/order_list_pay.php?pageNum=100', 'order', 'issueSelected', fresh, 'reserve-after-issue');
      for (const o of fresh) expect(resultOf(lines, o.orderNo)).toContain('완료');
      for (const o of fresh) {
        await until(
          `${o.orderNo} 상품준비중`,
          () => gm.order(o.orderNo)!.items.map((i) => i.status),
          (got) => got.every((v) => v === 'g1'),
        );
        expect(x.epost!.control.registrations(o.orderNo)).toHaveLength(1);
      }
    } finally {
      const back = await x.extensionPage('/options.html');
      await back.click('[data-field="reserveAfterIssue"] [role="radio"]:last-child');
      await back.click('[data-action="save"]');
      await back.waitForSelector('[data-notice="ok"]');
      await back.close();
    }
  });

  it('no order key was ever registered twice at Korea Post', () => {
    const counts = new Map<string, number>();
    for (const p of x.epost!.control.state().parcels) counts.set(p.orderNo, (counts.get(p.orderNo) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    // every registration is one of ours: the flow's numbers plus the 일괄 발급's, one per key
    expect(x.epost!.control.registrationCount()).toBe(counts.size);
    expect(counts.size).toBeGreaterThan(st!.numbers.size);
  });
});

// its own browser and simulators: the seed flow's 일괄 발급 above leaves no supplier order unissued
describe('the supplier admin (/provider/order/): 발급 → 예약 → 출력 → 배송상태', () => {
  let x: ExtensionSession;
  let w: Walk;
  beforeAll(async () => {
    x = await launchExtension();
    w = { x, shot: (page, name) => x.screenshot(page, name), log: () => undefined };
    await connect(w);
  });
  afterAll(async () => {
    await x?.close();
  });

  it("runs the flow on the supplier's own pages, every read of the order staying under /provider/order/", async () => {
    const gd = x.godomall!;
    const order = gd.control.orders().find((o) => issuable(o, 'supplier'));
    expect(order).toBeDefined();
    const orderNo = order!.orderNo;
    const statuses = () => gd.control.order(orderNo)!.items.map((i) => i.status);
    gd.requests.length = 0;

    const issued = await overlayJob(w, `${PROVIDER}order_list_pay.php`, 'order', 'issueSelected', [{ orderNo }], 'provider-01-issue');
    expect(resultOf(issued, orderNo)).toContain('완료');
    const [reg] = x.epost!.control.registrations(orderNo);
    expect(gd.control.order(orderNo)!.items.every((i) => i.invoiceNo === reg!.regiNo)).toBe(true);

    const reserved = await overlayJob(w, `${PROVIDER}order_list_pay.php`, 'order', 'reserveSelected', [{ orderNo }], 'provider-02-reserve');
    expect(resultOf(reserved, orderNo)).toContain('완료');
    expect(statuses().every((s) => s.startsWith('g'))).toBe(true);

    expect(await printLabels(w, `${PROVIDER}order_list_goods.php`, [{ orderNo }], 'provider-03-labels')).toBe(1);
    await until('배송중', statuses, (list) => list.every((s) => s === 'd1'));

    x.epost!.control.advanceHours(72);
    await syncFromPopup(w, 'provider-04-synced');
    await until('배송완료', statuses, (list) => list.every((s) => s === 'd2'));

    // the order's own page reads (issue, 예약, the writes of 출력 and the sync) were all the supplier's
    const reads = gd.requests.filter((r) => r.includes(`order_view.php?orderNo=${orderNo}`));
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(reads.filter((r) => !r.includes(' /provider/order/'))).toEqual([]);
  }, 180_000);
});
