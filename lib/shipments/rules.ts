// The manual's godomall status rules (the original product's manual), as pure functions of status codes.
import { isGoodsStatus, isPaymentStatus, statusGroup } from '../godomall/statuses';
import type { TrackingEvent } from '../epost/types';
import type { Shipment } from '../db/types';

export type ReserveRule = { kind: 'change'; to: string } | { kind: 'keep' } | { kind: 'refuse'; reason: string };

/** 예약하기: 입금 상태 (p*) → 상품준비중 g1; 상품 상태 (g*) keeps its status; 배송중 and later keep too. */
export function reserveRule(current: string): ReserveRule {
  if (isPaymentStatus(current)) return { kind: 'change', to: 'g1' };
  if (isGoodsStatus(current)) return { kind: 'keep' };
  const g = statusGroup(current);
  if (g === 'd' || g === 's') return { kind: 'keep' };
  // 교환추가 items move only within z (Order.php:610–612): paid (z2) or on its way, they keep their status
  if (g === 'z')
    return current === 'z1' ? { kind: 'refuse', reason: '추가입금대기 교환추가 상품은 예약할 수 없습니다.' } : { kind: 'keep' };
  if (g === 'o') return { kind: 'refuse', reason: '입금대기 주문은 예약할 수 없습니다.' };
  return { kind: 'refuse', reason: `현재 주문 상태(${current || '알 수 없음'})에서는 예약할 수 없습니다.` };
}

export type ParcelPhase = 'none' | 'moving' | 'delivered' | 'undelivered' | 'returned' | 'cancelled' | 'accepted';

const MOVING = new Set(['dispatched', 'arrived', 'outForDelivery', 'pickedUp']);

/**
 * Where the parcel is, judged from its latest meaningful scan. A return pickup (`pickup`) is a 반품 by
 * nature, so its wording is no exception; and its first scan (접수) is the courier collecting it.
 */
export function parcelPhase(events: TrackingEvent[], opts: { pickup?: boolean } = {}): ParcelPhase {
  if (events.length === 0) return 'none';
  const sorted = [...events].sort((a, b) => a.at - b.at);
  if (sorted.some((e) => e.status === 'delivered')) return 'delivered';
  const last = sorted[sorted.length - 1]!;
  if (opts.pickup) {
    if (last.status === 'cancelled') return 'cancelled';
    if (last.status === 'undelivered') return 'undelivered';
    return 'moving';
  }
  if (/반송|반품/.test(last.statusText) || /반송|반품/.test(last.detail)) return 'returned';
  if (last.status === 'cancelled') return 'cancelled';
  if (last.status === 'undelivered') return 'undelivered';
  if (MOVING.has(last.status)) return 'moving';
  if (sorted.some((e) => MOVING.has(e.status))) return 'moving';
  return 'accepted';
}

/** One status that stands for the covered items: the common one, or the least advanced when they differ. */
export function coveredStatus(statuses: string[]): string {
  const order = 'opgdscfbezr';
  const sorted = [...statuses].sort((a, b) => order.indexOf(statusGroup(a)) - order.indexOf(statusGroup(b)) || a.localeCompare(b));
  return sorted[0] ?? '';
}

/**
 * godomall's steps of a parcel on its way and delivered: 배송중 d1 / 배송완료 d2 (from the groups before
 * shipping, lifecycle.ts BEFORE_SHIPPING_GROUPS). An exchange's replacement items (교환추가) have their
 * own, and `before` lists what they move from: 추가입금대기 z1 / 추가결제완료 z2 → 추가배송중 z3 →
 * 추가배송완료 z4 (OrderStatusGlobalController.php:306–326), as godomall's own invoice upload moves them
 * (OrderAdmin.php:9289–9300, 9382–9383) and dates them (Order.php:5877–5887); a z item never leaves z
 * (Order.php:610–612 statusStandardCode['z']).
 */
export function godomallSteps(s: Pick<Shipment, 'reship'>): { shipping: string; delivered: string; before?: string[] } {
  return s.reship ? { shipping: 'z3', delivered: 'z4', before: ['z1', 'z2'] } : { shipping: 'd1', delivered: 'd2' };
}

/** An exchange's replacement item (교환추가, z1–z5): the only items a 교환 재배송 parcel carries. */
export const isReplacementStatus = (code: string): boolean => statusGroup(code) === 'z';
