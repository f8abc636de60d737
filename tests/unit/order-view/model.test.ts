// The order page's panel model over the hand-written order page (tests/fixtures/godomall-templates/
// detail: inc_order_view_grid.html's items, read by the same reader the content script uses) and an
// in-memory background: which actions the rules allow at each step, what job each button starts, and
// that every job asks first.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCourierOptions, readOrderItems } from '../../../lib/godomall/order';
import type { ListRow, OrderTab } from '../../../lib/godomall/types';
import { createOrderPanelModel } from '../../../lib/order-view/model';
import { itemRows } from '../../../lib/order-view/page';
import { createFakeBackend, type FakeBackend } from '../overlay/fake-backend';
import { translator } from '../overlay/i18n-helper';
import { linkedomParse } from '../godomall/parsers';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/detail');
const ORDER_NO = '2411051230001234';
const goodsDoc = linkedomParse(readFileSync(join(DIR, 'inc_order_view_grid.html'), 'utf8'));
const pageRows = itemRows(ORDER_NO, readOrderItems(goodsDoc), readCourierOptions(goodsDoc));

function setup(opts: { backend?: FakeBackend; rows?: ListRow[]; claim?: Partial<Record<OrderTab, ListRow[]>>; answer?: boolean } = {}) {
  const backend = opts.backend ?? createFakeBackend();
  const asked: string[] = [];
  const m = createOrderPanelModel({
    backend,
    adminOrigin: 'http://gdadmin.myshop.godomall.com',
    mode: 'order',
    t: translator('ko'),
    operatorId: () => 'shopadmin',
    confirm: (text) => (asked.push(text), opts.answer ?? true),
    pollMs: 1,
    orderNo: ORDER_NO,
    tabRows: async (tab) => (tab === 'order' ? (opts.rows ?? pageRows) : (opts.claim?.[tab] ?? [])),
  });
  return { m, backend, asked };
}

const actionsOf = (m: ReturnType<typeof setup>['m'], key: string) =>
  [...(m.parcels.value.find((p) => p.parcel.key === key)?.actions ?? [])].sort();

describe('order page panel model', () => {
  it('reads the order page items as the lists key them (orderNo||sno), the courier named as the lists print it', () => {
    expect(pageRows.map((r) => [r.key, r.status, r.courier, r.invoiceNo])).toEqual([
      [`${ORDER_NO}||1001`, 'g1', '', ''],
      [`${ORDER_NO}||1002`, 'p1', '', ''],
      [`${ORDER_NO}||1003`, 'd1', '우체국택배', '6012345678901'], // courier sno 12 named by the tab's select
    ]);
  });

  it('issue → reserve → cancel → re-issue, each allowed only when the rules allow it, each asked first', async () => {
    // the same items before any number was written (the fixture's 1003 already has one: see below)
    const rows = pageRows.map((r) => ({ ...r, invoiceNo: '', courier: '' }));
    const { m, backend, asked } = setup({ rows });
    await m.refresh();
    expect(m.parcels.value).toEqual([]);
    expect(m.canIssue.value).toBe(true);
    expect(m.reissue.value).toBe(false);

    await m.issue();
    expect(asked.pop()).toContain('1건');
    expect(backend.jobs.at(-1)).toMatchObject({ kind: 'issue', mode: 'order', targets: [{ orderNo: ORDER_NO, itemSnos: [] }] });
    const [first] = m.parcels.value;
    expect(first).toMatchObject({ kind: 'delivery', parcel: { key: ORDER_NO, state: 'issued' } });
    expect(first!.parcel.regiNo).toMatch(/^\d{13}$/);
    expect(actionsOf(m, ORDER_NO)).toEqual(['cancel', 'print', 'reserve']);
    expect(m.canIssue.value).toBe(false); // one live parcel per order in 주문별

    await m.reserve(ORDER_NO);
    expect(backend.jobs.at(-1)).toMatchObject({ kind: 'reserve', targets: [{ key: ORDER_NO }] });
    expect(actionsOf(m, ORDER_NO)).toEqual(['cancel', 'print']);

    await m.print(ORDER_NO);
    expect(backend.opened).toEqual([[ORDER_NO]]);

    await m.cancel(ORDER_NO);
    expect(asked.pop()).toContain('송장을 취소합니다');
    expect(backend.jobs.at(-1)).toMatchObject({ kind: 'cancel', targets: [{ key: ORDER_NO }] });
    expect(actionsOf(m, ORDER_NO)).toEqual([]); // a void number takes no action
    expect(m.reissue.value).toBe(true);
    expect(m.canIssue.value).toBe(true);

    await m.issue();
    const again = m.parcels.value.find((p) => p.parcel.state === 'issued')!;
    expect(again.parcel.key).toBe(`${ORDER_NO}-r1`);
    expect(again.parcel.regiNo).not.toBe(first!.parcel.regiNo);
    expect(backend.jobs.map((j) => j.kind)).toEqual(['issue', 'reserve', 'cancel', 'issue']);
  });

  it('상품별: one parcel per item; a declined question starts nothing', async () => {
    const rows = pageRows.map((r) => ({ ...r, invoiceNo: '', courier: '' }));
    const declined = setup({ rows, answer: false });
    await declined.m.refresh();
    declined.m.chooseMode('item');
    await declined.m.issue();
    expect(declined.asked).toHaveLength(1);
    expect(declined.backend.jobs).toEqual([]);

    const { m, backend } = setup({ rows });
    await m.refresh();
    m.chooseMode('item');
    await m.issue();
    expect(backend.jobs[0]!.targets.map((t) => t.itemSnos)).toEqual([['1001'], ['1002'], ['1003']]);
    expect(m.parcels.value.map((p) => p.parcel.key).sort()).toEqual([`${ORDER_NO}-1001`, `${ORDER_NO}-1002`, `${ORDER_NO}-1003`]);
    // one parcel's action touches that parcel only
    await m.reserve(`${ORDER_NO}-1002`);
    expect(backend.jobs.at(-1)!.targets.map((t) => t.key)).toEqual([`${ORDER_NO}-1002`]);
    expect(m.parcels.value.filter((p) => p.parcel.state === 'reserved').map((p) => p.parcel.key)).toEqual([`${ORDER_NO}-1002`]);
  });

  it('the page as written: its typed 우체국택배 number is reported for tracking; 주문별 refuses, 상품별 issues the others', async () => {
    const { m, backend } = setup();
    await m.refresh();
    expect(backend.typed).toEqual(['6012345678901']); // inc_order_view_grid.html: 1003 carries 우체국택배 (12)
    expect(m.canIssue.value).toBe(false); // 주문별: an order with a number on any item is not issued again
    await m.issue();
    expect(backend.jobs).toEqual([]);
    m.chooseMode('item');
    expect(m.canIssue.value).toBe(true); // 1001 and 1002 have none
    await m.issue();
    expect(backend.jobs[0]!.targets.map((t) => t.itemSnos)).toEqual([['1001'], ['1002']]);
  });

  it("an item that already carries another courier's number is not issued over (the lists' rule)", async () => {
    const { m, backend } = setup({ rows: [{ ...pageRows[0]!, courier: 'CJ대한통운', invoiceNo: '123456789012' }] });
    await m.refresh();
    expect(m.canIssue.value).toBe(false);
    await m.issue();
    expect(backend.jobs).toEqual([]);
  });

  it.each([
    ['b', 'back', 'returnPickup'],
    ['e', 'exchange', 'exchangePickup'],
  ] as const)('%s: offered for the %s tab’s items, booked once, then cancellable and never printable', async (claim, tab, kind) => {
    const claimRow: ListRow = { ...pageRows[0]!, statusGroup: claim, status: `${claim}1` };
    const { m, backend } = setup({ claim: { [tab]: [claimRow] } });
    await m.refresh();
    expect(m.claimRows.value).toEqual({ b: claim === 'b' ? 1 : 0, e: claim === 'e' ? 1 : 0 });
    expect(m.canPickup.value).toEqual({ b: claim === 'b', e: claim === 'e' });
    await m.pickup(claim);
    expect(backend.jobs.at(-1)).toMatchObject({ kind: 'pickup', claim, targets: [{ orderNo: ORDER_NO, itemSnos: ['1001'] }] });
    const booked = m.parcels.value.find((p) => p.kind === kind)!;
    expect(booked.parcel.state).toBe('reserved');
    expect([...booked.actions]).toEqual(['cancel']);
    expect(m.canPickup.value[claim]).toBe(false);
    await m.cancel(booked.parcel.key);
    expect(backend.jobs.at(-1)).toMatchObject({ kind: 'cancel', targets: [{ key: booked.parcel.key }] });
  });

  it('a claim past 접수 (b3) is shown but not booked: the button is off and the job not even asked for', async () => {
    const { m, backend, asked } = setup({ claim: { back: [{ ...pageRows[0]!, statusGroup: 'b', status: 'b3' }] } });
    await m.refresh();
    expect(m.claimRows.value.b).toBe(1);
    expect(m.canPickup.value.b).toBe(false);
    await m.pickup('b');
    expect(asked).toEqual([]);
    expect(backend.jobs).toEqual([]);
  });

  it('says so when the background cannot be reached', async () => {
    const backend = createFakeBackend();
    backend.orderParcels = async () => {
      throw new Error('Could not establish connection');
    };
    const { m } = setup({ backend });
    await m.refresh();
    expect(m.loadError.value).toContain('불러오지 못했습니다');
    expect(m.loaded.value).toBe(true);
  });
});
