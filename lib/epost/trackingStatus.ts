// Korea Post's tracking status words carry spaces and tails ('배달완료 ( 배달 )', '접수 ',
// '접수 마감 후 접수(익일발송)'), so they are compared with spaces removed, by prefix.

import type { TrackingStatus } from './types';

// Order matters: a more specific word comes before any shorter prefix of it ('접수취소' before '접수').
const PREFIXES: readonly (readonly [string, TrackingStatus])[] = [
  ['신청취소', 'cancelled'],
  ['접수취소', 'cancelled'],
  ['소포신청취소', 'cancelled'],
  ['미배달', 'undelivered'],
  ['배달준비', 'outForDelivery'],
  ['배달완료', 'delivered'],
  ['배달중', 'outForDelivery'],
  ['배달출발', 'outForDelivery'],
  ['집하완료', 'pickedUp'],
  ['인수완료', 'pickedUp'],
  ['집하', 'pickedUp'],
  ['운송장출력', 'labelPrinted'],
  ['접수', 'accepted'], // includes '접수마감후접수(익일발송)'
  ['발송', 'dispatched'],
  ['도착', 'arrived'],
];

/** The word without whitespace, as it is compared. */
function compactStatusWord(word: string): string {
  return word.replace(/\s+/g, '');
}

export function normaliseTrackingStatus(word: string): TrackingStatus {
  const w = compactStatusWord(word);
  if (!w) return 'other';
  for (const [prefix, status] of PREFIXES) if (w.startsWith(prefix)) return status;
  return 'other';
}
