// The demo's walk past the manual's flow (`npm run demo`, after tests/e2e/walkthrough-flow.ts STAGES):
// 묶음배송 issued as one parcel, and a delivered order coming back — the customer's 반품신청 on the
// customers' request list (「승인 전」), the shop's 승인, 반품 회수 접수 on the 반품 list (one Korea Post
// return pickup, reqType 2), and the request list showing the pickup. Each stage checks the simulators.
// The e2e suite covers the same paths in smaller cases (production.e2e.ts, order-view.e2e.ts); these
// stages run in the demo only, so the CI's Chromium time does not grow.
import type { SeedOrder } from '../sandbox/godomall';
import { pickupBaseKey } from '../../lib/shipments/keys';
import { must, openList, overlayJob, resultOf, rowBox, until, type Walk } from './walkthrough';
import type { FlowState } from './walkthrough-flow';

const PAY = '/order/order_list_pay.php?pageNum=100';
const BACK = '/order/order_list_back.php?pageNum=100';
const USER_BACK = '/order/order_list_user_exchange.php?view=back';
const TOP = '[data-epg-toolbar="top"]';

/** Two new 결제완료 orders to one receiver that the shop bundled (묶음배송처리), made from a delivered one. */
function bundledOrders(w: Walk, like: SeedOrder): [string, string] {
  const gm = w.x.godomall!.control;
  const orders = gm.orders();
  const sno = Math.max(...orders.flatMap((o) => o.items.map((i) => Number(i.sno)))) + 1;
  const day = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  const made = [0, 1].map((k) => ({
    ...like,
    orderNo: `${day.replace(/-/g, '').slice(2)}99000000${k + 1}`.padEnd(16, '0'),
    orderDate: `${day} 09:0${k}:00`,
    packetCode: 'PKDEMO1',
    items: [
      {
        ...like.items[0]!,
        sno: String(sno + k),
        status: 'p1',
        invoiceCompanySno: '',
        invoiceNo: '',
        goodsNm: k ? '유기농 현미 4kg' : '국산 들기름 350ml',
        optionText: '',
        gifts: [],
      },
    ],
  }));
  for (const o of made) gm.addOrder(o);
  return [made[0]!.orderNo, made[1]!.orderNo];
}

/** A delivered order of ours with a well-formed receiver (Korea Post will pick the goods up there). */
function deliveredOfOurs(w: Walk, st: FlowState, skip: string[] = []): SeedOrder {
  const gm = w.x.godomall!.control;
  const o = [...st.numbers.keys()]
    .map((key) => gm.order(key.replace(/-r\d+$/, '').split('-')[0]!))
    .find(
      (o) =>
        !!o &&
        !skip.includes(o.orderNo) &&
        o.items.every((i) => i.status === 'd2' && !i.userHandle) &&
        /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
        /^\d{5}$/.test(o.receiverZonecode),
    );
  must(o, '배송완료된 우리 주문이 없습니다');
  return o;
}

async function packet(w: Walk, st: FlowState): Promise<void> {
  const ep = w.x.epost!.control;
  const gm = w.x.godomall!.control;
  const [lead, member] = bundledOrders(w, deliveredOfOurs(w, st));
  // the operator selects ONE of the two: the packet goes as one parcel under its lowest order number
  const lines = await overlayJob(w, PAY, 'order', 'issueSelected', [{ orderNo: member }], 'walk-30-packet-issued');
  must(resultOf(lines, member).includes(`묶음배송: 주문 ${lead}와(과) 한 송장으로`), `묶음배송 결과: ${lines.join(' / ')}`);
  const regs = ep.registrations(lead);
  must(
    regs.length === 1 && ep.registrations(member).length === 0,
    `묶음배송: 우체국 접수 ${regs.length}+${ep.registrations(member).length}건 (1건이어야 함)`,
  );
  for (const o of [lead, member])
    must(
      gm.order(o)!.items.every((i) => i.invoiceNo === regs[0]!.regiNo),
      `${o}: 고도몰 송장이 묶음 소포 번호(${regs[0]!.regiNo})가 아닙니다`,
    );
  const page = await openList(w, PAY);
  for (const o of [lead, member])
    await until(
      `${o} 배지`,
      () =>
        page
          .locator(`tr:has(${rowBox(o)}) [data-epg-badge] .epg-badge__no`)
          .first()
          .textContent(),
      (t) => t?.replace(/\D/g, '') === regs[0]!.regiNo,
    );
  await w.shot(page, 'walk-31-packet-rows');
  await page.close();
  w.log(`묶음배송: 주문 ${lead} + ${member} → 소포 1개 ${regs[0]!.regiNo}`);
}

/** The customers' 반품 request list, its badges read once every row has its say. */
async function userRequests(w: Walk, name: string): Promise<Map<string, string>> {
  const page = await w.x.openAdmin(USER_BACK);
  await page.waitForSelector('[data-epg-page-note]', { timeout: 15_000 });
  must((await page.locator('.epg-toolbar__body').count()) === 0, '고객 신청 목록에 발급 도구가 보입니다');
  await page.waitForSelector('[data-epg-badge]', { timeout: 15_000 });
  await page.waitForTimeout(300);
  const badges = await page
    .locator('form#frmOrderStatus table.order-list > tbody > tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector('input[name^="statusCheck["]')?.getAttribute('value')?.split('||')[0] ?? '',
        tr.querySelector('[data-epg-badge]')?.textContent ?? '',
      ]),
    );
  await w.shot(page, name);
  await page.close();
  return new Map(badges as Array<[string, string]>);
}

async function returnPickup(w: Walk, st: FlowState): Promise<void> {
  const gm = w.x.godomall!.control;
  const ep = w.x.epost!.control;
  const back = deliveredOfOurs(w, st);
  const waiting = deliveredOfOurs(w, st, [back.orderNo]);
  // customers ask from the shop's front: godomall lists their requests until the shop answers
  for (const o of [back, waiting]) gm.requestClaim(o.orderNo, o.items[0]!.sno, 'b', '사이즈가 맞지 않아요');
  let seen = await userRequests(w, 'walk-32-user-requests');
  for (const o of [back, waiting]) must(seen.get(o.orderNo) === '승인 전', `${o.orderNo}: 「승인 전」이 아닙니다 (${seen.get(o.orderNo)})`);

  // the shop accepts one (승인처리 → 반품접수 b1); only then can its pickup be booked, on the 반품 list
  gm.answerClaim(back.orderNo, back.items[0]!.sno, true);
  const page = await openList(w, BACK);
  await page.locator(rowBox(back.orderNo, back.items[0]!.sno)).check();
  await until(
    '선택',
    () => page.locator(`${TOP} [data-epg-selection]`).textContent(),
    (t) => t === '선택 1건',
  );
  page.on('dialog', (d) => void d.accept());
  await page.locator(`${TOP} [data-epg-action="pickupSelected"]`).click();
  await page.waitForSelector(`${TOP} [data-epg-job="done"], ${TOP} [data-epg-job="failed"]`, { timeout: 60_000 });
  const lines = await page.locator(`${TOP} .epg-results li`).allTextContents();
  must(resultOf(lines, back.orderNo).includes('완료'), `반품 회수 접수: ${lines.join(' / ')}`);
  const key = pickupBaseKey(back.orderNo, [back.items[0]!.sno]);
  const regs = ep.registrations(key);
  must(regs.length === 1, `${key}: 우체국 반품 접수 ${regs.length}건 (1건이어야 함)`);
  const parcel = ep.parcel(regs[0]!.regiNo);
  must(parcel?.reqType === '2' && parcel.printYn === 'N', `반품소포가 아닙니다: ${JSON.stringify(parcel)}`);
  must(parcel.retOrigRegiNo === back.items[0]!.invoiceNo, `원 송장번호 ${parcel.retOrigRegiNo} ≠ ${back.items[0]!.invoiceNo}`);
  await until(
    '회수 접수 배지',
    () =>
      page
        .locator(`tr:has(${rowBox(back.orderNo, back.items[0]!.sno)}) [data-epg-badge]`)
        .first()
        .textContent(),
    (t) => !!t?.startsWith('회수 접수') && t.includes(regs[0]!.regiNo),
  );
  await w.shot(page, 'walk-33-pickup-booked');
  await page.close();

  seen = await userRequests(w, 'walk-34-user-requests-after');
  must(seen.get(back.orderNo) === `회수 접수${regs[0]!.regiNo}`, `승인한 신청: ${seen.get(back.orderNo)}`);
  must(seen.get(waiting.orderNo) === '승인 전', `기다리는 신청: ${seen.get(waiting.orderNo)}`);
  w.log(
    `반품 회수: 주문 ${back.orderNo} → 반품소포 ${regs[0]!.regiNo} (원 송장 ${parcel.retOrigRegiNo}); 주문 ${waiting.orderNo}는 승인 전`,
  );
}

export const CLAIM_STAGES: Array<[string, (w: Walk, st: FlowState) => Promise<void>]> = [
  ['묶음배송: 두 주문을 소포 하나로 발급', packet],
  ['고객 반품신청 → 승인 → 반품 회수 접수', returnPickup],
];
