// 송장번호 발급 (1단계), exactly once per baseKey:
//  journal check → godomall's CURRENT invoice (another PC may have issued) → validate → pending row
//  written in one transaction (the gate) → InsertOrder. A FRESH key (no earlier row in the journal,
//  no invoice in godomall) costs that one call; its twin check is the next touch's (family.ts, at 예약).
//  Once a send may have gone out (retry, resume, re-issue), GetResInfo is asked first — after the
//  settle window since that send, on every day since the first send — and only a clear "not found"
//  permits another send.
import type { JobRecord, JobTarget, Shipment } from '../db/types';
import type { InsertOrderInput } from '../epost/types';
import type { Box, Settings } from '../settings';
import { kstYmd } from '../epost/kst';
import { SessionExpiredError, type OrderDetail } from '../godomall/types';
import {
  baseAndOrderRows,
  claimPending,
  overlapping,
  nextReissueOf,
  updateShipment,
  getShipment,
  shipmentsOfBase,
} from '../db/repo/shipments';
import { backoffMs, sleep } from '../retry';
import type { TargetOutcome } from '../jobs/runner';
import { errorText, type Ctx } from './context';
import { planIssue, coveredItems } from './build-order';
import { recordFailedIssue, recordIssued, recordRefused, voidShipment } from './transitions';
import { adoptInvoice } from './adopt';
import { packetLead, wholePacket } from './packet';
import { reqTypeOf } from './keys';
import {
  earliest,
  familyDays,
  familyKeys,
  familyRegistrations,
  isLive,
  reconcileFamily,
  settleFamily,
  type FamilyRegistration,
} from './family';
import { markUnsettled } from './settle';
import { flushForShipment, LOGIN_NEEDED } from './godomall-writes';
import { UNANSWERED } from './unanswered';
import { adminPlace, readOrder, resInfo, sendDays, stoppedZips, tabOf } from './safe-calls';
import { isReplacementStatus } from './rules';

export async function issueTarget(ctx: Ctx, job: JobRecord, target: JobTarget): Promise<TargetOutcome> {
  // a twin target (overlapping job, double click) waits for nothing: the one in flight owns the key
  if (ctx.inFlight.has(target.key)) return { status: 'skipped', message: '다른 작업에서 발급 중입니다.' };
  ctx.inFlight.add(target.key);
  try {
    return await issueBase(ctx, job, target);
  } finally {
    ctx.inFlight.delete(target.key);
  }
}

async function issueBase(ctx: Ctx, job: JobRecord, target: JobTarget): Promise<TargetOutcome> {
  const baseKey = target.key;
  if (job.mode === 'item' && target.itemSnos.length !== 1)
    return { status: 'failed', message: '상품별 발급은 상품을 하나씩 선택해야 합니다.' };
  // the key's rows and the order's, one read: the order's are for the overlap check after the order read
  // (a stale answer there only moves the refusal to the claim, which checks again inside its gate)
  const { base: rows, order: orderRows } = await baseAndOrderRows(ctx.db, baseKey, {
    adminOrigin: job.adminOrigin,
    orderNo: target.orderNo,
  });
  if (rows.some((r) => r.state === 'unlinked')) return { status: 'skipped', message: '연동 해제된 주문입니다.' };
  const live = rows.find((r) => r.liveBaseKey === baseKey);
  if (live && live.state !== 'pending') {
    // a worker killed between InsertOrder and the godomall write left the write queued: finish it
    const login = await flushForShipment(ctx, live.key);
    return { status: 'skipped', message: login ?? `이미 발급된 송장번호가 있습니다 (${live.regiNo}).` };
  }

  let order: OrderDetail;
  try {
    order = await readOrder(ctx, job, target.orderNo, tabOf(job.reship ? { reship: true } : {}));
  } catch (err) {
    const reason = err instanceof SessionExpiredError ? LOGIN_NEEDED : `주문을 읽지 못했습니다: ${errorText(err)}`;
    // a pending row is still settled: Korea Post alone says whether it was registered
    if (live) return sendOnce(ctx, live, undefined, { failure: 'order', reason }, { resumed: true });
    return { status: 'failed', message: reason };
  }
  if (job.reship) {
    const refused = replacementRefusal(order, target.itemSnos);
    if (refused)
      return live
        ? sendOnce(ctx, live, undefined, { failure: 'order', reason: refused }, { resumed: true })
        : { status: 'failed', message: refused };
    // the replacement is its own parcel to the order's receiver: never a godomall packet's nor a group's
    order = { ...order, packetOrders: [] };
  }
  // orders the operator chose to send with this one (one receiver): one parcel, like a godomall packet
  const combined = job.mode !== 'item' && !job.reship && target.combine?.length ? target.combine : undefined;
  if (combined) order = { ...order, packetOrders: [...new Set([...(order.packetOrders ?? []), ...combined])] };
  // 묶음배송 (주문별): the packet is one parcel, issued under its lead; 상품별 refuses it in planIssue
  let packet: { others: string[]; leadSnos: string[]; lead: OrderDetail } | undefined;
  if (order.packetOrders?.length && job.mode !== 'item') {
    const lead = packetLead(order);
    if (lead !== target.orderNo) return issuePacketOf(ctx, job, target, lead);
    const leadSnos = order.items.filter((i) => !i.isGift).map((i) => i.sno);
    const whole = await wholePacket(ctx, job, order, { sameReceiver: combined !== undefined }).catch((err: unknown) => ({
      ok: false as const,
      reason: `주문을 읽지 못했습니다: ${errorText(err)}`,
    }));
    if (!whole.ok)
      return live
        ? sendOnce(ctx, live, undefined, { failure: 'order', reason: whole.reason }, { resumed: true })
        : { status: 'failed', message: whole.reason };
    packet = { others: whole.others, leadSnos, lead: order };
    order = whole.order;
  }
  const settings = await ctx.settings();
  // a pending row is one we wrote before a cut-short InsertOrder: settle it before anything else
  if (live) return settle(ctx, live, order, target.itemSnos, settings);

  const covered = coveredItems(order, target.itemSnos);
  const other = overlapping(orderRows, { baseKey, itemSnos: covered.filter((i) => !i.isGift).map((i) => i.sno) });
  if (other) return { status: 'skipped', message: `이 주문(상품)에는 이미 다른 송장번호가 있습니다 (${other.regiNo || other.key}).` };
  const adopted = await adoptInvoice(ctx, job, target, baseKey, covered, packet);
  if (adopted) return adopted;

  const draft = {
    ...(await baseDraft(ctx, job, target, baseKey, order, settings.testMode)),
    // a packet's other orders are written whole: the row's own items are the lead's
    ...(packet ? { packetOrders: packet.others, itemSnos: packet.leadSnos } : {}),
  };
  const stopped = await stoppedZips(ctx);
  const planned = planIssue(order, target.itemSnos, boxed(settings, boxOf(job, target)), stopped ?? [], kstYmd(new Date(ctx.now())));
  if (!planned.ok) {
    await recordFailedIssue(ctx, draft, planned);
    return { status: 'failed', message: planned.reason };
  }
  const { plan } = planned;
  const warnings = [...plan.warnings, ...(stopped ? [] : ['접수중지 지역을 확인하지 못했습니다.'])];
  // no earlier send of ours under this base key (a 연락처오류 row sent nothing): a fresh key, one call.
  // Otherwise (re-issue after a cancel, a failure after an unclear send) Korea Post is asked first what
  // the family holds: a live registration is taken over, and the new key is one nobody used
  const fresh = !rows.some(mayHaveSent);
  return registerOnce(
    ctx,
    {
      ...draft,
      payType: plan.payType,
      receiver: plan.receiver,
      goods: plan.goods,
      delivMsg: plan.delivMsg,
      itemSnos: packet ? packet.leadSnos : plan.items.map((i) => i.sno),
      warnings,
    },
    plan.input,
    // the order as read, for its invoice write (a packet's lead as godomall shows it, not the whole parcel)
    {
      fresh,
      // a re-send needs certainty: every day since the family's first send, not the bounded touch look
      look: fresh ? undefined : { days: familyDays([...rows, { ...draft, reqYmd: '' }], ctx.now()), beyond: 1 },
      order: packet?.lead ?? order,
    },
  );
}

/**
 * From a planned request to a registration, once: Korea Post is asked first what the key family holds
 * (`look`: on which days, and how many `-r<n>` beyond the next one our journal would use; none: a fresh key whose
 * twin check is the next touch's), the pending row is claimed
 * in the journal (the gate), a live registration found is taken over (another PC's), and only then is
 * the request sent. Shared by issuing and return pickups.
 */
export async function registerOnce(
  ctx: Ctx,
  draft: Omit<Shipment, 'key' | 'reissue' | 'state'>,
  input: Omit<InsertOrderInput, 'orderNo'>,
  how: { fresh: boolean; look: { days: string[]; beyond: number } | undefined; order?: OrderDetail },
): Promise<TargetOutcome> {
  let family: FamilyRegistration[] = [];
  if (how.look) {
    try {
      const rows = await shipmentsOfBase(ctx.db, draft.baseKey);
      const keys = familyKeys(draft.baseKey, rows, nextReissueOf(rows) + how.look.beyond);
      family = await familyRegistrations(ctx, input.custNo, keys, how.look.days, input.reqType);
    } catch (err) {
      return { status: 'failed', message: `우체국 접수 여부를 확인하지 못했습니다 (${errorText(err)}). 다시 시도하면 먼저 확인합니다.` };
    }
  }
  const used = family.map((r) => Number(/-r(\d+)$/.exec(r.key)?.[1] ?? 0));
  // a fresh key is sent right after its claim: the claim writes its send mark (see sendOnce)
  const sentAt = ctx.now();
  const mark = how.fresh ? { reqYmd: kstYmd(new Date(sentAt)), firstSentAt: sentAt, lastSentAt: sentAt } : undefined;
  const claim = await claimPending(ctx.db, draft, used.length ? Math.max(...used) + 1 : 0, mark);
  if (!claim.claimed) return { status: 'skipped', message: '다른 작업에서 이미 접수했습니다.' };
  const taken = family.filter(isLive);
  if (taken.length) {
    // another PC's registration of this order (its journal, not ours): use it, never a second one
    const keeper = taken.reduce(earliest);
    const s = await recordIssued(ctx, claim.row, keeper, '우체국에 이미 접수된 번호 사용 (다른 PC)');
    if (keeper.key !== s.key) await updateShipment(ctx.db, s.key, (r) => ({ ...r, epostKey: keeper.key }));
    const twins = taken.length > 1 ? await onSight(ctx, s, taken) : undefined;
    return { status: 'done', message: twins ?? `우체국에 이미 접수된 번호를 사용합니다 (${keeper.regiNo}).` };
  }
  return sendOnce(ctx, claim.row, input, undefined, {
    fresh: how.fresh && claim.row.reissue === 0,
    ...(how.order ? { order: how.order } : {}),
  });
}

/** An order of a packet it does not lead: the packet is issued under its lead (one parcel, one number). */
async function issuePacketOf(ctx: Ctx, job: JobRecord, target: JobTarget, lead: string): Promise<TargetOutcome> {
  const outcome = await issueTarget(ctx, job, { ...target, key: lead, orderNo: lead, itemSnos: [] });
  const together = `묶음배송: 주문 ${lead}와(과) 한 송장으로`;
  if (outcome.status === 'failed') return { status: 'failed', message: `${together} 발급하지 못했습니다. ${outcome.message ?? ''}`.trim() };
  return { status: outcome.status, message: `${together} 발급합니다. ${outcome.message ?? ''}`.trim() };
}

/**
 * 교환 재배송 carries only the exchange's replacement items (교환추가, z), chosen on the 교환추가 list or
 * the order page: why not, in Korean, or undefined.
 */
function replacementRefusal(order: OrderDetail, itemSnos: string[]): string | undefined {
  if (!itemSnos.length) return '교환추가 상품을 선택해 주세요.';
  // the 교환추가내역 tab lists z items only; the status is asked again in case a shop's page differs
  const other = itemSnos.find((sno) => !order.items.some((i) => i.sno === sno && isReplacementStatus(i.status)));
  return other ? `교환추가 상품이 아닙니다 (상품주문번호 ${other}). 교환추가 목록에서 선택해 주세요.` : undefined;
}

/** Whether an earlier row of this base key may have put a request on the wire (or holds a number). */
export function mayHaveSent(r: Shipment): boolean {
  return (
    r.firstSentAt !== undefined ||
    r.regiNo !== '' ||
    ['pending', 'void', 'unlinked'].includes(r.state) ||
    r.failure === 'refused' ||
    r.failure === 'unconfirmed'
  );
}

/** The parcel's box: its own from the job's preview, else the job's, else none (the default box). */
const boxOf = (job: JobRecord, target: JobTarget): Box | undefined => target.box ?? job.box;

/** The settings with a chosen box preset as the parcel's weight, size and codes (the default box otherwise). */
function boxed(settings: Settings, box: Box | undefined): Settings {
  if (!box) return settings;
  const { weight, volume, contCd, packngMtrCd } = box;
  return { ...settings, defaults: { weight, volume, contCd, packngMtrCd } };
}

export async function baseDraft(ctx: Ctx, job: JobRecord, target: JobTarget, baseKey: string, order: OrderDetail, test: boolean) {
  const covered = coveredItems(order, target.itemSnos);
  return {
    baseKey,
    mode: job.mode ?? 'order',
    orderNo: target.orderNo,
    itemSnos: covered.filter((i) => !i.isGift).map((i) => i.sno),
    wholeOrder: (job.mode ?? 'order') === 'order' && target.itemSnos.length === 0,
    ...adminPlace(job),
    ...(boxOf(job, target) ? { box: boxOf(job, target) } : {}),
    ...(job.reship ? { reship: true as const } : {}),
    source: 'issued' as const,
    test,
    payType: '1' as const,
    regiNo: '',
    ...UNANSWERED,
    reqYmd: kstYmd(new Date(ctx.now())),
    receiver: {
      name: order.receiverName,
      zip: order.receiverZonecode,
      addr1: order.receiverAddress,
      addr2: order.receiverAddressSub,
      tel: order.receiverPhone,
      mobile: order.receiverCellPhone,
    },
    goods: [],
    delivMsg: '',
    godomallStatus: covered[0]?.status ?? '',
    warnings: [],
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
    operatorId: job.operatorId,
  };
}

/** Re-plans a pending row's request (same key) and runs the confirm-then-send loop on it. */
async function settle(
  ctx: Ctx,
  row: Shipment,
  order: OrderDetail,
  itemSnos: string[],
  settings: Awaited<ReturnType<Ctx['settings']>>,
): Promise<TargetOutcome> {
  const planned = planIssue(order, itemSnos, boxed(settings, row.box), (await stoppedZips(ctx)) ?? [], kstYmd(new Date(ctx.now())));
  if (!planned.ok) {
    // still confirm Korea Post has nothing under our key before calling it failed
    return sendOnce(ctx, row, undefined, planned, { resumed: true });
  }
  return sendOnce(ctx, row, planned.plan.input, undefined, { resumed: true });
}

type Refusal = { failure: NonNullable<Shipment['failure']>; reason: string };

/**
 * The confirm-then-send loop. `input` undefined = only confirm (the order can no longer be sent).
 * Never sends while Korea Post might already hold our key; a fresh key's first send needs no look.
 * Every look that sees several live registrations keeps the earliest and cancels the rest before the
 * order is reported done (onSight); every send whose outcome stays unknown is looked at again by the
 * settle sweep once a late commit can no longer land (settle.ts).
 */
export async function sendOnce(
  ctx: Ctx,
  row: Shipment,
  input: Omit<InsertOrderInput, 'orderNo'> | undefined,
  refusal?: Refusal,
  how: { fresh?: boolean; resumed?: boolean; order?: OrderDetail } = {},
): Promise<TargetOutcome> {
  const custNo = input?.custNo ?? (await ctx.settings()).custNo;
  // a resumed row's last send (a killed worker's) may still be on the wire: whatever this job finds or
  // sends, the sweep looks again once that send can no longer commit
  if (how.resumed && row.lastSentAt !== undefined) await markUnsettled(ctx, row.key, row.lastSentAt);
  for (let attempt = 0; attempt < ctx.insertAttempts; attempt++) {
    const looked = !(how.fresh && attempt === 0);
    // 1. is our key already registered (another PC, or the answer we lost)? A request may still be
    // committing: wait out the settle window since OUR last send (it is in the row, so a restarted worker
    // waits too), then look on every day since the first send
    let found: FamilyRegistration[] = [];
    if (looked) {
      await settleSinceSend(ctx, row);
      try {
        found = attempt > 0 || how.resumed ? await resInfoOnSendDays(ctx, custNo, row) : await resInfoOn(ctx, custNo, row, row.reqYmd);
      } catch (err) {
        return unconfirmed(ctx, row, err);
      }
    }
    const live = found.filter(isLive);
    if (live.length) {
      const s = await recordIssued(
        ctx,
        row,
        live.reduce(earliest),
        attempt === 0 ? 'GetResInfo로 확인된 기존 접수' : 'InsertOrder 응답 유실 후 GetResInfo로 확인',
      );
      const twins = live.length > 1 ? await onSight(ctx, s, live) : undefined;
      return { status: 'done', message: twins ?? doneMessage(s) };
    }
    if (found.length > 0) {
      // only 신청취소 rows under this key: those numbers are dead; the next issue takes a new key
      for (const r of found) {
        await voidShipment(ctx, row, {
          reason: '우체국에서 취소된 접수입니다. 다시 발급하세요.',
          operatorId: row.operatorId,
          regiNo: r.regiNo,
          clearInGodomall: false,
        });
      }
      return { status: 'failed', message: '우체국에서 취소된 접수가 있어 다시 발급해야 합니다.' };
    }
    if (!input) {
      await recordRefused(ctx, row, refusal!.failure, refusal!.reason);
      return { status: 'failed', message: refusal!.reason };
    }
    // 2. confirmed absent: sending is safe. A new KST day means a new reqYmd for the new request.
    const today = kstYmd(new Date(ctx.now()));
    // recorded BEFORE the request goes out: whoever meets this row next knows a send may be in flight.
    // A fresh key's first send was marked by its claim (registerOnce), a moment ago, in the same write
    const marked = attempt === 0 && how.fresh === true && row.lastSentAt !== undefined;
    const sentAt = marked ? row.lastSentAt! : ctx.now();
    if (!marked)
      row =
        (await updateShipment(ctx.db, row.key, (s) => ({
          ...s,
          reqYmd: today,
          firstSentAt: s.firstSentAt ?? sentAt,
          lastSentAt: sentAt,
        }))) ?? row;
    let outcome;
    try {
      outcome = await ctx.epost.insertOrder({ ...input, orderNo: row.key });
    } catch (err) {
      if (err instanceof RangeError) {
        // the request could not even be built (a key or field Korea Post cannot take): nothing went out
        const reason = `우체국 요청을 만들 수 없어 발급하지 않았습니다: ${err.message}`;
        await recordRefused(ctx, row, 'order', reason);
        return { status: 'failed', message: reason };
      }
      outcome = { kind: 'unknown' as const, cause: errorText(err) };
    }
    if (outcome.kind === 'ok' && outcome.resent) {
      // the browser sent it twice by itself (epost/resend.ts): the copy it never showed us may be
      // registered too, or still committing — looked at now (below) and again after the window
      await markUnsettled(ctx, row.key, sentAt);
    }
    if (outcome.kind === 'ok' && !looked && !outcome.resent) {
      // a fresh key: nothing of ours was out before this send; twins (another PC's) are the next touch's
      const s = await recordIssued(ctx, row, outcome.result, 'InsertOrder', how.order);
      return { status: 'done', message: doneMessage(s) };
    }
    if (outcome.kind === 'ok') {
      // an earlier send of ours (or the browser's own first copy) may have landed too, or another PC's:
      // the family is reconciled now —
      // the earliest registration kept, later ones cancelled — instead of at the next touch
      const s = await recordIssued(ctx, row, outcome.result, 'InsertOrder', how.order);
      try {
        const r = await reconcileFamily(ctx, s, s.operatorId);
        if (r.kind === 'ok' && r.note) return { status: 'done', message: r.note };
      } catch {
        /* Korea Post unclear: the row stays unreconciled, so the next touch (예약, sync, print) looks again */
      }
      return { status: 'done', message: doneMessage(s) };
    }
    if (outcome.kind === 'error' && !outcome.error.isLoadBlock) {
      const e = outcome.error;
      const contact = /recTel|recMob|전화번호|휴대폰/.test(e.koreanMessage);
      const reason = contact ? `연락처오류: ${e.koreanMessage}` : `우체국 접수 거절: ${errorText(e)}`;
      await recordRefused(ctx, row, contact ? 'contact' : 'refused', reason);
      return { status: 'failed', message: reason };
    }
    // 3. unknown (timeout, 5xx, dropped) or ERR-131: wait, then go round and confirm before re-sending
    const why = outcome.kind === 'error' ? errorText(outcome.error) : outcome.cause;
    if (outcome.kind === 'unknown') await markUnsettled(ctx, row.key, sentAt);
    await updateShipment(ctx.db, row.key, (s) => ({ ...s, message: `우체국 응답 확인 중: ${why}`, updatedAt: ctx.now() }));
    const settle = outcome.kind === 'unknown' ? ctx.settleMs : 0;
    await (ctx.retry.sleep ?? sleep)(Math.max(settle, backoffMs(attempt, ctx.retry)));
  }
  // out of attempts; one last confirmation decides between "registered" and a clear failure
  try {
    await settleSinceSend(ctx, row);
    const live = (await resInfoOnSendDays(ctx, custNo, row)).filter(isLive);
    if (live.length) {
      const s = await recordIssued(ctx, row, live.reduce(earliest), 'InsertOrder 응답 유실 후 GetResInfo로 확인');
      return { status: 'done', ...(live.length > 1 ? { message: await onSight(ctx, s, live) } : {}) };
    }
  } catch (err) {
    return unconfirmed(ctx, row, err);
  }
  const reason = '우체국 서버가 응답하지 않아 발급하지 못했습니다. 잠시 후 다시 발급하세요.';
  await recordRefused(ctx, row, 'refused', reason);
  return { status: 'failed', message: reason };
}

/**
 * A confirm saw several live registrations of our key: the family rule applies there and then (the
 * earliest kept, the rest cancelled, audited) before the order is reported done. Returns what the job
 * says of it; a cancel Korea Post left unclear stays on the row (`twins`) for the next touch.
 */
async function onSight(ctx: Ctx, s: Shipment, live: FamilyRegistration[]): Promise<string | undefined> {
  try {
    return (await settleFamily(ctx, s, live, s.operatorId)).note;
  } catch (err) {
    return `이중 접수를 정리하지 못했습니다 (${errorText(err)}). 다음 작업에서 다시 정리합니다.`;
  }
}

/** Waits until the settle window since this key's latest send has passed (a request may still be committing). */
async function settleSinceSend(ctx: Ctx, row: Shipment): Promise<void> {
  const latest = (await getShipment(ctx.db, row.key))?.lastSentAt ?? row.lastSentAt;
  const left = latest === undefined ? 0 : latest + ctx.settleMs - ctx.now();
  if (left > 0) await (ctx.retry.sleep ?? sleep)(left);
}

/** Our key's registrations on one day, as family members. */
async function resInfoOn(ctx: Ctx, custNo: string, row: Shipment, day: string): Promise<FamilyRegistration[]> {
  return (await resInfo(ctx, custNo, row.key, day, reqTypeOf(row))).map((r) => ({ ...r, key: row.key, reqYmd: day }));
}

/** Our key's registrations on any day a send of ours can be filed under (first send's day − 1 … today + 1). */
async function resInfoOnSendDays(ctx: Ctx, custNo: string, row: Shipment): Promise<FamilyRegistration[]> {
  const first = await resInfoOn(ctx, custNo, row, row.reqYmd);
  if (first.length) return first;
  for (const day of sendDays(row, ctx.now())) {
    if (day === row.reqYmd) continue;
    const found = await resInfoOn(ctx, custNo, row, day);
    if (found.length) return found;
  }
  return [];
}

/** Could not learn whether Korea Post holds our key: the row stays pending (never re-sent blindly). */
async function unconfirmed(ctx: Ctx, row: Shipment, err: unknown): Promise<TargetOutcome> {
  const reason = `우체국 접수 여부를 확인하지 못했습니다 (${errorText(err)}). 다시 시도하면 먼저 확인합니다.`;
  await updateShipment(ctx.db, row.key, (s) => ({ ...s, message: reason, updatedAt: ctx.now() }));
  return { status: 'failed', message: reason };
}

/** What the job item shows for an issued shipment: a pending godomall login, else the warnings (잘림, 착불 …). */
function doneMessage(s: Shipment): string | undefined {
  return s.message ?? (s.warnings.length ? s.warnings.join(' ') : undefined);
}
