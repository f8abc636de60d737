// 반품 회수 접수: a Korea Post return pickup (InsertOrder reqType=2) for a godomall 반품/교환 claim, exactly
// once like issuing — the same journal gate, the same confirm-then-send loop (issue.ts sendOnce), the
// same GetResInfo look before any second send, under its own key `<orderNo>-R<lowest sno>`.
// The courier brings the waybill to the customer (printYn=N): the customer (the order's 수령자) is the
// 반품인 in the rec* fields, the shop's 공급지 (officeSer) receives it. godomall has nowhere to keep the
// number (no return invoice in the templates), so it stays in the journal and on the claim list's row.
import type { JobRecord, JobTarget, Pickup, Shipment } from '../db/types';
import type { InsertOrderInput } from '../epost/types';
import type { OrderDetail, OrderItem } from '../godomall/types';
import type { Settings } from '../settings';
import type { TargetOutcome } from '../jobs/runner';
import { kstDaysBetween, kstYmd } from '../epost/kst';
import { SessionExpiredError } from '../godomall/types';
import { overlappingLive, shipmentsOfBase, shipmentsOfOrder } from '../db/repo/shipments';
import { errorText, type Ctx } from './context';
import { fit, goodsLines, goodsLineText, insertOrderInput, planReceiver } from './build-order';
import { baseDraft, mayHaveSent, registerOnce, sendOnce } from './issue';
import { recordFailedIssue } from './transitions';
import { isRealRegiNo, pickupBaseKey } from './keys';
import { LOGIN_NEEDED } from './godomall-writes';
import { readOrder, stoppedZips, tabOf } from './safe-calls';
import { PICKUP_CLAIM_STEP } from './lifecycle';

const DAY = 24 * 60 * 60 * 1000;
/**
 * How far back another PC's booking of the same claim is looked for before a first booking: today and
 * yesterday (two lookups). An older one under the same key is found by the sync's family look instead.
 */
const PICKUP_LOOK_BACK_DAYS = 1;

const CLAIM_NAME: Record<Pickup['claim'], string> = { b: '반품접수', e: '교환접수' };

type PickupPlan =
  | { ok: true; input: Omit<InsertOrderInput, 'orderNo'>; draft: Partial<Shipment> }
  | { ok: false; failure: NonNullable<Shipment['failure']>; reason: string };

export async function pickupTarget(ctx: Ctx, job: JobRecord, target: JobTarget): Promise<TargetOutcome> {
  const claim = job.claim;
  if (claim !== 'b' && claim !== 'e') return { status: 'failed', message: '반품·교환 목록에서만 회수를 접수할 수 있습니다.' };
  // one pickup of an order's claim at a time in this runner (a double click, two overlapping jobs)
  const flight = `pickup:${job.adminOrigin}:${target.orderNo}`;
  if (ctx.inFlight.has(flight)) return { status: 'skipped', message: '다른 작업에서 회수 접수 중입니다.' };
  ctx.inFlight.add(flight);
  try {
    return await pickupOrder(ctx, job, target, claim);
  } finally {
    ctx.inFlight.delete(flight);
  }
}

async function pickupOrder(ctx: Ctx, job: JobRecord, target: JobTarget, claim: Pickup['claim']): Promise<TargetOutcome> {
  let order: OrderDetail;
  try {
    order = await readOrder(ctx, job, target.orderNo, tabOf({ pickup: { claim } }));
  } catch (err) {
    const reason = err instanceof SessionExpiredError ? LOGIN_NEEDED : `주문을 읽지 못했습니다: ${errorText(err)}`;
    // a pending pickup of this order is still settled: Korea Post alone says whether it was registered
    const pending = await pendingPickup(ctx, job, target);
    if (pending) return sendOnce(ctx, pending, undefined, { failure: 'order', reason }, { resumed: true });
    return { status: 'failed', message: reason };
  }
  const chosen = pickupItems(order, target.itemSnos, claim);
  if (!chosen.ok) {
    const pending = await pendingPickup(ctx, job, target);
    if (pending) return sendOnce(ctx, pending, undefined, { failure: 'order', reason: chosen.reason }, { resumed: true });
    return { status: chosen.status, message: chosen.reason };
  }
  const snos = chosen.items.map((i) => i.sno);
  const baseKey = pickupBaseKey(target.orderNo, snos);
  const rows = await shipmentsOfBase(ctx.db, baseKey);
  const live = rows.find((r) => r.liveBaseKey === baseKey);
  if (live && live.state !== 'pending') return { status: 'skipped', message: `이미 반품 회수를 접수했습니다 (${live.regiNo}).` };
  if (!live) {
    const other = await overlappingLive(ctx.db, {
      adminOrigin: job.adminOrigin,
      orderNo: target.orderNo,
      baseKey,
      itemSnos: snos,
      pickup: { claim },
    });
    if (other) return { status: 'skipped', message: `이 상품은 이미 다른 반품 회수로 접수되어 있습니다 (${other.regiNo || other.key}).` };
  }
  const settings = await ctx.settings();
  const origRegiNo = await originalNumber(ctx, job, order, chosen.items);
  const planned = planPickup(order, chosen.items, settings, claim, origRegiNo, (await stoppedZips(ctx)) ?? [], kstYmd(new Date(ctx.now())));
  // a pending row (a send that may have gone out) is settled: Korea Post is asked before any send
  if (live)
    return planned.ok
      ? sendOnce(ctx, live, planned.input, undefined, { resumed: true })
      : sendOnce(ctx, live, undefined, planned, { resumed: true });
  const draft = {
    ...(await baseDraft(ctx, job, { ...target, itemSnos: snos }, baseKey, order, settings.testMode)),
    ...(planned.ok ? planned.draft : { pickup: { claim } }),
    mode: 'order' as const,
    wholeOrder: false,
    itemSnos: snos,
  };
  if (!planned.ok) {
    // the claim row says why (연락처오류 links to the order page); a corrected order is booked again
    await recordFailedIssue(ctx, draft, planned);
    return { status: 'failed', message: planned.reason };
  }
  // godomall keeps no return invoice, so nothing there tells of another PC's pickup of this claim:
  // Korea Post is asked first, on the days such a booking can be filed under
  const now = ctx.now();
  return registerOnce(ctx, draft, planned.input, {
    fresh: !rows.some(mayHaveSent),
    // the keys our journal knows (a first booking: the base key), on today and yesterday, or since our
    // first booking of this claim (a re-booking after a cancel), at most a month back
    look: {
      days: kstDaysBetween(Math.max(now - 31 * DAY, Math.min(now - PICKUP_LOOK_BACK_DAYS * DAY, ...rows.map((r) => r.createdAt))), now),
      beyond: 0,
    },
  });
}

/** A pending pickup row of this order the job's target covers (killed between the journal and the answer). */
async function pendingPickup(ctx: Ctx, job: JobRecord, target: JobTarget): Promise<Shipment | undefined> {
  const rows = await shipmentsOfOrder(ctx.db, job.adminOrigin, target.orderNo);
  return rows.find(
    (r) => r.pickup && r.state === 'pending' && (!target.itemSnos.length || r.itemSnos.some((s) => target.itemSnos.includes(s))),
  );
}

/**
 * The claim items to collect: those chosen (every one must be waiting for pickup), or every item of the
 * claim tab still at 반품접수 / 교환접수. Gifts travel back with their order's goods.
 */
function pickupItems(
  order: OrderDetail,
  itemSnos: string[],
  claim: Pickup['claim'],
): { ok: true; items: OrderItem[] } | { ok: false; status: 'failed' | 'skipped'; reason: string } {
  const step = PICKUP_CLAIM_STEP[claim];
  if (itemSnos.length) {
    const missing = itemSnos.find((sno) => !order.items.some((i) => i.sno === sno));
    if (missing)
      return { ok: false, status: 'failed', reason: `선택한 상품(${missing})이 주문의 ${claim === 'b' ? '반품' : '교환'}내역에 없습니다.` };
    const items = order.items.filter((i) => itemSnos.includes(i.sno));
    const notWaiting = items.find((i) => i.status !== step);
    if (notWaiting)
      return {
        ok: false,
        status: 'skipped',
        reason: `${CLAIM_NAME[claim]} 상태의 상품만 회수를 접수합니다 (상품주문번호 ${notWaiting.sno}: ${notWaiting.status}).`,
      };
    return { ok: true, items };
  }
  const items = order.items.filter((i) => i.status === step);
  if (!items.length) return { ok: false, status: 'skipped', reason: `${CLAIM_NAME[claim]} 상태인 상품이 없어 회수를 접수하지 않았습니다.` };
  return { ok: true, items };
}

/**
 * The number the goods went out under (retOrigRegiNo): our own parcel of these items, else a
 * 우체국택배 number godomall shows on them; none when neither is known (the field is optional).
 */
async function originalNumber(ctx: Ctx, job: JobRecord, order: OrderDetail, items: OrderItem[]): Promise<string | undefined> {
  const snos = new Set(items.map((i) => i.sno));
  const ours = (await shipmentsOfOrder(ctx.db, job.adminOrigin, order.orderNo)).find(
    (r) =>
      !r.pickup &&
      !r.test &&
      ['shipping', 'delivered', 'reserved', 'issued'].includes(r.state) &&
      isRealRegiNo(r.regiNo) &&
      (r.wholeOrder || r.itemSnos.some((s) => snos.has(s))),
  );
  if (ours) return ours.regiNo;
  const shown = items.find((i) => isRealRegiNo(i.invoiceNo) && /우체국/.test(i.courier));
  return shown?.invoiceNo;
}

/** The InsertOrder of a return pickup, checked before anything is sent; what the journal row records of it. */
function planPickup(
  order: OrderDetail,
  items: OrderItem[],
  settings: Settings,
  claim: Pickup['claim'],
  origRegiNo: string | undefined,
  stopped: Parameters<typeof planReceiver>[1],
  todayYmd: string,
): PickupPlan {
  const s = settings;
  if (!s.custNo || !s.apprNo || !s.sender.officeSer)
    return { ok: false, failure: 'config', reason: '우체국택배 연동 설정(고객번호·승인번호·공급지)이 완료되지 않았습니다.' };
  const unreadable = items.find((i) => i.unreadable?.length);
  if (unreadable)
    return {
      ok: false,
      failure: 'order',
      reason: `주문 상세에서 ${unreadable.unreadable!.join('·')}을(를) 읽지 못해 회수를 접수하지 않았습니다. (상품주문번호 ${unreadable.sno})`,
    };
  const warnings: string[] = [];
  const checked = planReceiver(order, stopped, todayYmd, warnings);
  if (!checked.ok) return { ...checked, reason: checked.reason.replace('다시 발급하세요', '다시 접수하세요') };
  const { receiver } = checked;
  const real = items.filter((i) => !i.isGift);
  const goodsNm = fit(
    '상품명',
    `[${claim === 'b' ? '반품' : '교환'}] ${(real.length ? real : items).map(goodsLineText).join(', ')}`,
    400,
    warnings,
  );
  const input: Omit<InsertOrderInput, 'orderNo'> = {
    ...insertOrderInput(s, receiver, { goodsNm, qty: items.reduce((n, i) => n + i.quantity, 0) }),
    reqType: '2',
    ...(origRegiNo ? { retOrigRegiNo: origRegiNo } : {}),
    // the courier brings the waybill to the customer: nothing for the shop to print
    printYn: 'N',
  };
  return {
    ok: true,
    input,
    draft: {
      pickup: { claim, ...(origRegiNo ? { origRegiNo } : {}) },
      receiver,
      goods: goodsLines(items),
      warnings,
    },
  };
}
