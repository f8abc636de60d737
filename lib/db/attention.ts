// Which journal rows ask something of the operator. Kept on the row as the indexed `attention` flag
// (written by putShipment), so the popup reads only those rows, never the year of delivered parcels.
import type { Shipment } from './types';
import { isContactError } from '../shipments/lifecycle';

/** Why the operator should look at this row, or undefined when nothing is asked of them. */
export function needsActionReason(s: Shipment): string | undefined {
  if (s.state === 'delivered') return undefined;
  if (s.exception) return s.exception.reason;
  if (s.state === 'failed' || s.state === 'unlinked') return s.message;
  if (s.state === 'pending') return s.message ?? '우체국 접수 확인 중';
  if (s.state === 'void') return s.message?.includes('재발급') ? s.message : undefined; // cancelled at Korea Post, not by us
  return s.message === '고도몰 로그인 필요' || s.message?.startsWith('고도몰 저장 실패') ? s.message : undefined;
}

/** A row the popup lists or counts (a reason, a 연락처오류, an open exception). */
export function asksOperator(s: Shipment): boolean {
  if (s.state === 'delivered') return false;
  return needsActionReason(s) !== undefined || isContactError(s) || s.exception !== undefined;
}
