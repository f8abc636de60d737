// Our Korea Post order keys: `<orderNo>` (주문별) or `<orderNo>-<sno>` (상품별), plus `-r<n>` for the n-th
// re-issue after a cancel. Deterministic, so GetResInfo(key, reqYmd) finds a lost answer again.
import type { IssueMode, Shipment } from '../db/types';
import { PICKUP_KEY_MARK } from '../db/types';
import type { ReqType } from '../epost/types';

export function baseKeyFor(mode: IssueMode, orderNo: string, itemSnos: string[]): string {
  if (mode === 'item') {
    if (itemSnos.length !== 1) throw new Error('상품별 발급은 상품 하나씩 선택해야 합니다.');
    return `${orderNo}-${itemSnos[0]}`;
  }
  return orderNo;
}

export function isRealRegiNo(regiNo: string): boolean {
  return /^\d{13}$/.test(regiNo);
}

/**
 * A return pickup's base key: `<orderNo>-R<lowest sno>` of the claim items it collects. The same claim
 * asked twice is the same key (exactly once); another claim of the order (other items) is another.
 */
export function pickupBaseKey(orderNo: string, itemSnos: readonly string[]): string {
  const lowest = [...itemSnos].sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
  if (!lowest) throw new Error('회수할 상품이 없습니다.');
  return `${orderNo}${PICKUP_KEY_MARK}${lowest}`;
}

/** A pickup job's target for an order (its key is decided when the claim is read; see pickupBaseKey). */
export const pickupTargetKey = (orderNo: string): string => `${orderNo}${PICKUP_KEY_MARK}`;

/** Korea Post's 신청구분 of a shipment: 2 반품소포 for a return pickup, else 1 일반소포. */
export const reqTypeOf = (s: Pick<Shipment, 'pickup'>): ReqType => (s.pickup ? '2' : '1');
