// 「검색된 미발급 N개 일괄 발급」 and 「일괄 예약 (N)」 over a search that spans several admin pages:
// the count covers every page, every unissued order ends with exactly one number or a Korean reason,
// and the reservation moves 결제완료 orders to 상품준비중.
import { must, openList, overlayJob, until, type Walk } from './walkthrough';

const TOP = '[data-epg-toolbar="top"]';
/** 결제완료 list, 10 rows a page: the remaining 입금 상태 orders need two pages */
const PAY_PAGED = '/order/order_list_pay.php?pageNum=10';
const EPOST = '12';

/** The N of a 일괄 button, once the whole search has been counted. */
async function bulkCount(w: Walk, action: 'issueAll' | 'reserveAll'): Promise<{ n: number; firstPage: string[] }> {
  const page = await openList(w, PAY_PAGED);
  const text = await until(
    '일괄 버튼',
    () => page.locator(`${TOP} [data-epg-action="${action}"]`).textContent(),
    (t) => !!t && !t.includes('…'),
  );
  const firstPage = await page.locator('input[name^="statusCheck["]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await w.shot(page, `walk-21-bulk-${action}-count`);
  await page.close();
  const m = /\((\d+)\)/.exec(text ?? '');
  must(m, `일괄 버튼에 개수가 없습니다: ${text}`);
  return { n: Number(m[1]), firstPage };
}

export async function bulkIssueAndReserve(w: Walk): Promise<void> {
  const gm = w.x.godomall!.control;
  const ep = w.x.epost!.control;
  const before = new Map(gm.orders().map((o) => [o.orderNo, o.items.map((i) => i.status)]));
  const { n, firstPage } = await bulkCount(w, 'issueAll');
  must(n > firstPage.length, `일괄 발급 ${n}개가 첫 페이지(${firstPage.length}행)보다 많아야 합니다`);

  const lines = await overlayJob(w, PAY_PAGED, 'order', 'issueAll', [], 'walk-22-bulk-issued');
  must(lines.length === n, `일괄 발급 결과 ${lines.length}건 ≠ 버튼의 ${n}건`);
  const done: string[] = [];
  for (const line of lines) {
    const orderNo = line.split(' ')[0]!;
    if (line.includes('· 완료')) {
      done.push(orderNo);
      const regs = ep.registrations(orderNo);
      must(regs.length === 1, `${orderNo}: 우체국 접수 ${regs.length}건`);
      for (const it of gm.order(orderNo)!.items)
        must(it.invoiceCompanySno === EPOST && it.invoiceNo === regs[0]!.regiNo, `${orderNo}: 고도몰 송장 불일치`);
      must(
        JSON.stringify(gm.order(orderNo)!.items.map((i) => i.status)) === JSON.stringify(before.get(orderNo)),
        `${orderNo}: 발급이 상태를 바꿨습니다`,
      );
    } else {
      // not issued: a reason the operator can act on, in Korean, and nothing registered
      must(/(실패|건너뜀) — .*[가-힣]/.test(line), `이유 없는 결과: ${line}`);
      must(ep.registrations(orderNo).length === 0, `${orderNo}: 실패했는데 접수되었습니다`);
    }
  }
  must(
    done.some((o) => !firstPage.includes(o)),
    '두 번째 페이지의 주문이 발급되지 않았습니다',
  );

  const reserveN = (await bulkCount(w, 'reserveAll')).n;
  must(reserveN === done.length, `일괄 예약 ${reserveN}건 ≠ 발급된 ${done.length}건`);
  const reserved = await overlayJob(w, PAY_PAGED, 'order', 'reserveAll', [], 'walk-23-bulk-reserved');
  must(reserved.length === done.length && reserved.every((l) => l.includes('· 완료')), `일괄 예약: ${reserved.join(' / ')}`);
  let refused = 0;
  for (const orderNo of done) {
    if (!before.get(orderNo)!.every((s) => s === 'p1')) continue; // mixed-status orders: see the unit rules
    const line = reserved.find((l) => l.startsWith(orderNo))!;
    if (line.includes('고도몰에 반영하지 못했습니다')) {
      // godomall refused the status (the seed's claim-in-progress order): said so, and nothing changed
      refused++;
      must(gm.order(orderNo)!.claimInProgress && /[가-힣]/.test(line.split('—')[1] ?? ''), `반영 실패 이유: ${line}`);
      must(
        gm.order(orderNo)!.items.every((i) => i.status === 'p1'),
        `${orderNo}: 거절된 변경이 일부 반영되었습니다`,
      );
      continue;
    }
    await until(
      `${orderNo} 상품준비중`,
      () => gm.order(orderNo)!.items.map((i) => i.status),
      (s) => s.every((x) => x === 'g1'),
    );
  }
  must(refused <= 1, `고도몰이 거절한 예약 ${refused}건`);
  w.log(`일괄: 발급 ${done.length}/${n}건, 예약 ${reserved.length}건`);
}
