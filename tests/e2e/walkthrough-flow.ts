// The seed's whole flow as named stages over the steps in walkthrough.ts: connect → issue 주문별 and
// 상품별 (with a 연락처오류 fixed and issued) → reserve → print → track to 배송완료, cancel and re-issue,
// 연동 해제 after a manual change, a login lost during sync, and the popup's counts. Each stage checks
// the simulators' state and throws StepFailed when it does not hold.
import type { SeedOrder } from '../sandbox/godomall';
import {
  badgeKind,
  connectOptions,
  journal,
  must,
  openList,
  overlayJob,
  popupCounts,
  printLabels,
  resultOf,
  shipment,
  syncFromPopup,
  until,
  type Pick,
  type Walk,
} from './walkthrough';
import type { Shipment } from '../../lib/db/types';
import { bulkIssueAndReserve } from './walkthrough-bulk';
import { undeliveredException } from './walkthrough-exceptions';

const PAY = '/order/order_list_pay.php?pageNum=100';
const ALL = '/order/order_list_all.php?pageNum=100';
const GOODS_ITEMS = '/order/order_list_goods.php?view=orderGoods&pageNum=100';
const ALL_ITEMS = '/order/order_list_all.php?view=orderGoods&pageNum=100';
const EPOST = '12'; // the simulator's 우체국택배 courier value

/** The orders the walk-through uses, chosen from the simulator's seed by what they are. */
export interface Cast {
  /** plain 결제완료 orders: A and B go all the way, R is cancelled and re-issued, U is unlinked, S loses its login */
  A: string;
  B: string;
  R: string;
  U: string;
  S: string;
  /** 결제완료 order whose receiver phone has letters */
  C: string;
  /** 상품준비중 (g1) order with two items, issued 상품별 */
  I: { orderNo: string; snos: [string, string] };
  /** 배송준비중-like g2 order: keeps its status at reservation */
  G: string;
}

const clean = (o: SeedOrder) =>
  /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) && !!o.receiverZonecode && !o.claimInProgress && o.items.every((i) => !i.invoiceNo);

export function castFrom(orders: SeedOrder[]): Cast {
  const plain = orders.filter((o) => clean(o) && o.items.length === 1 && o.items[0]!.status === 'p1' && o.items[0]!.collect === 'pre');
  const contact = orders.find((o) => o.receiverCellPhone === '010-12ab-5678');
  const item = orders.find((o) => o.items.length >= 2 && o.items.every((i) => i.status === 'g1' && !i.invoiceNo));
  const g2 = orders.find((o) => clean(o) && o.items.every((i) => i.status === 'g2'));
  must(plain.length >= 5 && contact && item && g2, '시뮬레이터 시드에 필요한 주문이 없습니다');
  const [A, B, R, U, S] = plain.map((o) => o.orderNo) as [string, string, string, string, string];
  return { A, B, R, U, S, C: contact.orderNo, I: { orderNo: item.orderNo, snos: [item.items[0]!.sno, item.items[1]!.sno] }, G: g2.orderNo };
}

export interface FlowState {
  cast: Cast;
  /** regiNo per shipment key, as Korea Post registered it */ numbers: Map<string, string>;
}

const statuses = (w: Walk, orderNo: string) => w.x.godomall!.control.order(orderNo)!.items.map((i) => i.status);
const itemsOf = (w: Walk, orderNo: string, sno?: string) =>
  w.x.godomall!.control.order(orderNo)!.items.filter((i) => !sno || i.sno === sno);

/** Exactly one registration for `key`; its number is on the godomall order as 우체국택배. */
function checkIssued(w: Walk, st: FlowState, key: string, orderNo: string, sno?: string): string {
  const regs = w.x.epost!.control.registrations(key);
  must(regs.length === 1, `${key}: 우체국 접수 ${regs.length}건 (1건이어야 함)`);
  const regiNo = regs[0]!.regiNo;
  for (const it of itemsOf(w, orderNo, sno)) {
    must(
      it.invoiceCompanySno === EPOST && it.invoiceNo === regiNo,
      `${key}: 고도몰 송장 ${it.invoiceCompanySno}/${it.invoiceNo} ≠ 우체국택배/${regiNo}`,
    );
  }
  st.numbers.set(key, regiNo);
  return regiNo;
}

const mustStatus = (w: Walk, orderNo: string, want: string) =>
  until(
    `${orderNo} 주문상태 ${want}`,
    () => statuses(w, orderNo),
    (s) => s.every((x) => x === want),
  );

export async function connect(w: Walk): Promise<FlowState> {
  await connectOptions(w);
  return { cast: castFrom(w.x.godomall!.control.orders()), numbers: new Map() };
}

async function issueByOrder(w: Walk, st: FlowState): Promise<void> {
  const { A, B, R, U, S, C } = st.cast;
  const lines = await overlayJob(
    w,
    PAY,
    'order',
    'issueSelected',
    [A, B, R, U, S, C].map((orderNo) => ({ orderNo })),
    'walk-03-issue-by-order',
  );
  for (const o of [A, B, R, U, S]) must(resultOf(lines, o).includes('완료'), `주문별 발급: ${resultOf(lines, o)}`);
  must(/실패 — .*(연락처|휴대폰)/.test(resultOf(lines, C)), `연락처오류가 아닙니다: ${resultOf(lines, C)}`);
  for (const o of [A, B, R, U, S]) {
    checkIssued(w, st, o, o);
    must(
      statuses(w, o).every((s) => s === 'p1'),
      `${o}: 발급이 주문상태를 바꿨습니다 ${statuses(w, o)}`,
    );
  }
  must(w.x.epost!.control.registrations(C).length === 0, '연락처오류 주문이 접수되었습니다');
  must(
    itemsOf(w, C).every((i) => !i.invoiceNo),
    '연락처오류 주문에 송장번호가 있습니다',
  );
  const page = await openList(w, PAY);
  await until(
    '연락처오류 배지',
    () => badgeKind(page, C),
    (k) => k === 'contactError',
  );
  await w.shot(page, 'walk-04-contact-error');
  await page.close();
}

/** The receiver's phone is fixed in godomall (as on the order page); the row is issued again. */
async function fixContactAndIssue(w: Walk, st: FlowState): Promise<void> {
  const { C } = st.cast;
  w.x.godomall!.control.setReceiver(C, { receiverCellPhone: '010-5555-1234' });
  const lines = await overlayJob(w, PAY, 'order', 'issueSelected', [{ orderNo: C }], 'walk-05-contact-fixed-issued');
  must(resultOf(lines, C).includes('완료'), `수정 후 발급: ${resultOf(lines, C)}`);
  checkIssued(w, st, C, C);
  must(
    statuses(w, C).every((s) => s === 'p1'),
    `${C}: 상태가 바뀌었습니다`,
  );
}

async function issueByItem(w: Walk, st: FlowState): Promise<void> {
  const { orderNo, snos } = st.cast.I;
  const picks: Pick[] = snos.map((sno) => ({ orderNo, sno }));
  const lines = await overlayJob(w, GOODS_ITEMS, 'item', 'issueSelected', picks, 'walk-06-issue-by-item');
  for (const sno of snos) {
    must(resultOf(lines, orderNo, sno).includes('완료'), `상품별 발급: ${resultOf(lines, orderNo, sno)}`);
    checkIssued(w, st, `${orderNo}-${sno}`, orderNo, sno);
  }
  must(st.numbers.get(`${orderNo}-${snos[0]}`) !== st.numbers.get(`${orderNo}-${snos[1]}`), '상품별 발급: 두 상품에 같은 번호');
  must(w.x.epost!.control.registrations(orderNo).length === 0, '상품별 주문이 주문별로도 접수되었습니다');
  must(
    statuses(w, orderNo).every((s) => s === 'g1'),
    '상품별 발급이 상태를 바꿨습니다',
  );
  // a g2 order, issued 주문별 from the all-orders list
  const { G } = st.cast;
  const g = await overlayJob(w, ALL, 'order', 'issueSelected', [{ orderNo: G }], 'walk-07-issue-g2');
  must(resultOf(g, G).includes('완료'), `g2 발급: ${resultOf(g, G)}`);
  checkIssued(w, st, G, G);
}

/** 예약하기: p1 → g1, g* orders keep theirs. */
async function reserve(w: Walk, st: FlowState): Promise<void> {
  const { A, B, R, U, S, C, G, I } = st.cast;
  const orders = [A, B, R, U, S, C, G];
  const lines = await overlayJob(
    w,
    ALL,
    'order',
    'reserveSelected',
    orders.map((orderNo) => ({ orderNo })),
    'walk-08-reserve-orders',
  );
  for (const o of orders) must(resultOf(lines, o).includes('완료'), `예약: ${resultOf(lines, o)}`);
  const items = await overlayJob(
    w,
    ALL_ITEMS,
    'item',
    'reserveSelected',
    I.snos.map((sno) => ({ orderNo: I.orderNo, sno })),
    'walk-09-reserve-items',
  );
  for (const sno of I.snos) must(resultOf(items, I.orderNo, sno).includes('완료'), `상품별 예약: ${resultOf(items, I.orderNo, sno)}`);
  for (const o of [A, B, R, U, S, C]) await mustStatus(w, o, 'g1');
  await mustStatus(w, G, 'g2');
  await mustStatus(w, I.orderNo, 'g1');
  for (const key of st.numbers.keys()) must((await shipment(w.x, key))?.state === 'reserved', `${key}: 예약 상태가 아닙니다`);
}

/** 운송장 출력 of everything reserved but R (cancelled next) and U (unlinked later): → 배송중 (d1). */
async function print(w: Walk, st: FlowState): Promise<void> {
  const { A, B, S, C, G, I } = st.cast;
  const orders = [A, B, S, C, G];
  must(
    (await printLabels(
      w,
      ALL,
      orders.map((orderNo) => ({ orderNo })),
      'walk-10-labels',
    )) === orders.length,
    '주문별 운송장 수',
  );
  must(
    (await printLabels(
      w,
      ALL_ITEMS,
      I.snos.map((sno) => ({ orderNo: I.orderNo, sno })),
      'walk-11-labels-items',
    )) === 2,
    '상품별 운송장 수',
  );
  for (const o of [...orders, I.orderNo]) await mustStatus(w, o, 'd1');
  const page = await openList(w, ALL);
  await until(
    '배송중 배지',
    () => badgeKind(page, A),
    (k) => k === 'shipping',
  );
  await w.shot(page, 'walk-12-shipping');
  await page.close();
}

/** 예약 취소 of R: Korea Post cancels the number (void), godomall loses it; a new issue gets a new one. */
async function cancelAndReissue(w: Walk, st: FlowState): Promise<void> {
  const { R } = st.cast;
  const old = st.numbers.get(R)!;
  const lines = await overlayJob(w, ALL, 'order', 'cancel', [{ orderNo: R }], 'walk-13-cancel');
  must(resultOf(lines, R).includes('완료'), `예약 취소: ${resultOf(lines, R)}`);
  must(w.x.epost!.control.parcel(old)?.treatStusCd === '05', `${old}: 우체국에서 취소되지 않았습니다`);
  await until(
    `${R} 송장 삭제`,
    () => itemsOf(w, R).map((i) => i.invoiceNo),
    (n) => n.every((x) => x === ''),
  );
  const again = await overlayJob(w, ALL, 'order', 'issueSelected', [{ orderNo: R }], 'walk-14-reissue');
  must(resultOf(again, R).includes('완료'), `재발급: ${resultOf(again, R)}`);
  const fresh = checkIssued(w, st, `${R}-r1`, R);
  must(fresh !== old, '재발급 번호가 취소된 번호와 같습니다');
  must(w.x.epost!.control.registrations(R).length === 1, `${R}: 취소된 키가 다시 접수되었습니다`);
  must((await shipment(w.x, R))?.state === 'void', `${R}: 취소된 번호가 void가 아닙니다`);
}

/** The operator changes U by hand; S's parcel stalls so it is left for the login-expiry stage. */
async function trackToDelivered(w: Walk, st: FlowState): Promise<void> {
  const { A, B, C, G, I, U, S } = st.cast;
  const ep = w.x.epost!.control;
  w.x.godomall!.control.setStatus(U, 'g2');
  ep.parcelAction(st.numbers.get(S)!, { action: 'stuck' });
  ep.advanceHours(30);
  await syncFromPopup(w, 'walk-15-popup-synced');
  for (const o of [A, B, C, G, I.orderNo]) await mustStatus(w, o, 'd2');
  must(
    statuses(w, S).every((s) => s === 'd1'),
    `${S}: 정체된 소포가 배송완료가 되었습니다`,
  );
  await mustStatus(w, U, 'g2');
  must((await shipment(w.x, U))?.state === 'unlinked', `${U}: 연동 해제되지 않았습니다`);
  // never touched again: a further sync leaves U's status and invoice as the operator left them
  const before = JSON.stringify(w.x.godomall!.control.order(U)!.items);
  await syncFromPopup(w, 'walk-16-popup-resynced');
  must(JSON.stringify(w.x.godomall!.control.order(U)!.items) === before, `${U}: 연동 해제 후 변경되었습니다`);
  const page = await openList(w, ALL);
  await until(
    '배송완료 배지',
    () => badgeKind(page, A),
    (k) => k === 'delivered',
  );
  must((await badgeKind(page, U)) === 'unlinked', `${U}: 연동 해제 배지가 아닙니다`);
  await w.shot(page, 'walk-17-delivered-unlinked');
  await page.close();
}

/** The admin login runs out while sync writes S's 배송완료: the write waits, lands after a new login. */
async function sessionExpiry(w: Walk, st: FlowState): Promise<void> {
  const { S } = st.cast;
  const ep = w.x.epost!.control;
  ep.parcelAction(st.numbers.get(S)!, { action: 'deliver' });
  w.x.godomall!.control.expireSessions();
  const { counts } = await syncFromPopup(w, 'walk-18-popup-login-needed');
  must(
    statuses(w, S).every((s) => s === 'd1'),
    `${S}: 로그인 없이 기록되었습니다`,
  );
  must(counts.pendingWrites === 1, `대기 중인 고도몰 변경 ${counts.pendingWrites}건 (1건이어야 함)`);
  must((await journal(w.x, 'pendingWrites')).length === 1, '대기 중인 변경이 저널에 없습니다');
  // the operator logs in again in this browser
  const login = await w.x.context.newPage();
  await login.goto(`${w.x.godomall!.url}/__sandbox/login?operator=${w.x.godomall!.operatorId}&redirect=/__sandbox/orders`);
  await login.close();
  const after = await syncFromPopup(w, 'walk-19-popup-after-login');
  await mustStatus(w, S, 'd2');
  must(after.counts.pendingWrites === 0, `로그인 후에도 대기 ${after.counts.pendingWrites}건`);
}

/** The popup's counts are the journal's: everything delivered, nothing waiting or failed. */
async function finalCounts(w: Walk, st: FlowState): Promise<void> {
  const rows = await journal<Shipment>(w.x, 'shipments');
  // the popup counts registrations of ours: never a test number nor one typed into godomall by hand
  const ours = rows.filter((r) => !r.test && r.source !== 'typed' && !r.pickup);
  const by = (s: string) => ours.filter((r) => r.state === s).length;
  const counts = await popupCounts(w, 'walk-20-popup-final');
  const delivered = [...st.numbers.keys()].filter((k) => k !== st.cast.R && k !== st.cast.U).length;
  must(by('delivered') === delivered, `저널 배송완료 ${by('delivered')}건 ≠ ${delivered}건`);
  for (const k of ['issued', 'reserved', 'shipping', 'delivered'] as const)
    must(counts[k] === by(k), `팝업 ${k} ${counts[k]} ≠ 저널 ${by(k)}`);
  must(counts.contactError === 0 && counts.pendingWrites === 0, `팝업: ${JSON.stringify(counts)}`);
  w.log(`팝업 집계: ${JSON.stringify(counts)}`);
}

export const STAGES: Array<[string, (w: Walk, st: FlowState) => Promise<void>]> = [
  ['주문별 발급 (연락처오류 포함)', issueByOrder],
  ['연락처 수정 후 발급', fixContactAndIssue],
  ['상품별 발급', issueByItem],
  ['예약하기', reserve],
  ['운송장 출력', print],
  ['예약 취소 후 재발급', cancelAndReissue],
  ['배송상태 업데이트 → 배송완료, 연동 해제', trackToDelivered],
  ['로그인 만료 중 업데이트', sessionExpiry],
  ['팝업 집계', finalCounts],
  ['검색된 미발급 일괄 발급 (여러 페이지) → 일괄 예약', (w) => bulkIssueAndReserve(w)],
  ['미배달 예외와 처리가 필요한 주문', undeliveredException],
];
