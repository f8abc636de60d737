// Our Korea Post order keys: `<orderNo>` (주문별) or `<orderNo>-<sno>` (상품별), plus `-r<n>` for the n-th
// re-issue after a cancel. Deterministic, so GetResInfo(key, reqYmd) finds a lost answer again.
import type { IssueMode } from '../db/types';

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
