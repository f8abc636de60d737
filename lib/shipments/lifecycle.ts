// A shipment's whole life, in one table. Every screen and workflow asks this module "may this parcel
// do X?" (badges, toolbar buttons, the order page, the labels page, issue/reserve/cancel/print, the
// sync, the popup's counts, the CSV) — none restates a rule. transitions.ts performs the moves; this
// file says which moves exist, from where, to where, and what each one writes.
//
//   state      발급 전(none) → pending → issued → reserved → shipping → delivered
//                                 ↘ failed     ↘ void (cancelled)  ↘ unlinked (운영자 수동 변경)
//
//   action     from                              to          writes
//   issue      none failed                       pending→issued  row, counts, orderRow, audit issue, godomall invoice
//   reissue    void                              pending→issued  the same, under the next key `-r<n>`
//   adopt      none failed void                  issued…     row, counts, orderRow, audit adopt (another PC's number)
//   typed      none failed void                  issued…     row, counts, orderRow, audit adopt (typed by hand; tracked only)
//   reserve    issued                            reserved    row, counts, orderRow, audit reserve, godomall status p*→g1
//   print      issued reserved shipping delivered  =/shipping row, orderRow, audit print, godomall d1 (from reserved)
//   ship       issued reserved shipping          shipping    row, counts, orderRow, audit status, godomall d1
//   deliver    issued reserved shipping          delivered   row, counts, orderRow, audit status, godomall d2
//   miss       issued reserved shipping          (same)      row, orderRow (the exception: 미배달, 반송, 지연)
//   cancel     issued reserved                   void        row, counts, orderRow, audit cancel, void number, godomall clear
//   void       pending issued reserved shipping  void        row, counts, orderRow, audit void, void number, godomall clear
//   unlink     issued … delivered (d2 not landed) unlinked    row, counts, orderRow, audit unlink; queued writes dropped
//   pickup     none failed void                  pending→reserved row, counts, orderRow, audit issue (반품 회수 접수)
//   collect    reserved (pickup)                 shipping    row, counts, orderRow, audit status, claim b1→b2 / e1→e2
//   arrive     reserved shipping (pickup)        delivered   row, counts, orderRow, audit status, claim →b4 / e2
//
// A 교환 재배송 (an exchange's replacement items, 교환추가) lives the same life; only its godomall steps
// are godomall's z ones (예약 keeps z2, 출력/배송 → z3, 배달완료 → z4: rules.ts godomallSteps).
//
// Beyond the state, a few facts of the row decide: only numbers this extension issued can be cancelled
// (typed or adopted ones are tracked only), a return pickup is cancelled only before it is collected
// and never gets a label, a test number (TESTREGINOAPI) is never tracked nor counted as a parcel, and
// an unlinked order is never written again.
import type { AuditEntry, Shipment, ShipmentState } from '../db/types';

/** No journal row (or only dead ones): the order has no live number of ours. */
export type LifeState = ShipmentState | 'none';

export type Action =
  | 'issue'
  | 'reissue'
  | 'adopt'
  | 'typed'
  | 'reserve'
  | 'print'
  | 'ship'
  | 'deliver'
  | 'miss'
  | 'cancel'
  | 'void'
  | 'unlink'
  | 'pickup'
  | 'collect'
  | 'arrive';

/** What a move writes besides the journal row (always written, with its order row and kept counts). */
interface Writes {
  audit?: AuditEntry['action'];
  godomall?: 'invoice' | 'clearInvoice' | 'status' | 'claimStatus';
  /** the dead number joins the void list (never used again) */
  voidNumber?: true;
}

interface Move {
  from: readonly LifeState[];
  /** 'same': the state does not change (a print of a shipping parcel, an exception) */
  to: ShipmentState | 'same';
  writes: Writes;
}

const SENDABLE: readonly LifeState[] = ['none', 'failed'];
const MOVABLE: readonly LifeState[] = ['issued', 'reserved', 'shipping'];

/** The table. Read it top to bottom: it is the life of a parcel. */
export const LIFE: Readonly<Record<Action, Move>> = {
  issue: { from: SENDABLE, to: 'issued', writes: { audit: 'issue', godomall: 'invoice' } },
  reissue: { from: ['void'], to: 'issued', writes: { audit: 'issue', godomall: 'invoice' } },
  adopt: { from: [...SENDABLE, 'void'], to: 'issued', writes: { audit: 'adopt' } },
  typed: { from: [...SENDABLE, 'void'], to: 'issued', writes: { audit: 'adopt' } },
  reserve: { from: ['issued'], to: 'reserved', writes: { audit: 'reserve', godomall: 'status' } },
  print: { from: ['issued', 'reserved', 'shipping', 'delivered'], to: 'same', writes: { audit: 'print', godomall: 'status' } },
  ship: { from: MOVABLE, to: 'shipping', writes: { audit: 'status', godomall: 'status' } },
  deliver: { from: MOVABLE, to: 'delivered', writes: { audit: 'status', godomall: 'status' } },
  miss: { from: MOVABLE, to: 'same', writes: {} },
  cancel: { from: ['issued', 'reserved'], to: 'void', writes: { audit: 'cancel', godomall: 'clearInvoice', voidNumber: true } },
  void: { from: ['pending', ...MOVABLE], to: 'void', writes: { audit: 'void', godomall: 'clearInvoice', voidNumber: true } },
  // delivered too: Korea Post's 배송완료 is applied only once its d2 write lands in godomall
  unlink: { from: [...MOVABLE, 'delivered'], to: 'unlinked', writes: { audit: 'unlink' } },
  pickup: { from: [...SENDABLE, 'void'], to: 'reserved', writes: { audit: 'issue' } },
  collect: { from: ['reserved'], to: 'shipping', writes: { audit: 'status', godomall: 'claimStatus' } },
  arrive: { from: ['reserved', 'shipping'], to: 'delivered', writes: { audit: 'status', godomall: 'claimStatus' } },
};

/** The facts of a row the rules look at (a journal row, an overlay row, or nothing yet). */
export interface Subject {
  state: LifeState;
  source?: Shipment['source'];
  test?: boolean;
  /** a return pickup (반품 회수), not a parcel to the customer */
  pickup?: boolean;
}

/** A journal row (or the overlay's copy of one) as the rules see it; none at all is 'none'. */
export function lifeOf(s: (Pick<Shipment, 'state' | 'test'> & { source?: Shipment['source']; pickup?: unknown }) | undefined): Subject {
  if (!s) return { state: 'none' };
  return { state: s.state, test: s.test, ...(s.source ? { source: s.source } : {}), ...(s.pickup ? { pickup: true } : {}) };
}

export type Verdict = { ok: true } | { ok: false; reason: string };

const PICKUP_ONLY: ReadonlySet<Action> = new Set(['pickup', 'collect', 'arrive']);
const PARCEL_ONLY: ReadonlySet<Action> = new Set(['issue', 'reissue', 'reserve', 'print', 'ship', 'deliver', 'adopt', 'typed']);

/** May this row do `action` now? With the operator's reason (Korean) when it may not. */
export function may(s: Subject, action: Action): Verdict {
  const move = LIFE[action];
  if (s.pickup && PARCEL_ONLY.has(action))
    return no(action === 'print' ? '반품 회수는 택배 기사가 운송장을 가져가므로 출력하지 않습니다.' : '반품 회수 접수 건입니다.');
  if (!s.pickup && PICKUP_ONLY.has(action)) return no('고객에게 보내는 소포입니다.');
  if (!move.from.includes(s.state)) return no(refusal(action, s));
  if (action === 'cancel' && s.source !== undefined && s.source !== 'issued') return no('이 확장에서 발급한 번호만 취소할 수 있습니다.');
  if (action === 'cancel' && s.pickup && s.state !== 'reserved') return no('집하가 시작된 반품 회수는 취소할 수 없습니다.');
  if (action === 'print' && s.source === 'typed') return no('직접 입력한 송장번호는 출력할 수 없습니다.');
  return { ok: true };
}

const no = (reason: string): Verdict => ({ ok: false, reason });

/** Why `action` is refused in this state: said once here, shown by every screen. */
function refusal(action: Action, s: Subject): string {
  switch (s.state) {
    case 'none':
      return '송장번호가 발급되지 않았습니다.';
    case 'pending':
      return '발급 처리 중인 송장입니다. 잠시 후 다시 시도하세요.';
    case 'failed':
      return '송장번호가 발급되지 않았습니다.';
    case 'void':
      return '취소된 송장번호입니다. 새 번호를 발급하세요.';
    case 'unlinked':
      return '운영자가 주문 상태를 직접 변경하여 우체국택배 연동이 해제된 주문입니다.';
    case 'delivered':
      return '배송이 완료된 소포입니다.';
    case 'shipping':
      return action === 'cancel' ? '집하·배송이 시작된 소포는 취소할 수 없습니다.' : '배송 중인 소포입니다.';
    case 'reserved':
      return action === 'reserve' ? '이미 예약되었습니다.' : '이미 예약된 소포입니다.';
    case 'issued':
      return action === 'issue' || action === 'reissue' || action === 'pickup' ? '이미 송장번호가 있습니다.' : '예약 전 소포입니다.';
  }
}

/**
 * May this parcel's key family still hold a twin we have not collapsed (another PC's send, a late
 * commit, a POST the browser re-sent)? Only a number we issued and have not seen alone since, or whose
 * twins Korea Post would not cancel yet. Every touch that can reach Korea Post asks it (family.ts).
 */
export function familyUnsettled(s: Pick<Shipment, 'source' | 'test' | 'reconciledAt' | 'twins'>): boolean {
  return s.source === 'issued' && !s.test && (!s.reconciledAt || !!s.twins?.length);
}

/**
 * The claim step at which a return pickup may be booked: the goods are still with the customer
 * (반품접수 b1 / 교환접수 e1). A customer's own request (고객 반품/교환신청) gets there only when the shop
 * accepts it: 승인처리 moves the item to `<mode>1` (OrderAdmin.php:5792–5794); before that, no pickup.
 */
export const PICKUP_CLAIM_STEP: Readonly<Record<'b' | 'e', string>> = { b: 'b1', e: 'e1' };

/** States the sync tracks: a real number at Korea Post, not yet delivered, still ours. */
export const TRACKED_STATES: readonly ShipmentState[] = MOVABLE.filter((s): s is ShipmentState => s !== 'none');

/** A live parcel the sync tracks (not a test number; typed numbers are tracked too). */
export function isTracked(s: Pick<Shipment, 'state' | 'test'>): boolean {
  return !s.test && TRACKED_STATES.includes(s.state);
}

/**
 * godomall status groups that are before 배송중: the orders a 배송중 (d1) write may still move, and
 * the rows that may be issued or reserved. 입금대기 (o) is included here as "not shipped yet"; the
 * reserve rule (rules.ts) refuses it on its own terms.
 */
export const BEFORE_SHIPPING_GROUPS = 'opg';

/** 연락처오류: a failed issue whose reason is the receiver's phone (fix the order, then issue again). */
export function isContactError(s: Pick<Shipment, 'state' | 'failure' | 'message'>): boolean {
  // rows written before `failure` existed carry the reason only in their message
  return s.state === 'failed' && (s.failure === 'contact' || (s.failure === undefined && /연락처/.test(s.message ?? '')));
}

/** Every number typed into godomall by hand is journalled under `typed:<regiNo>` (typed.ts). */
export const TYPED_KEY_PREFIX = 'typed:';

/**
 * Does this row stand for a registration under this shop's contract? Not a test number (nothing
 * reaches the post office) and not a number typed into godomall by hand (tracked only: whose contract
 * it is on, and whether Korea Post holds it at all, is not ours to know).
 */
export function ourParcel(s: Pick<Shipment, 'test' | 'source'>): boolean {
  return !s.test && s.source !== 'typed';
}

/**
 * The states in which a row is a registration Korea Post holds live under this shop's contract (the
 * popup's parcel counts add these up, of the rows that are ourParcel): issued and adopted numbers from
 * issue to delivery, and unlinked ones (the order left us; the parcel did not leave Korea Post). Never a
 * pending send (not known yet), a failure or a cancelled number.
 */
export const PARCEL_STATES = ['issued', 'reserved', 'shipping', 'delivered', 'unlinked'] as const satisfies readonly ShipmentState[];

/**
 * 연동 해제 (the seed: an operator's change of the order's status before Korea Post's 배송완료 is
 * applied unlinks the order, reserved or not). `baseline`: per item, what the extension saw when it
 * issued and what its own writes left there since; `now`: what godomall holds; `ours`: the status our
 * write in hand moves items to (an item already there is ours, not the operator's). Returns the first
 * item an operator changed, or undefined. Items without a baseline are not judged (older rows).
 */
export function manualChange(
  baseline: Readonly<Record<string, string>> | undefined,
  now: ReadonlyArray<{ sno: string; status: string }>,
  ours?: string,
): { sno: string; from: string; to: string } | undefined {
  if (!baseline) return undefined;
  for (const item of now) {
    const was = baseline[item.sno];
    if (was === undefined || item.status === was || item.status === ours) continue;
    return { sno: item.sno, from: was, to: item.status };
  }
  return undefined;
}
