// The overlay's own filters (발급상태 / 예약상태). godomall's search form keeps 검색어, 기간, 주문상태;
// these only hide or show rows already on the page.
import type { BadgeKind } from './badge';

export type IssueFilter = 'all' | 'issued' | 'unissued' | 'contactError'; // 전체 / 발급 / 미발급 / 연락처오류
export type ReserveFilter = 'all' | 'before' | 'after'; // 전체 / 예약 전 / 예약 후

export interface Filters {
  issue: IssueFilter;
  reserve: ReserveFilter;
}

export const NO_FILTERS: Filters = { issue: 'all', reserve: 'all' };

const HAS_NUMBER: ReadonlySet<BadgeKind> = new Set(['pending', 'issued', 'reserved', 'shipping', 'delivered', 'unlinked', 'typed']);
const RESERVED: ReadonlySet<BadgeKind> = new Set(['reserved', 'shipping', 'delivered']);

function issueMatches(kind: BadgeKind, f: IssueFilter): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'issued':
      return HAS_NUMBER.has(kind);
    case 'unissued':
      // a 연락처오류 row has no number either: the manual lists it apart, but it is still 미발급
      return kind === 'unissued' || kind === 'contactError';
    case 'contactError':
      return kind === 'contactError';
  }
}

function reserveMatches(kind: BadgeKind, f: ReserveFilter): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'before':
      // 예약 전: issued, not yet sent to Korea Post
      return kind === 'issued' || kind === 'pending';
    case 'after':
      return RESERVED.has(kind);
  }
}

export function rowVisible(kind: BadgeKind, f: Filters): boolean {
  return issueMatches(kind, f.issue) && reserveMatches(kind, f.reserve);
}

export function isFiltering(f: Filters): boolean {
  return f.issue !== 'all' || f.reserve !== 'all';
}
