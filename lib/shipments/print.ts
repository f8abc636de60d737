// 운송장 출력: printedAt + audit (print / reprint); a reserved parcel that is printed moves the order to
// 배송중 (d1) and the shipment to shipping.
import { errorText, type Ctx } from './context';
import { reconcileFamily } from './family';
import { printShipment, voidShipment } from './transitions';
import { familyUnsettled, lifeOf, may } from './lifecycle';
import { getShipment, shipmentsByKeys } from '../db/repo/shipments';
import { createLimiter } from '../jobs/limiter';

export async function markPrinted(ctx: Ctx, keys: string[], reprint: boolean, operatorId: string): Promise<{ moved: number }> {
  const moved = await byOrder(ctx, keys, async (key) => {
    const s = await getShipment(ctx.db, key);
    if (!s || !may(lifeOf(s), 'print').ok) return false; // a return pickup's waybill is the courier's (printYn=N)
    return printShipment(ctx, s, { reprint, operatorId });
  });
  return { moved: moved.filter(Boolean).length };
}

/**
 * Runs `each` for every key: the parcels of one godomall order one after another (their writes go to
 * that order), the orders side by side as many as a job's targets — 500 labels were recorded one by
 * one in 110 s, a godomall write each. Each key's row is read again inside `each`, fresh.
 */
async function byOrder<T>(ctx: Ctx, keys: string[], each: (key: string) => Promise<T>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const rows = await shipmentsByKeys(ctx.db, unique);
  const orders = new Map<string, string[]>();
  unique.forEach((key, i) => {
    const order = rows[i] ? `${rows[i].adminOrigin}|${rows[i].orderNo}` : key;
    orders.set(order, [...(orders.get(order) ?? []), key]);
  });
  const slot = createLimiter((await ctx.settings()).concurrency * 2);
  const out = new Map<string, T>();
  await Promise.all(
    [...orders.values()].map((list) =>
      slot(async () => {
        for (const key of list) out.set(key, await each(key));
      }),
    ),
  );
  return unique.map((key) => out.get(key)!);
}

export async function reconcileForLabels(ctx: Ctx, keys: string[], operatorId: string): Promise<Array<{ key: string; reason: string }>> {
  const verdicts = await byOrder(ctx, keys, async (key): Promise<{ key: string; reason: string } | undefined> => {
    const s = await getShipment(ctx.db, key);
    const verdict = s && may(lifeOf(s), 'print');
    if (s?.pickup && verdict && !verdict.ok) return { key, reason: verdict.reason };
    // a label only for a parcel seen alone at Korea Post; one already collected has no twin left to cancel
    if (!s || !familyUnsettled(s) || !may(lifeOf(s), 'cancel').ok) return undefined;
    try {
      const r = await reconcileFamily(ctx, s, operatorId);
      if (r.kind !== 'missing') return undefined;
      const reason = '우체국에서 신청취소되었거나 찾을 수 없는 번호입니다. 송장번호를 재발급하세요.';
      await voidShipment(ctx, s, { reason, operatorId });
      return { key, reason };
    } catch (err) {
      return { key, reason: `우체국 접수 정보를 확인하지 못해 출력하지 않았습니다 (${errorText(err)}). 잠시 후 다시 출력하세요.` };
    }
  });
  return verdicts.filter((v): v is { key: string; reason: string } => v !== undefined);
}
