// 묶음배송: orders godomall bundled into one packet (「묶음배송처리」, order_view.php's 「묶음배송」 list)
// are one parcel: one InsertOrder for all their goods, the same number in every order. The packet is
// issued under its lowest order number (the lead): any order of it selected issues the whole packet,
// once, whichever PC or job gets there first.
import type { OrderDetail } from '../godomall/types';
import type { JobRecord } from '../db/types';
import type { Ctx } from './context';
import { readOrder } from './safe-calls';
import { receiverKey } from './receiver-groups';

/** The order number the packet is issued under. */
export function packetLead(order: OrderDetail): string {
  return [order.orderNo, ...(order.packetOrders ?? [])].sort()[0]!;
}

/**
 * The lead's order with every other order of its packet read and its items added: what one parcel
 * carries. Every order already holding one and the same number is a packet issued elsewhere (another
 * PC): the caller adopts it. Refuses (Korean reason) when only some orders hold a number, or different
 * ones: a packet is never half issued, and numbers someone put there are theirs to sort out.
 */
export async function wholePacket(
  ctx: Ctx,
  job: Pick<JobRecord, 'adminOrigin' | 'adminBase'>,
  lead: OrderDetail,
  /** orders combined by the operator (not by godomall): they must still go to one receiver */
  opts: { sameReceiver?: boolean } = {},
): Promise<{ ok: true; order: OrderDetail; others: string[] } | { ok: false; reason: string }> {
  const others = [...(lead.packetOrders ?? [])].sort();
  const orders = [lead, ...(await Promise.all(others.map((orderNo) => readOrder(ctx, job, orderNo))))];
  const elsewhere = opts.sameReceiver ? orders.find((o) => receiverKey(o) !== receiverKey(lead)) : undefined;
  if (elsewhere)
    return {
      ok: false,
      reason: `주문 ${elsewhere.orderNo}의 수령자 정보가 ${lead.orderNo}와(과) 달라져 한 송장으로 합치지 않았습니다. 다시 선택해 발급해 주세요.`,
    };
  const numbers = new Set(orders.flatMap((o) => o.items.filter((i) => !i.isGift).map((i) => i.invoiceNo.trim())));
  const numbered = orders.find((o) => o.items.some((i) => !i.isGift && i.invoiceNo.trim() !== ''));
  if (numbered && (numbers.size > 1 || numbers.has('')))
    return {
      ok: false,
      reason: `묶음배송 주문 ${numbered.orderNo}에만 송장번호(${[...numbers].filter(Boolean).join(', ')})가 있어 묶음 전체를 발급하지 않았습니다. 확인 후 정리해 주세요.`,
    };
  const { packetOrders: _packet, ...rest } = lead;
  return { ok: true, order: { ...rest, items: orders.flatMap((o) => o.items) }, others };
}
