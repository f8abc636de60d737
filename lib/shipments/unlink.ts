// 연동 해제, the one move that godomall's own page decides: an operator changed the order's status by
// hand before Korea Post's 배송완료 was applied (the seed's rule; lifecycle.ts manualChange finds it).
// The row becomes unlinked, its queued godomall writes are dropped, and nothing of ours writes that
// order again. Its own module because both the write queue (godomall-writes.ts) and 예약 (reserve.ts)
// find it, and transitions.ts itself queues through the write queue.
import { addAudit } from '../db/repo/journal';
import { dropWritesForShipment } from '../db/repo/pending-writes';
import { updateShipment } from '../db/repo/shipments';
import type { Ctx } from './context';
import { may } from './lifecycle';

/** Unlinks the row (when it is still one the rule applies to); returns the operator's reason. */
export async function unlinkShipment(
  ctx: Ctx,
  key: string,
  how: { orderNo: string; seen: string; expected: string; operatorId?: string },
): Promise<string> {
  const reason = `운영자가 주문 상태를 직접 변경하여(${how.expected} → ${how.seen}) 우체국택배 연동이 해제되었습니다.`;
  const row = await updateShipment(ctx.db, key, (s) =>
    may({ state: s.state }, 'unlink').ok
      ? {
          ...s,
          state: 'unlinked',
          updatedAt: ctx.now(),
          message: reason,
        }
      : undefined,
  );
  await dropWritesForShipment(ctx.db, key);
  if (!row) return reason;
  await addAudit(ctx.db, {
    at: ctx.now(),
    operatorId: how.operatorId ?? 'system',
    action: 'unlink',
    key,
    orderNo: how.orderNo,
    regiNo: row.regiNo,
    detail: `expected ${how.expected}, found ${how.seen}`,
  });
  return reason;
}
