// What one admin row's 우체국 badge says. Pure: the page row (what godomall shows) plus the journal's
// view of it (what this browser knows) → one badge kind. Filters and bulk actions all key off this.
import type { ListRow } from '../godomall/types';
import type { RowShipment } from '../message-data';
import type { ExceptionKind } from '../db/types';
import { deliveryMethodName, isParcelDelivery } from '../godomall/order';
import { EPOST_COURIER_TEXT } from '../godomall/selectors';
import { lifeOf, may, type Subject, type Verdict } from '../shipments/lifecycle';

export type BadgeKind =
  | 'unissued' // 미발급
  | 'pending' // 발급 중 (outcome not yet known)
  | 'issued' // 발급 · 예약 전
  | 'reserved' // 예약 후
  | 'shipping' // 배송중
  | 'delivered' // 배송완료
  | 'contactError' // 연락처오류
  | 'unlinked' // 연동 해제
  | 'typed' // 우체국택배 number typed by hand in godomall (tracked only)
  | 'otherCourier' // another courier's number is already on the order
  | 'notParcel' // 방문수령, 퀵배송 …: godomall's deliveryMethodFl says this is not sent by 택배
  | 'claimRequested' // 승인 전: a customer's 반품/교환 request the shop has not accepted (no pickup yet)
  | 'unknown'; // 확인 불가: the journal could not be read, so whether it was issued is not known

export interface Badge {
  kind: BadgeKind;
  /** the 우체국 (or other courier's) invoice number shown next to the label; empty when none */
  number: string;
  test: boolean;
  /** extra Korean text for the tooltip / result list (failure reason, exception) */
  detail: string;
  /** the journal key, when the row has a shipment */
  shipmentKey: string;
  /** a delivery exception Korea Post reported (미배달, 반송, 지연, 취소) */
  exception?: ExceptionKind;
  /** registered at Korea Post, not yet saved into godomall (its write is queued) */
  savePending?: boolean;
  /** 제주/도서산간 extra fee (원) */
  islandAddFee?: number;
  /** the box preset it was issued with */
  box?: string;
  /** a claim row: the badge is about its return pickup (반품 회수), not a parcel to the customer */
  pickup?: true;
  /** the journal's facts the lifecycle rules look at (lifecycle.ts): what this row may do */
  life: Subject;
}

/** The lifecycle's view of a row: its journal state and facts, or 'none' when nothing of ours is live. */
export function badgeFor(row: ListRow, shipment: RowShipment | undefined): Badge {
  const base = { number: '', test: false, detail: '', shipmentKey: '', life: lifeOf(shipment) };
  if (shipment && shipment.state !== 'void' && shipment.state !== 'failed') {
    const detail = shipment.exception?.reason ?? shipment.message ?? '';
    const common = {
      life: base.life,
      number: shipment.regiNo,
      test: shipment.test,
      detail,
      shipmentKey: shipment.key,
      ...(shipment.exception ? { exception: shipment.exception.kind } : {}),
      ...(shipment.savePending ? { savePending: true } : {}),
      ...(shipment.islandAddFee ? { islandAddFee: shipment.islandAddFee } : {}),
      ...(shipment.box ? { box: shipment.box } : {}),
    };
    switch (shipment.state) {
      case 'pending':
        return { kind: 'pending', ...common };
      case 'issued':
        return { kind: 'issued', ...common };
      case 'reserved':
        return { kind: 'reserved', ...common };
      case 'shipping':
        return { kind: 'shipping', ...common };
      case 'delivered':
        return { kind: 'delivered', ...common };
      case 'unlinked':
        return { kind: 'unlinked', ...common };
    }
  }
  if (shipment?.contactError) {
    return { ...base, kind: 'contactError', detail: shipment.message ?? '', shipmentKey: shipment.key };
  }
  // Nothing live in the journal: the page itself may already carry a number.
  if (row.invoiceNo) {
    const kind: BadgeKind = row.courier === EPOST_COURIER_TEXT ? 'typed' : 'otherCourier';
    return { ...base, kind, number: row.invoiceNo, detail: kind === 'otherCourier' ? row.courier : '' };
  }
  // the list prints each row's deliveryMethodFl (layout_order_goods_simple_list.php:128/:145)
  if (row.deliveryMethod !== undefined && !isParcelDelivery(row.deliveryMethod)) {
    return { ...base, kind: 'notParcel', detail: deliveryMethodName(row.deliveryMethod) };
  }
  // a voided number (e.g. the reservation was cancelled at Korea Post) needs a new one: say why
  const exc = shipment?.exception;
  return { ...base, kind: 'unissued', detail: exc?.reason ?? shipment?.message ?? '', ...(exc ? { exception: exc.kind } : {}) };
}

/**
 * A claim row's badge: its return pickup, if any. The row's own invoice is the outbound parcel's and
 * its delivery method the outbound one's, so neither says anything about the pickup.
 */
export function pickupBadgeFor(row: ListRow, pickup: RowShipment | undefined): Badge {
  const { deliveryMethod: _outbound, ...claimRow } = row;
  const b = badgeFor({ ...claimRow, courier: '', invoiceNo: '' }, pickup);
  return { ...b, pickup: true, life: { ...b.life, pickup: true } };
}

/**
 * What the row's buttons may do, asked of the lifecycle (lifecycle.ts) with what the page adds: a row
 * whose page already carries any number (typed, another courier's, 방문수령) is issued by nobody.
 */
export function rowMay(b: Badge, action: 'issue' | 'reserve' | 'cancel' | 'print'): Verdict {
  if (action === 'issue') {
    if (b.kind !== 'unissued' && b.kind !== 'contactError') return { ok: false, reason: b.detail || '이미 송장번호가 있는 주문입니다.' };
    const dead = b.life.state === 'void' ? 'reissue' : 'issue';
    return may(
      { ...b.life, state: b.life.state === 'void' || b.life.state === 'failed' ? b.life.state : 'none' },
      b.pickup ? 'pickup' : dead,
    );
  }
  if (b.kind === 'typed' || b.kind === 'otherCourier' || b.kind === 'notParcel' || b.kind === 'unissued')
    return may({ state: 'none' }, action);
  return may(b.life, action);
}

/** Rows a bulk or selected 발급 (or 반품 회수 접수) may include: never one that already has any number. */
export const canIssue = (b: Badge): boolean => rowMay(b, 'issue').ok;
export const canReserve = (b: Badge): boolean => rowMay(b, 'reserve').ok;
export const canCancel = (b: Badge): boolean => rowMay(b, 'cancel').ok;
export const canPrint = (b: Badge): boolean => rowMay(b, 'print').ok;
