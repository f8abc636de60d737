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

/** An issue target's base key: the replacement's (교환 재배송) or the order's own parcel's. */
export function issueBaseKey(mode: IssueMode, orderNo: string, itemSnos: string[], reship: boolean): string {
  return reship ? reshipBaseKey(orderNo, itemSnos) : baseKeyFor(mode, orderNo, itemSnos);
}

export function isRealRegiNo(regiNo: string): boolean {
  return /^\d{13}$/.test(regiNo);
}

/**
 * A return pickup's base key: `<orderNo>-R<lowest sno>` of the claim items it collects. The same claim
 * asked twice is the same key (exactly once); another claim of the order (other items) is another.
 */
export function pickupBaseKey(orderNo: string, itemSnos: readonly string[]): string {
  return `${orderNo}${PICKUP_KEY_MARK}${lowestSno(itemSnos, '회수할 상품이 없습니다.')}`;
}

/** The numerically lowest sno (snos are digits): what names a claim's or a replacement's items in its key. */
function lowestSno(itemSnos: readonly string[], none: string): string {
  const lowest = [...itemSnos].sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
  if (!lowest) throw new Error(none);
  return lowest;
}

/** The mark of a replacement parcel's key: never a sno (digits), nor the pickup's `-R`, nor a re-issue's `-r<n>`. */
const RESHIP_KEY_MARK = '-X';

/**
 * 교환 재배송: the replacement items' parcel, `<orderNo>-X<lowest sno>` of the 교환추가 items it carries.
 * Apart from the order's own parcel (`<orderNo>`, `<orderNo>-<sno>`) and the exchange's pickup
 * (`<orderNo>-R<sno>`); the same replacement asked twice is the same key (exactly once).
 */
function reshipBaseKey(orderNo: string, itemSnos: readonly string[]): string {
  return `${orderNo}${RESHIP_KEY_MARK}${lowestSno(itemSnos, '교환추가 상품을 선택해 주세요.')}`;
}

/** A pickup job's target for an order (its key is decided when the claim is read; see pickupBaseKey). */
export const pickupTargetKey = (orderNo: string): string => `${orderNo}${PICKUP_KEY_MARK}`;

/** Korea Post's 신청구분 of a shipment: 2 반품소포 for a return pickup, else 1 일반소포. */
export const reqTypeOf = (s: Pick<Shipment, 'pickup'>): ReqType => (s.pickup ? '2' : '1');
