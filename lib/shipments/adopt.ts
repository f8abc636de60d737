// Another PC may have issued already: the godomall order's CURRENT invoice is shared truth. A
// 우체국택배 number found there is adopted (tracked from now on), never followed by a second number.
import type { JobRecord, JobTarget, Shipment } from '../db/types';
import type { OrderItem } from '../godomall/types';
import { isVoidNumber } from '../db/repo/journal';
import { liveShipment, nextReissue, shipmentKey, shipmentsByRegiNo } from '../db/repo/shipments';
import { recordAdopted } from './transitions';
import { kstYmd } from '../epost/kst';
import type { TargetOutcome } from '../jobs/runner';
import type { Ctx } from './context';
import { isRealRegiNo } from './keys';
import { adminPlace } from './safe-calls';
import { UNANSWERED, UNKNOWN_RECEIVER } from './unanswered';

export async function adoptInvoice(
  ctx: Ctx,
  job: JobRecord,
  target: JobTarget,
  baseKey: string,
  covered: OrderItem[],
  /** 묶음배송: the packet's other orders and the lead's own items (the number is on every order) */
  packet?: { others: string[]; leadSnos: string[] },
): Promise<TargetOutcome | undefined> {
  const withInvoice = covered.filter((i) => i.invoiceNo.trim() !== '');
  if (withInvoice.length === 0) return undefined;
  const other = withInvoice.find((i) => !i.courier.includes('우체국'));
  if (other) return { status: 'failed', message: `다른 택배사(${other.courier || '알 수 없음'}) 송장번호가 이미 입력되어 있습니다.` };
  const regiNo = withInvoice[0]!.invoiceNo.trim();
  if (!isRealRegiNo(regiNo)) return { status: 'failed', message: `주문에 입력된 우체국택배 송장번호(${regiNo}) 형식이 올바르지 않습니다.` };
  // our own void number still shown because its clearing write is queued: issue a new one
  if (await isVoidNumber(ctx.db, regiNo)) return undefined;
  if ((await shipmentsByRegiNo(ctx.db, regiNo)).some((s) => s.state !== 'void' && s.state !== 'failed'))
    return { status: 'skipped', message: `이미 등록된 송장번호입니다 (${regiNo}).` };

  const now = ctx.now();
  const build = async (): Promise<Shipment | undefined> => {
    // another job may have issued this order meanwhile: its live row wins
    if (await liveShipment(ctx.db, baseKey)) return undefined;
    const reissue = await nextReissue(ctx.db, baseKey);
    return {
      key: shipmentKey(baseKey, reissue),
      baseKey,
      reissue,
      mode: job.mode ?? 'order',
      orderNo: target.orderNo,
      itemSnos: packet?.leadSnos ?? covered.filter((i) => !i.isGift).map((i) => i.sno),
      wholeOrder: target.itemSnos.length === 0,
      ...(packet ? { packetOrders: packet.others } : {}),
      ...adminPlace(job),
      state: 'issued',
      source: 'adopted',
      test: false,
      payType: '1',
      regiNo,
      ...UNANSWERED,
      reqYmd: kstYmd(new Date(now)),
      receiver: UNKNOWN_RECEIVER,
      goods: covered.map((i) => ({
        sno: i.sno,
        name: i.goodsName,
        option: i.optionText,
        quantity: i.quantity,
        ...(i.isGift ? { gift: true } : {}),
      })),
      delivMsg: '',
      godomallStatus: covered[0]?.status ?? '',
      warnings: ['다른 PC(또는 직접 입력)에서 발급된 번호를 가져왔습니다.'],
      createdAt: now,
      updatedAt: now,
      operatorId: job.operatorId,
    };
  };
  const adopted = await recordAdopted(ctx, build, { operatorId: job.operatorId, detail: '고도몰 주문에 이미 입력된 우체국택배 번호' });
  if (!adopted) return { status: 'skipped', message: '다른 작업에서 이미 발급했습니다.' };
  return { status: 'skipped', message: `이미 발급된 송장번호가 있습니다 (${regiNo}).` };
}
