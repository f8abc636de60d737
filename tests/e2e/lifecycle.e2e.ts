// The lifecycle's rules as an operator meets them, in the PRODUCTION build under the real host names:
// 발급·예약 취소 of an issued (not reserved) order and its re-issue under a new key, 연동 해제 after a
// manual change of an issued order, and the popup's counts held against Korea Post's live parcels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../sandbox/epost/server';
import type { GodomallSandbox } from '../sandbox/godomall';
import type { ExtensionSession } from './harness';
import { launchProduction, type ProductionSession } from './production-session';
import { badgeKind, connectOptions, openList, overlayJob, resultOf, shipment, until, type Walk } from './walkthrough';
import { issuable } from './orders';

const PAY_LIST = '/order/order_list_pay.php';

let epost: EpostSandbox;
let godomall: GodomallSandbox;
let x: ExtensionSession;
let w: Walk;

/** 결제완료 orders of one item each, well-formed, no number, no claim, no packet: `n` of them, never reused. */
const used = new Set<string>();
function freshOrders(n: number): string[] {
  const picked = godomall.control
    .orders()
    .filter((o) => issuable(o, 'shop') && !o.packetCode && o.items.length === 1 && o.items[0]!.status === 'p1' && !used.has(o.orderNo))
    .slice(0, n)
    .map((o) => o.orderNo);
  for (const o of picked) used.add(o);
  expect(picked).toHaveLength(n);
  return picked;
}

/** Korea Post's live registrations: neither cancelled (05) nor test mode. */
const epostLive = () => epost.control.state().parcels.filter((p) => !p.test && p.treatStusCd !== '05').length;

async function popupCount(key: string): Promise<number> {
  const popup = await x.extensionPage('/popup.html');
  try {
    const el = popup.locator(`[data-count="${key}"]`);
    await el.waitFor({ timeout: 15_000 });
    const text = key === 'live' ? await el.textContent() : await el.locator('.count__n').textContent();
    return Number(/\d+/.exec(text ?? '')?.[0] ?? NaN);
  } finally {
    await popup.close();
  }
}

let session: ProductionSession;

beforeAll(async () => {
  session = await launchProduction();
  ({ epost, godomall, x } = session);
  w = { x, shot: (page, name) => x.screenshot(page, `lifecycle-${name}`), log: () => undefined };
  await connectOptions(w);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('the lifecycle in the production build', () => {
  it('발급·예약 취소 of an issued order: Korea Post cancels it, and the order is issued again under a new key', async () => {
    const [order] = freshOrders(1) as [string];
    await overlayJob(w, PAY_LIST, 'order', 'issueSelected', [{ orderNo: order }], 'issued');
    const first = (await shipment(x, order))!.regiNo;
    expect(first).toMatch(/^\d{13}$/);
    const lines = await overlayJob(w, PAY_LIST, 'order', 'cancel', [{ orderNo: order }], 'cancelled');
    expect(resultOf(lines, order)).toContain('완료');
    expect(epost.control.parcel(first)!.treatStusCd === '05' || epost.control.registrations(order).length === 0).toBe(true);
    expect(godomall.control.order(order)!.items.every((i) => i.invoiceNo === '')).toBe(true);
    await overlayJob(w, PAY_LIST, 'order', 'issueSelected', [{ orderNo: order }], 'reissued');
    const again = (await shipment(x, `${order}-r1`))!;
    expect(again.regiNo).toMatch(/^\d{13}$/);
    expect(again.regiNo).not.toBe(first);
    expect(godomall.control.order(order)!.items.every((i) => i.invoiceNo === again.regiNo)).toBe(true);
  }, 120_000);

  it('an issued order changed by hand is unlinked by the next sync; 배송완료 is never written over it', async () => {
    const [order] = freshOrders(1) as [string];
    await overlayJob(w, PAY_LIST, 'order', 'issueSelected', [{ orderNo: order }], 'unlink-issued');
    godomall.control.setStatus(order, 'g1'); // the operator, by hand
    epost.control.advanceHours(72); // Korea Post delivers it
    const popup = await x.extensionPage('/popup.html');
    await popup.locator('[data-action="sync-now"]').click();
    await until(
      '연동 해제',
      async () => (await shipment(x, order))?.state,
      (s) => s === 'unlinked',
      60_000,
    );
    await popup.close();
    expect(godomall.control.order(order)!.items.map((i) => i.status)).toEqual(['g1']);
    const list = await openList(w, '/order/order_list_all.php?pageNum=100');
    expect(await badgeKind(list, order)).toBe('unlinked');
    await x.screenshot(list, 'lifecycle-unlinked-badge');
    await list.close();
  }, 120_000);

  it("the popup's counts equal the parcels Korea Post holds live", async () => {
    const live = epostLive();
    expect(live).toBeGreaterThan(0);
    expect(await popupCount('live')).toBe(live);
    const tiles = await Promise.all(['issued', 'reserved', 'shipping', 'delivered', 'pickups', 'unlinked'].map(popupCount));
    expect(tiles.reduce((a, b) => a + b, 0)).toBe(live);
  }, 60_000);
});
