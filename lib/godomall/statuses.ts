// Status code helpers. Match on codes; labels are per shop (주문 상태 설정 may rename them and add g5–g8).
import type { StatusCode } from './types';

/** `p1` → `p`. Empty for anything that is not a status code. */
export function statusGroup(code: StatusCode): string {
  return /^([a-z])\d+$/.exec(code)?.[1] ?? '';
}

export function isStatusCode(code: string): boolean {
  return /^[a-z]\d{1,2}$/.test(code);
}

/** 입금 상태 group (결제완료 and friends). */
export const isPaymentStatus = (code: StatusCode): boolean => statusGroup(code) === 'p';
/** 상품 상태 group: g1 상품준비중 … g4, and shop-defined g5+. */
export const isGoodsStatus = (code: StatusCode): boolean => statusGroup(code) === 'g';

/** Claims and failures: cancel, payment failure, return, exchange, refund. */
export function isClaimStatus(code: StatusCode): boolean {
  return ['c', 'f', 'b', 'e', 'z', 'r'].includes(statusGroup(code));
}

/** Default Korean labels (shops may rename them; use only for display when the shop's label is unknown). */
const DEFAULT_STATUS_LABELS: Readonly<Record<string, string>> = {
  o1: '입금대기',
  p1: '결제완료',
  g1: '상품준비중',
  g2: '구매발주',
  g3: '상품입고',
  g4: '상품출고',
  d1: '배송중',
  d2: '배송완료',
  s1: '구매확정',
  c1: '자동취소',
  c2: '품절취소',
  c3: '관리자취소',
  c4: '고객취소요청',
  f1: '결제시도',
  f2: '고객결제중단',
  f3: '결제실패',
  f4: 'PG확인요망',
  b1: '반품접수',
  b2: '반송중',
  b3: '반품보류',
  b4: '반품회수완료',
  e1: '교환접수',
  e2: '반송중',
  e3: '재배송중',
  e4: '교환보류',
  e5: '교환완료',
  r1: '환불접수',
  r2: '환불보류',
  r3: '환불완료',
};

export function statusLabel(code: StatusCode, shopLabels?: Readonly<Record<string, string>>): string {
  return shopLabels?.[code] ?? DEFAULT_STATUS_LABELS[code] ?? code;
}
