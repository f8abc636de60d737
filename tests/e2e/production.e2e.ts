// The PRODUCTION build (.output/chrome-mv3: no loopback hosts, no editable endpoints) against the
// simulators reached under the real host names through Chromium's --host-resolver-rules: proves the
// manifest's permissions, the Korea Post hosts with their schemes (https ship and biz, to the
// simulator's https listener whose test certificate this profile trusts by its SPKI hash; http
// openapi) and the *.godomall.com content-script match are what the product really needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpostSandbox } from '../sandbox/epost/server';
import type { GodomallSandbox } from '../sandbox/godomall';
import type { ExtensionSession } from './harness';
import { ADMIN_HOST, launchProduction, type ProductionSession } from './production-session';
import { connectOptions, openList, overlayJob, resultOf, rowBox, shipment, until, type Walk } from './walkthrough';

const TOP_BAR = '[data-epg-toolbar="top"]';

/** The shop's own 결제완료 orders with a well-formed receiver, no number, no claim and no packet. */
function plainPaidOrders() {
  return godomall.control.orders().filter((o) => issuable(o, 'shop') && !o.packetCode);
}
import { castFrom } from './walkthrough-flow';
import { defaultCouriers } from '../sandbox/godomall/model';
import { issuable } from './orders';

let epost: EpostSandbox;
let godomall: GodomallSandbox;
let x: ExtensionSession;
let w: Walk;

let session: ProductionSession;

beforeAll(async () => {
  session = await launchProduction();
  ({ epost, godomall, x } = session);
  w = { x, shot: (page, name) => x.screenshot(page, `production-${name}`), log: () => undefined };
});

afterAll(async () => {
  await session?.close();
});

describe('production build under the real host names', () => {
  it('has neither loopback hosts nor editable Korea Post endpoints', async () => {
    const manifest = await (await x.worker()).evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
    // each Korea Post host with the one scheme the product calls it with (README: which scheme and why)
    const koreaPost = (manifest.host_permissions as string[]).filter((h) => h.includes('epost.go.kr'));
    expect(koreaPost).toEqual(['https://ship.epost.go.kr/*', 'https://biz.epost.go.kr/*', 'http://openapi.epost.go.kr/*']);
    const options = await x.extensionPage('/options.html');
    await options.waitForSelector('[data-action="verify"]');
    expect(await options.locator('[data-field="shipBaseUrl"]').count()).toBe(0);
    await options.close();
  });

  it('connects to Korea Post at ship.epost.go.kr, issues on the gdadmin list and writes the number back', async () => {
    await connectOptions(w);
    const { A } = castFrom(godomall.control.orders());
    const lines = await overlayJob(w, '/order/order_list_pay.php', 'order', 'issueSelected', [{ orderNo: A }], 'issue');
    expect(resultOf(lines, A)).toContain('완료');
    const regs = epost.control.registrations(A);
    expect(regs).toHaveLength(1);
    expect((await shipment(x, A))?.regiNo).toBe(regs[0]!.regiNo);
    const after = godomall.control.order(A)!;
    expect(after.items.map((i) => i.invoiceNo)).toEqual(after.items.map(() => regs[0]!.regiNo));
    expect(after.items.every((i) => i.status === 'p1')).toBe(true); // issuing never changes the status
    // the 인증키 went over https only: every 계약소포 call so far came in on the https listener
    const { calls, httpsCalls, reusedCalls } = epost.control.state();
    const messages = Object.keys(calls).filter((m) => m !== 'trace' && m !== 'longitudinal');
    expect(messages).toEqual(expect.arrayContaining(['GetCustNo', 'GetApprNo', 'InsertOrder']));
    for (const m of messages) expect([m, httpsCalls[m]]).toEqual([m, calls[m]]);
    // every InsertOrder on a connection of its own (lib/epost/no-reuse.ts): Chromium re-sends only on a
    // reused one; the looks keep theirs (GetApprNo follows GetCustNo on the kept connection)
    expect(reusedCalls.InsertOrder ?? 0).toBe(0);
    expect(Object.values(reusedCalls).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('case 6 — Korea Post drops the connection after committing: Chromium re-sends nothing, and 예약 leaves one live registration', async () => {
    const { B } = castFrom(godomall.control.orders());
    // the parcel is registered, then the socket closes unanswered
    epost.control.setFaults({ dropAfterCommit: { next: 1 } }, 'InsertOrder');
    await overlayJob(w, '/order/order_list_pay.php', 'order', 'issueSelected', [{ orderNo: B }], 'case6-issue');
    epost.control.clearFaults();
    // the InsertOrder went out on a connection of its own (lib/epost/no-reuse.ts), so Chromium did not
    // send it again by itself: before that rule, 2 of 3 runs here left a second registration after the job
    const registered = epost.control.registrations(B).length;
    expect(registered).toBe(1);
    const liveOf = () =>
      epost.control.registrations(B).filter((r) => {
        const p = epost.control.parcel(r.regiNo);
        return p !== undefined && p.treatStusCd !== '05';
      });
    const liveAfterJob = liveOf().length;
    expect(liveAfterJob).toBe(1);
    const lines = await overlayJob(w, '/order/order_list_pay.php', 'order', 'reserveSelected', [{ orderNo: B }], 'case6-reserve');
    expect(resultOf(lines, B)).toContain('완료');
    const live = liveOf();
    expect(live).toHaveLength(1);
    expect((await shipment(x, B))?.regiNo).toBe(live[0]!.regiNo);
    expect(godomall.control.order(B)!.items.every((i) => i.invoiceNo === live[0]!.regiNo)).toBe(true);
  }, 90_000);

  it('the supplier admin (/provider/order/): the overlay issues there and every admin request stays under it', async () => {
    const order = godomall.control.orders().find((o) => issuable(o, 'supplier'))!;
    expect(order).toBeDefined();
    godomall.requests.length = 0;
    const lines = await overlayJob(
      w,
      '/provider/order/order_list_pay.php',
      'order',
      'issueSelected',
      [{ orderNo: order.orderNo }],
      'provider-issue',
    );
    expect(resultOf(lines, order.orderNo)).toContain('완료');
    const regs = epost.control.registrations(order.orderNo);
    expect(regs).toHaveLength(1);
    expect(godomall.control.order(order.orderNo)!.items.every((i) => i.invoiceNo === regs[0]!.regiNo)).toBe(true);
    const orderPages = godomall.requests.filter((r) => /order_(view|ps)\.php|inc_order_view\.php/.test(r));
    expect(orderPages.length).toBeGreaterThan(0);
    expect(orderPages.every((r) => r.includes(' /provider/order/'))).toBe(true);
  }, 90_000);

  it("the options page checks the admin's 배송 업체 list for 우체국택배 before anything is issued", async () => {
    const options = await x.extensionPage('/options.html');
    await options.waitForSelector('[data-action="verify"]');
    await options.fill('[data-field="adminOrigin"] input', `http://${ADMIN_HOST}`);
    await options.click('[data-action="save"]');
    await options.waitForSelector('[data-notice="ok"]', { timeout: 15_000 });
    const check = options.locator('[data-list="admin-origins"] [data-courier-check]');
    await until(
      '배송 업체 확인',
      () => check.getAttribute('data-courier-check'),
      (v) => v === 'ok',
    );
    // a shop whose list lacks 우체국택배 (as one published shop's does): told what to add, and where
    godomall.control.setCouriers([
      { sno: '5', name: '한진택배' },
      { sno: '9', name: '경동택배' },
      { sno: '8', name: 'CJ대한통운' },
    ]);
    try {
      await options.reload();
      await until(
        '배송 업체 없음',
        () => check.getAttribute('data-courier-check'),
        (v) => v === 'missing',
      );
      expect(await check.textContent()).toContain('기본설정 › 배송 정책 › 배송 업체 관리에서 「우체국택배」를 추가');
      await w.shot(options, 'options-courier-missing');
    } finally {
      godomall.control.setCouriers(defaultCouriers());
      await options.close();
    }
  });

  it('a box chosen in the toolbar reaches Korea Post, and a Jeju order shows its 도서산간 fee and box on the badge', async () => {
    const jeju = godomall.control.orders().find((o) => o.receiverZonecode.startsWith('63') && issuable(o, 'shop'))!;
    expect(jeju).toBeDefined();
    const page = await openList(w, '/order/order_list_pay.php?pageNum=500');
    const box = page.locator('[data-epg-toolbar="top"] select[data-epg-filter="box"]');
    expect(await box.locator('option').allTextContents()).toEqual(['기본', '소형', '중형', '대형']);
    await box.selectOption('대형');
    await page.locator(rowBox(jeju.orderNo)).first().check();
    page.on('dialog', (d) => void d.accept());
    await page.locator('[data-epg-toolbar="top"] [data-epg-action="issueSelected"]').click();
    await page.waitForSelector('[data-epg-toolbar="top"] [data-epg-job="done"]', { timeout: 60_000 });
    const badge = page.locator(`tr:has(${rowBox(jeju.orderNo)}) [data-epg-badge]`).first();
    await until(
      '도서산간 표시',
      () => badge.locator('.epg-badge__island').count(),
      (n) => n === 1,
    );
    const [reg] = epost.control.registrations(jeju.orderNo);
    const parcel = epost.control.parcel(reg!.regiNo)!;
    expect(parcel).toMatchObject({ weight: '10', volume: '120' });
    expect(await badge.locator('.epg-badge__island').textContent()).toBe(
      `도서산간 +${Number(parcel.islandAddFee).toLocaleString('ko-KR')}원`,
    );
    expect(await badge.locator('.epg-badge__box').textContent()).toBe('대형');
    await w.shot(page, 'box-and-island-fee');
    await page.close();
  }, 90_000);

  it('박스 지정 발급: the preview lists the selected orders, and the box chosen for one order reaches Korea Post with that order only', async () => {
    const [small, big] = plainPaidOrders()
      .filter((o) => epost.control.registrations(o.orderNo).length === 0)
      .slice(-2);
    expect(small && big).toBeTruthy();
    const page = await openList(w, '/order/order_list_pay.php?pageNum=500');
    for (const o of [small!, big!]) await page.locator(rowBox(o.orderNo)).first().check();
    await page.locator(`${TOP_BAR} [data-epg-action="previewSelected"]`).click();
    await page.waitForSelector(`${TOP_BAR} [data-epg-preview]`);
    const rowsShown = await page
      .locator(`${TOP_BAR} [data-epg-preview-row]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-epg-preview-row')));
    expect(rowsShown.sort()).toEqual([small!.orderNo, big!.orderNo].sort());
    expect(epost.control.registrations(big!.orderNo)).toHaveLength(0); // the preview sends nothing
    await page.locator(`${TOP_BAR} select[data-epg-preview-box="${big!.orderNo}"]`).selectOption('대형');
    await w.shot(page, 'issue-preview');
    const asked: string[] = [];
    page.on('dialog', (d) => void (asked.push(d.message()), d.accept()));
    await page.locator(`${TOP_BAR} [data-epg-action="issuePreview"]`).click();
    await page.waitForSelector(`${TOP_BAR} [data-epg-job="done"]`, { timeout: 60_000 });
    expect(asked.some((q) => q.includes('선택한 2건에 우체국택배 송장번호를 발급합니다'))).toBe(true);
    const sent = (orderNo: string) => epost.control.parcel(epost.control.registrations(orderNo)[0]!.regiNo)!;
    expect(sent(big!.orderNo)).toMatchObject({ weight: '10', volume: '120' });
    expect(sent(small!.orderNo)).toMatchObject({ weight: '2', volume: '60' }); // the 기본 무게·크기
    await until(
      '박스 배지',
      () =>
        page
          .locator(`tr:has(${rowBox(big!.orderNo)}) [data-epg-badge] .epg-badge__box`)
          .first()
          .textContent(),
      (t) => t === '대형',
    );
    await page.close();
  }, 90_000);

  it('묶음배송: selecting one order of a packet issues the packet once, and both rows show its number', async () => {
    const plain = plainPaidOrders()
      .filter((o) => !o.receiverZonecode.startsWith('63'))
      .slice(-2);
    expect(plain).toHaveLength(2);
    const [lead, member] = plain.map((o) => o.orderNo).sort() as [string, string];
    godomall.control.setPacket([lead, member], 'PK9001');
    const lines = await overlayJob(
      w,
      '/order/order_list_pay.php?pageNum=500',
      'order',
      'issueSelected',
      [{ orderNo: member }],
      'packet-issue',
    );
    expect(resultOf(lines, member)).toContain(`묶음배송: 주문 ${lead}와(과) 한 송장으로`);
    const regs = epost.control.registrations(lead);
    expect(regs).toHaveLength(1);
    expect(epost.control.registrations(member)).toHaveLength(0);
    for (const o of [lead, member]) expect(godomall.control.order(o)!.items.every((i) => i.invoiceNo === regs[0]!.regiNo)).toBe(true);
    const page = await openList(w, '/order/order_list_pay.php?pageNum=500');
    for (const o of [lead, member]) {
      const badge = page.locator(`tr:has(${rowBox(o)}) [data-epg-badge]`).first();
      await until(
        `${o} 배지`,
        () => badge.getAttribute('data-epg-kind'),
        (k) => k === 'issued',
      );
      expect((await badge.locator('.epg-badge__no').textContent())?.replace(/\D/g, '')).toBe(regs[0]!.regiNo);
    }
    await w.shot(page, 'packet-rows');
    await page.close();
  }, 90_000);

  it("two orders to one receiver: the overlay lists them, and with the operator's 확인 they go as one parcel", async () => {
    const [a, b] = plainPaidOrders();
    expect(a && b).toBeTruthy();
    godomall.control.sameReceiverAs(b!.orderNo, a!.orderNo);
    const [lead, member] = [a!.orderNo, b!.orderNo].sort() as [string, string];
    const asked: string[] = [];
    x.context.on('page', (p) => p.on('dialog', (d) => void asked.push(d.message())));
    const lines = await overlayJob(
      w,
      '/order/order_list_pay.php?pageNum=500',
      'order',
      'issueSelected',
      [{ orderNo: lead }, { orderNo: member }],
      'combine-issue',
    );
    expect(asked[0]).toContain('같은 수령자에게 가는 주문이 1묶음 있습니다.');
    expect(asked[0]).toContain(`${lead}, ${member}`);
    expect(resultOf(lines, lead)).toContain('완료');
    expect(epost.control.registrations(lead)).toHaveLength(1);
    expect(epost.control.registrations(member)).toHaveLength(0);
    const regiNo = epost.control.registrations(lead)[0]!.regiNo;
    for (const o of [lead, member]) expect(godomall.control.order(o)!.items.every((i) => i.invoiceNo === regiNo)).toBe(true);
  }, 90_000);

  it('반품 회수 접수 on the 반품 list: one Korea Post return pickup (reqType 2), shown on the claim row, nothing written into the order', async () => {
    const order = godomall.control
      .orders()
      .find(
        (o) =>
          o.items.every((i) => i.status === 'd2') && /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) && /^\d{5}$/.test(o.receiverZonecode),
      )!;
    expect(order).toBeDefined();
    godomall.control.setStatus(order.orderNo, 'b1');
    const invoices = godomall.control.order(order.orderNo)!.items.map((i) => i.invoiceNo);
    const page = await openList(w, '/order/order_list_back.php?pageNum=500');
    expect(await page.locator(`${TOP_BAR} [data-epg-claim="b"]`).count()).toBe(1);
    expect(await page.locator(`${TOP_BAR} [data-epg-action="issueSelected"]`).count()).toBe(0);
    for (const item of order.items) await page.locator(rowBox(order.orderNo, item.sno)).check();
    await until(
      '선택',
      () => page.locator(`${TOP_BAR} [data-epg-selection]`).textContent(),
      (t) => t === '선택 1건',
    );
    const asked: string[] = [];
    page.on('dialog', (d) => void (asked.push(d.message()), d.accept()));
    await page.locator(`${TOP_BAR} [data-epg-action="pickupSelected"]`).click();
    await page.waitForSelector(`${TOP_BAR} [data-epg-job="done"], ${TOP_BAR} [data-epg-job="failed"]`, { timeout: 60_000 });
    expect(asked[0]).toContain('1개 주문의 클레임 상품을 우체국택배 반품 회수로 접수합니다');
    const lines = await page.locator(`${TOP_BAR} .epg-results li`).allTextContents();
    expect(resultOf(lines, order.orderNo)).toContain('완료');
    expect(await page.locator(`${TOP_BAR} [data-epg-job]`).first().textContent()).toContain('반품 회수 접수 완료');
    const key = `${order.orderNo}-R${[...order.items.map((i) => i.sno)].sort((a, b) => a.length - b.length || a.localeCompare(b))[0]}`;
    const regs = epost.control.registrations(key);
    expect(regs).toHaveLength(1);
    expect(epost.control.parcel(regs[0]!.regiNo)).toMatchObject({ reqType: '2', printYn: 'N', recNm: order.receiverName });
    await until(
      '회수 접수 배지',
      () =>
        page
          .locator(`tr:has(${rowBox(order.orderNo, order.items[0]!.sno)}) [data-epg-badge]`)
          .first()
          .textContent(),
      (t) => !!t?.includes('회수 접수') && t.includes(regs[0]!.regiNo),
    );
    await w.shot(page, 'pickup-back-list');
    // godomall has no return invoice: the order keeps its outbound number and its claim status
    const after = godomall.control.order(order.orderNo)!;
    expect(after.items.map((i) => i.invoiceNo)).toEqual(invoices);
    expect(after.items.every((i) => i.status === 'b1')).toBe(true);

    // 회수 접수 취소 before the courier prints the waybill: Korea Post cancels it, the claim row is free again
    await page.locator(`${TOP_BAR} button`, { hasText: '닫기' }).first().click();
    await page.locator(`${TOP_BAR} [data-epg-action="cancel"]`).click();
    await page.waitForSelector(`${TOP_BAR} [data-epg-job="done"], ${TOP_BAR} [data-epg-job="failed"]`, { timeout: 60_000 });
    expect(asked[asked.length - 1]).toContain('반품 회수 접수를 취소합니다');
    expect(epost.control.parcel(regs[0]!.regiNo)!.treatStusCd).toBe('05');
    await until(
      '회수 미접수 배지',
      () =>
        page
          .locator(`tr:has(${rowBox(order.orderNo, order.items[0]!.sno)}) [data-epg-badge]`)
          .first()
          .getAttribute('data-epg-kind'),
      (k) => k === 'unissued',
    );
    await page.close();
  }, 90_000);

  it('주문 상세 on gdadmin: the panel issues, cancels after 예약 and re-issues, each once at Korea Post, and a 반품 claim gets its pickup', async () => {
    const orderNo = plainPaidOrders().at(-1)!.orderNo;
    const panel = '[data-epg-order-panel]';
    const page = await x.openAdmin(`/order/order_view.php?orderNo=${orderNo}`);
    page.on('dialog', (d) => void d.accept());
    await page.waitForSelector(`${panel} [data-epg-no-parcels]`, { timeout: 20_000 });
    const step = async (button: string, key: string, state: string) => {
      await page.locator(button).click();
      await page.waitForSelector(`${panel} [data-epg-parcel="${key}"][data-epg-state="${state}"]`, { timeout: 60_000 });
      await page.waitForFunction(
        (sel) => !document.querySelector<HTMLButtonElement>(sel)?.disabled,
        `${panel} [data-epg-action="refresh"]`,
      );
    };
    await step(`${panel} [data-epg-action="issue"]`, orderNo, 'issued');
    await step(`${panel} [data-epg-parcel="${orderNo}"] [data-epg-action="reserve"]`, orderNo, 'reserved');
    await step(`${panel} [data-epg-parcel="${orderNo}"] [data-epg-action="cancel"]`, orderNo, 'void');
    await step(`${panel} [data-epg-action="issue"]`, `${orderNo}-r1`, 'issued');
    const [reissued] = epost.control.registrations(`${orderNo}-r1`);
    expect(epost.control.registrations(orderNo)).toHaveLength(1);
    expect(epost.control.registrations(`${orderNo}-r1`)).toHaveLength(1);
    expect(await page.locator(`${panel} [data-epg-parcel="${orderNo}-r1"] [data-epg-number]`).textContent()).toBe(reissued!.regiNo);
    expect(godomall.control.order(orderNo)!.items.every((i) => i.invoiceNo === reissued!.regiNo)).toBe(true);

    // the customer's return, accepted in godomall (b1): the panel books its pickup from the 반품 tab's items
    godomall.control.setStatus(orderNo, 'b1');
    await page.locator(`${panel} [data-epg-action="refresh"]`).click();
    await page.waitForSelector(`${panel} [data-epg-action="pickup-b"]:not([disabled])`, { timeout: 20_000 });
    await page.locator(`${panel} [data-epg-action="pickup-b"]`).click();
    const pickupRow = `${panel} [data-epg-parcel*="-R"]`;
    await page.waitForSelector(`${pickupRow}[data-epg-state="reserved"]`, { timeout: 60_000 });
    const pickupKey = (await page.locator(pickupRow).getAttribute('data-epg-parcel'))!;
    expect(epost.control.registrations(pickupKey)).toHaveLength(1);
    expect(await page.locator(`${pickupRow} td`).first().textContent()).toBe('반품 회수');
    await w.shot(page, 'order-view-panel');
    await page.close();
  });
});
