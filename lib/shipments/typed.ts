// 우체국택배 numbers typed into godomall by hand: tracked (and moved to d1/d2) like our own, never
// issued, cancelled or re-written. Reported by the overlay from the rows it reads.
import type { Shipment } from '../db/types';
import { shipmentsByRegiNo } from '../db/repo/shipments';
import { recordAdopted } from './transitions';
import { kstYmd } from '../epost/kst';
import type { Ctx } from './context';
import { isRealRegiNo } from './keys';
import { TYPED_KEY_PREFIX } from './lifecycle';
import { isVoidNumber } from '../db/repo/journal';
import { UNANSWERED, UNKNOWN_RECEIVER } from './unanswered';

export interface TypedInvoiceRow {
  orderNo: string;
  itemSnos: string[];
  invoiceNo: string;
  status: string;
}

/** Returns how many new numbers were recorded. Running it twice records nothing new. */
export async function recordTypedInvoices(ctx: Ctx, origin: string, rows: TypedInvoiceRow[], operatorId = 'system'): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const regiNo = row.invoiceNo.replace(/\D/g, '');
    if (!isRealRegiNo(regiNo)) continue;
    if (await isVoidNumber(ctx.db, regiNo)) continue;
    const now = ctx.now();
    const build = async (): Promise<Shipment | undefined> => {
      if ((await shipmentsByRegiNo(ctx.db, regiNo)).length) return undefined;
      const key = `${TYPED_KEY_PREFIX}${regiNo}`;
      return {
        key,
        baseKey: key,
        reissue: 0,
        mode: row.itemSnos.length === 1 ? 'item' : 'order',
        orderNo: row.orderNo,
        itemSnos: row.itemSnos,
        wholeOrder: row.itemSnos.length === 0,
        adminOrigin: origin,
        state: /^[ds]/.test(row.status) ? (row.status === 'd2' ? 'delivered' : 'shipping') : 'issued',
        source: 'typed',
        test: false,
        payType: '1',
        regiNo,
        ...UNANSWERED,
        reqYmd: kstYmd(new Date(now)),
        receiver: UNKNOWN_RECEIVER,
        goods: [],
        delivMsg: '',
        godomallStatus: row.status,
        warnings: ['직접 입력된 우체국택배 번호: 배송 조회만 합니다.'],
        createdAt: now,
        updatedAt: now,
        operatorId,
      };
    };
    if (await recordAdopted(ctx, build, { operatorId, detail: '직접 입력된 번호 추적 시작' })) added++;
  }
  return added;
}
