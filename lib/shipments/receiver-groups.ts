// Orders to the same receiver, outside godomall's own 묶음배송 packets: an issue job may send them as one
// parcel when the operator agrees (the overlay lists the groups and asks first; never silently). Same
// receiver = the same name, phone and address as the order pages show them (spaces and the phone's
// dashes ignored). Orders already numbered, in a godomall packet, or unreadable are left out.
import type { OrderDetail } from '../godomall/types';
import { createLimiter } from '../jobs/limiter';
import type { Ctx } from './context';
import { readOrder, type AdminPlace } from './safe-calls';

export interface ReceiverGroup {
  /** the orders, lowest number (the parcel's lead) first */
  orderNos: string[];
  /** the receiver as the operator will recognise it: name and address */
  receiver: string;
}

const squeeze = (v: string) => v.replace(/\s+/g, '');

/** Who and where a parcel goes: equal keys are one receiver. */
export function receiverKey(o: OrderDetail): string {
  const phone = (o.receiverCellPhone || o.receiverPhone).replace(/\D/g, '');
  return [squeeze(o.receiverName), phone, o.receiverZonecode.trim(), squeeze(o.receiverAddress), squeeze(o.receiverAddressSub)].join('|');
}

export async function receiverGroups(ctx: Ctx, place: AdminPlace, orderNos: string[]): Promise<ReceiverGroup[]> {
  const slot = createLimiter((await ctx.settings()).concurrency * 2);
  const orders = await Promise.all(
    [...new Set(orderNos)].map((orderNo) => slot(() => readOrder(ctx, place, orderNo).catch(() => undefined))),
  );
  const byReceiver = new Map<string, OrderDetail[]>();
  for (const o of orders) {
    if (!o || o.packetOrders?.length || o.items.some((i) => !i.isGift && i.invoiceNo.trim() !== '')) continue;
    const key = receiverKey(o);
    byReceiver.set(key, [...(byReceiver.get(key) ?? []), o]);
  }
  return [...byReceiver.values()]
    .filter((list) => list.length > 1)
    .map((list) => ({
      orderNos: list.map((o) => o.orderNo).sort(),
      receiver: `${list[0]!.receiverName} · ${list[0]!.receiverAddress}`,
    }));
}
