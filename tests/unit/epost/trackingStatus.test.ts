import { describe, expect, it } from 'vitest';
import { normaliseTrackingStatus } from '../../../lib/epost/trackingStatus';

describe('tracking status words', () => {
  it.each([
    ['접수', 'accepted'],
    ['접수 ', 'accepted'],
    ['접수 마감 후 접수(익일발송)', 'accepted'],
    ['발송', 'dispatched'],
    [' 도 착 ', 'arrived'],
    ['배달준비', 'outForDelivery'],
    ['배달 준비', 'outForDelivery'],
    ['배달완료', 'delivered'],
    ['배달완료 ( 배달 )', 'delivered'],
    ['배달완료(무인택배함)', 'delivered'],
    ['미배달', 'undelivered'],
    ['미배달 (수취인부재)', 'undelivered'],
    ['신청취소', 'cancelled'],
    ['접수취소', 'cancelled'],
    ['접수 취소', 'cancelled'],
    ['집하완료', 'pickedUp'],
    ['인수완료', 'pickedUp'],
    ['운송장출력', 'labelPrinted'],
    ['운송장 출력', 'labelPrinted'],
    ['반송', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (word, status) => {
    expect(normaliseTrackingStatus(word)).toBe(status);
  });
});
