// @vitest-environment happy-dom
// The customers' 반품 request list written from the templates (user_back.html: 3101 waiting, 3102
// accepted at 반품접수, 3201 refused) with the badges the overlay paints from the journal's pickups.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RowShipment } from '../../../lib/message-data';
import { mountUserClaimBadges, userClaimBadge } from '../../../lib/overlay/user-claims';
import { rowMay } from '../../../lib/overlay/badge';
import { translator } from './i18n-helper';

const FIXTURE = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/godomall-templates/list/user_back.html'),
  'utf8',
);
const t = translator('ko');
const ORDER = '2412011010001111';

const pickup = (over: Partial<RowShipment> = {}): RowShipment => ({
  key: `${ORDER}-R3102`,
  baseKey: `${ORDER}-R3102`,
  orderNo: ORDER,
  itemSnos: ['3102'],
  state: 'reserved',
  regiNo: '6012345678903',
  test: false,
  printed: false,
  pickup: 'b',
  source: 'issued',
  ...over,
});

/** each row's goods cell: the badge's kind and words, or null when it has none */
function badges(): Array<{ kind: string | null; text: string }> {
  return Array.from(document.querySelectorAll('#frmOrderStatus table.order-list > tbody > tr')).map((tr) => {
    const el = tr.querySelector(':scope > td.text-left > [data-epg-badge]');
    return { kind: el?.getAttribute('data-epg-kind') ?? null, text: el?.textContent ?? '' };
  });
}

async function mount(lookup: (orderNos: string[]) => Promise<RowShipment[]>) {
  const asked: string[][] = [];
  const m = mountUserClaimBadges({
    doc: document,
    claim: 'b',
    t,
    pageUrl: 'https://gdadmin.myshop.godomall.com/order/order_list_user_exchange.php?view=back',
    lookup: (orderNos) => (asked.push(orderNos), lookup(orderNos)),
  });
  await m.refresh();
  return { m, asked };
}

beforeEach(() => {
  document.documentElement.innerHTML = FIXTURE.replace(/^[\s\S]*?<html>/, '').replace(/<\/html>\s*$/, '');
});

describe("the customers' request list: badges, no booking", () => {
  it("shows the accepted claim's pickup, 「승인 전」 with what to do on the waiting one, nothing on the refused one", async () => {
    const { asked } = await mount(async () => [pickup(), pickup({ key: 'x', baseKey: 'x', itemSnos: ['3101'], pickup: 'e' })]);
    expect(asked).toEqual([[ORDER, '2412011010002222']]);
    const [waiting, accepted, refused] = badges();
    expect(accepted).toEqual({ kind: 'reserved', text: '회수 접수601234567890' + '3' });
    expect(waiting!.kind).toBe('claimRequested'); // the 교환 pickup of another claim is not this request's
    expect(waiting!.text).toBe('승인 전');
    const label = document.querySelector('[data-epg-kind="claimRequested"] .epg-badge__label')!;
    expect(label.getAttribute('title')).toContain('고도몰에서 먼저 승인처리(반품접수)해야');
    expect(refused).toEqual({ kind: null, text: '' });
    // no toolbar of ours on this page
    expect(document.querySelector('[data-epg-toolbar]')).toBeNull();
  });

  it('an accepted claim without a pickup reads 회수 미접수; without the journal, 확인 불가 — the waiting one says 승인 전 either way', async () => {
    const { m } = await mount(async () => []);
    expect(badges().map((b) => b.kind)).toEqual(['claimRequested', 'unissued', null]);
    expect(badges()[1]!.text).toBe('회수 미접수');

    const failing = await mount(() => Promise.reject(new Error('확장 프로그램 백그라운드에 연결하지 못했습니다.')));
    expect(badges().map((b) => b.kind)).toEqual(['claimRequested', 'unknown', null]);
    m.unmount();
    failing.m.unmount();
    expect(document.querySelector('[data-epg-badge]')).toBeNull();
  });

  it('what a row may do is the lifecycle’s: a waiting request may not be booked, an accepted one may (on the 반품 list)', () => {
    const row = { key: `${ORDER}||3101||7||1||1`, orderNo: ORDER, sno: '3101', statusGroup: 'd', status: 'd2', courier: '', invoiceNo: '' };
    const waiting = userClaimBadge(row, true, 'b', undefined, t)!;
    expect(rowMay(waiting, 'issue')).toEqual({ ok: false, reason: t('overlayUserClaimAcceptBack') });
    const accepted = userClaimBadge({ ...row, statusGroup: 'b', status: 'b1' }, false, 'b', undefined, t)!;
    expect(rowMay(accepted, 'issue')).toEqual({ ok: true });
    const booked = userClaimBadge({ ...row, statusGroup: 'b', status: 'b1' }, false, 'b', pickup({ itemSnos: ['3101'] }), t)!;
    expect(rowMay(booked, 'issue').ok).toBe(false);
    expect(rowMay(booked, 'cancel').ok).toBe(true);
    expect(rowMay(booked, 'print').ok).toBe(false); // the courier brings the waybill
    // refused (or moved on without a pickup of ours): nothing to say
    expect(userClaimBadge(row, false, 'b', undefined, t)).toBeUndefined();
  });
});
