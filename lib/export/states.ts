// Korean names of the journal states, as the operator sees them in exports and lists.
import type { ShipmentState } from '../db/types';

export const STATE_NAME_KO: Record<ShipmentState, string> = {
  pending: '처리 중',
  issued: '발급 (예약 전)',
  reserved: '예약 후',
  shipping: '배송중',
  delivered: '배송완료',
  void: '취소 (사용 불가 번호)',
  failed: '발급 실패',
  unlinked: '연동 해제',
};
