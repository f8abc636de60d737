// The manual's godomall status rules (the original product's manual), as pure functions of status codes.
import { isGoodsStatus, isPaymentStatus, statusGroup } from '../godomall/statuses';
import type { TrackingEvent } from '../epost/types';

export type ReserveRule = { kind: 'change'; to: string } | { kind: 'keep' } | { kind: 'refuse'; reason: string };

/** 예약하기: 입금 상태 (p*) → 상품준비중 g1; 상품 상태 (g*) keeps its status; 배송중 and later keep too. */
export function reserveRule(current: string): ReserveRule {
  if (isPaymentStatus(current)) return { kind: 'change', to: 'g1' };
  if (isGoodsStatus(current)) return { kind: 'keep' };
  const g = statusGroup(current);
  if (g === 'd' || g === 's') return { kind: 'keep' };
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
