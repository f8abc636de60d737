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

/**
 * `listNames`: the receiver names the admin's list printed (its 수령자 column, when the operator's grid
 * has one). Same receiver means the same name, so an order whose name no other order of the job shares
 * needs no page read; orders without a listed name are read, and so is any order named like one of them.
 */
export async function receiverGroups(
  ctx: Ctx,
  place: AdminPlace,
  orderNos: string[],
  listNames: Record<string, string> = {},
): Promise<ReceiverGroup[]> {
  const unique = [...new Set(orderNos)];
  const slot = createLimiter((await ctx.settings()).concurrency * 2);
  const read = new Map<string, OrderDetail | undefined>();
  const readAll = (nos: string[]) =>
    Promise.all(
      nos
        .filter((no) => !read.has(no))
        .map((no) =>
          slot(async () => {
            read.set(no, await readOrder(ctx, place, no).catch(() => undefined));
          }),
        ),
    );
  const named = (no: string) => squeeze(listNames[no] ?? '');
  const listed = new Map<string, number>();
  for (const no of unique) if (named(no)) listed.set(named(no), (listed.get(named(no)) ?? 0) + 1);
  await readAll(unique.filter((no) => !named(no) || listed.get(named(no))! > 1));
  const readNames = new Set([...read.values()].flatMap((o) => (o ? [squeeze(o.receiverName)] : [])));
  await readAll(unique.filter((no) => readNames.has(named(no))));
  const byReceiver = new Map<string, OrderDetail[]>();
  for (const o of read.values()) {
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
