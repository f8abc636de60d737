// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { badgeFor, canIssue, canReserve } from '../../../lib/overlay/badge';
import { rowVisible } from '../../../lib/overlay/filters';
import { paintBadge } from '../../../lib/overlay/badge-dom';
import { translator } from './i18n-helper';
import type { ListRow } from '../../../lib/godomall/types';
import type { RowShipment } from '../../../lib/messages';

const row = (over: Partial<ListRow> = {}): ListRow => ({
  key: '2611281200001234',
  orderNo: '2611281200001234',
  statusGroup: 'p',
  status: 'p1',
  courier: '',
  invoiceNo: '',
  ...over,
});
const ship = (over: Partial<RowShipment> = {}): RowShipment => ({
  key: '2611281200001234',
  baseKey: '2611281200001234',
  orderNo: '2611281200001234',
  itemSnos: [],
  state: 'issued',
  regiNo: '6012345678901',
  test: false,
  printed: false,
  ...over,
});

describe('badgeFor', () => {
  it('a number whose godomall write is queued stays 발급 with 고도몰 저장 대기 — never 미발급', () => {
    expect(badgeFor(row(), ship({ savePending: true }))).toMatchObject({ kind: 'issued', number: '6012345678901', savePending: true });
    expect(badgeFor(row(), ship()).savePending).toBeUndefined();
  });

  it('reads 미발급 when neither the journal nor the page has a number', () => {
    expect(badgeFor(row(), undefined)).toMatchObject({ kind: 'unissued', number: '' });
  });

  it('shows the journal state and the 우체국 number', () => {
    expect(badgeFor(row(), ship({ state: 'reserved', test: true }))).toMatchObject({
      kind: 'reserved',
      number: '6012345678901',
      test: true,
    });
    expect(badgeFor(row(), ship({ state: 'delivered' })).kind).toBe('delivered');
    expect(badgeFor(row(), ship({ state: 'unlinked' })).kind).toBe('unlinked');
  });

  it('marks a phone failure as 연락처오류 and other failures as 미발급 with the reason', () => {
    const contact = badgeFor(row(), ship({ state: 'failed', regiNo: '', contactError: true, message: '수령자 휴대폰 형식 오류' }));
    expect(contact).toMatchObject({ kind: 'contactError', detail: '수령자 휴대폰 형식 오류' });
    const other = badgeFor(row(), ship({ state: 'failed', regiNo: '', message: '우편번호가 없습니다' }));
    expect(other).toMatchObject({ kind: 'unissued', detail: '우편번호가 없습니다' });
  });

  it('never offers a row that already carries a number for issuing', () => {
    const typed = badgeFor(row({ courier: '우체국택배', invoiceNo: '6099999999999' }), undefined);
    expect(typed.kind).toBe('typed');
    const other = badgeFor(row({ courier: 'CJ대한통운', invoiceNo: '123456789012' }), undefined);
    expect(other).toMatchObject({ kind: 'otherCourier', number: '123456789012' });
    expect(canIssue(typed) || canIssue(other)).toBe(false);
    // a voided number means the order needs a new one
    expect(canIssue(badgeFor(row(), ship({ state: 'void' })))).toBe(true);
  });

  it('a row godomall does not send by 택배 (방문수령, 퀵배송) is 택배 아님 and never issued; 택배 and packet rows are', () => {
    const visit = badgeFor(row({ deliveryMethod: 'visit' }), undefined);
    expect(visit).toMatchObject({ kind: 'notParcel', detail: '방문수령' });
    expect(canIssue(visit)).toBe(false);
    for (const method of ['delivery', 'packet', '']) expect(badgeFor(row({ deliveryMethod: method }), undefined).kind).toBe('unissued');
    expect(badgeFor(row(), undefined).kind).toBe('unissued'); // a list that does not print the method
  });

  it('carries Korea Post exceptions: 미배달 on a moving parcel, 예약취소됨 on a voided number', () => {
    const moving = badgeFor(row(), ship({ state: 'shipping', exception: { kind: 'undelivered', reason: '수취인 부재' } }));
    expect(moving).toMatchObject({ kind: 'shipping', exception: 'undelivered', detail: '수취인 부재' });
    const voided = badgeFor(row(), ship({ state: 'void', exception: { kind: 'cancelled', reason: '우체국에서 예약 취소' } }));
    expect(voided).toMatchObject({ kind: 'unissued', exception: 'cancelled', detail: '우체국에서 예약 취소' });
    expect(canIssue(voided)).toBe(true);
  });

  it('only an issued, not reserved row can be reserved', () => {
    expect(canReserve(badgeFor(row(), ship({ state: 'issued' })))).toBe(true);
    expect(canReserve(badgeFor(row(), ship({ state: 'reserved' })))).toBe(false);
  });
});

describe('filters', () => {
  it('발급상태 and 예약상태 combine', () => {
    expect(rowVisible('unissued', { issue: 'unissued', reserve: 'all' })).toBe(true);
    expect(rowVisible('contactError', { issue: 'unissued', reserve: 'all' })).toBe(true);
    expect(rowVisible('issued', { issue: 'unissued', reserve: 'all' })).toBe(false);
    expect(rowVisible('contactError', { issue: 'contactError', reserve: 'all' })).toBe(true);
    expect(rowVisible('unissued', { issue: 'contactError', reserve: 'all' })).toBe(false);
    expect(rowVisible('issued', { issue: 'issued', reserve: 'before' })).toBe(true);
    expect(rowVisible('reserved', { issue: 'issued', reserve: 'before' })).toBe(false);
    expect(rowVisible('shipping', { issue: 'all', reserve: 'after' })).toBe(true);
    expect(rowVisible('unissued', { issue: 'all', reserve: 'after' })).toBe(false);
  });
});

describe('paintBadge', () => {
  it('shows the box and the 도서산간 fee next to the number', () => {
    const el = document.createElement('span');
    paintBadge(el, badgeFor(row(), ship({ islandAddFee: 5000, box: '대형' })), translator('ko'), '#');
    expect(el.querySelector('.epg-badge__island')?.textContent).toBe('도서산간 +5,000원');
    expect(el.querySelector('.epg-badge__box')?.textContent).toBe('대형');
    paintBadge(el, badgeFor(row(), ship()), translator('ko'), '#');
    expect(el.querySelector('.epg-badge__island, .epg-badge__box')).toBeNull();
  });
});
