// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { badgeFor, canIssue, canReserve } from '../../../lib/overlay/badge';
import { rowVisible } from '../../../lib/overlay/filters';
import { paintBadge } from '../../../lib/overlay/badge-dom';
import { formatRegiNo } from '../../../lib/labels/format';
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
  const ko = translator('ko');
  const painted = (b: ReturnType<typeof badgeFor>) => {
    const el = document.createElement('span');
    paintBadge(el, b, ko, 'https://admin.example/order/order_view.php?orderNo=1');
    return el;
  };
  /** What a sighted operator reads without hovering: every text node outside the screen-reader words. */
  const visibleText = (el: Element) =>
    Array.from(el.querySelectorAll('*'))
      .filter((e) => !e.closest('.epg-sr'))
      .flatMap((e) => Array.from(e.childNodes).filter((n) => n.nodeType === 3))
      .map((n) => n.textContent)
      .join('|');

  it('reads as one line: the state chip, the number in the groups the label prints, then the icons', () => {
    const el = painted(badgeFor(row(), ship({ state: 'reserved', regiNo: '6892122316034', test: true })));
    expect(el.className).toBe('epg-badge epg-badge--reserved');
    expect(Array.from(el.children).map((c) => c.className)).toEqual([
      'epg-badge__label',
      'epg-badge__no epg-badge__no--grouped',
      'epg-badge__test',
    ]);
    const no = el.querySelector('.epg-badge__no')!;
    // the one grouping rule the waybill label and the CSV use
    expect(Array.from(no.querySelectorAll(':scope > span')).map((s) => s.textContent)).toEqual(formatRegiNo('6892122316034').split('-'));
    expect(no.getAttribute('title')).toBe('68921-2231-6034');
    // the separators are the stylesheet's: a copied number is the bare 13 digits
    expect(no.textContent).toBe('6892122316034');
    expect(visibleText(el)).toBe('예약 후|68921|2231|6034|테스트');
  });

  it('shows each warning as an icon whose words are its tooltip and its accessible name', () => {
    const b = badgeFor(
      row(),
      ship({
        state: 'shipping',
        islandAddFee: 5000,
        box: '대형',
        savePending: true,
        exception: { kind: 'twins', reason: '6012345678999도 접수됨' },
      }),
    );
    const el = painted(b);
    const icons = Array.from(el.querySelectorAll('.epg-badge__icon'));
    expect(icons.map((i) => i.className.replace('epg-badge__icon ', ''))).toEqual([
      'epg-badge__exc epg-badge__exc--twins',
      'epg-badge__wait',
      'epg-badge__island',
      'epg-badge__box',
    ]);
    expect(icons.map((i) => i.querySelector('.epg-sr')?.textContent)).toEqual([
      '이중 접수',
      '고도몰 저장 대기',
      '도서산간 +5,000원',
      '대형',
    ]);
    expect(icons.map((i) => i.getAttribute('title'))).toEqual([
      '이중 접수 — 6012345678999도 접수됨',
      '고도몰 저장 대기 — 6012345678999도 접수됨',
      '도서산간 +5,000원 — 제주/도서산간 추가 요금 (우체국 접수 응답)',
      '대형 — 발급할 때 고른 박스 규격',
    ]);
    for (const icon of icons) expect(icon.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    // none of the warnings' words take room in the row: only the chip and the number are text
    expect(visibleText(el)).toBe('배송중|60123|4567|8901');
    expect(el.querySelector('.epg-badge__island')?.textContent).toBe('도서산간 +5,000원');
    expect(el.querySelector('.epg-badge__box')?.textContent).toBe('대형');
  });

  it('a failed issue shows its reason behind an icon; 연락처오류 links to the order with the reason', () => {
    const failed = painted(badgeFor(row(), ship({ state: 'failed', regiNo: '', message: '우편번호가 없습니다' })));
    expect(failed.querySelector('.epg-badge__fail')?.getAttribute('title')).toBe('우편번호가 없습니다');
    expect(visibleText(failed)).toBe('미발급');
    const contact = painted(badgeFor(row(), ship({ state: 'failed', regiNo: '', contactError: true, message: '휴대폰 형식 오류' })));
    const link = contact.querySelector('a.epg-badge__label')!;
    expect(link.getAttribute('href')).toBe('https://admin.example/order/order_view.php?orderNo=1');
    expect(link.getAttribute('title')).toBe('휴대폰 형식 오류 — 주문상세에서 수령자 연락처를 고친 뒤 다시 발급하세요.');
    expect(visibleText(contact)).toBe('연락처오류');
  });

  it("never regroups another courier's number, nor a typed value that is not 13 digits", () => {
    const other = painted(badgeFor(row({ courier: 'CJ대한통운', invoiceNo: '6892122316034' }), undefined));
    expect(other.querySelector('.epg-badge__no')?.textContent).toBe('6892122316034');
    expect(other.querySelector('.epg-badge__no--grouped, wbr')).toBeNull();
    const typed = painted(badgeFor(row({ courier: '우체국택배', invoiceNo: '<b>60-1</b>' }), undefined));
    expect(typed.querySelector('.epg-badge__no')?.textContent).toBe('<b>60-1</b>');
    expect(typed.querySelector('b, .epg-badge__no--grouped')).toBeNull();
    const ours = painted(badgeFor(row({ courier: '우체국택배', invoiceNo: '6892122316034' }), undefined));
    expect(ours.querySelectorAll('.epg-badge__no > span')).toHaveLength(3);
  });

  it('repaints only what changed, and drops the icons a badge no longer has', () => {
    const el = document.createElement('span');
    paintBadge(el, badgeFor(row(), ship({ islandAddFee: 5000, box: '대형' })), ko, '#');
    const chip = el.firstChild;
    paintBadge(el, badgeFor(row(), ship({ islandAddFee: 5000, box: '대형' })), ko, '#');
    expect(el.firstChild).toBe(chip);
    paintBadge(el, badgeFor(row(), ship()), ko, '#');
    expect(el.querySelector('.epg-badge__icon')).toBeNull();
  });
});
