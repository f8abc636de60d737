// Exceptions made visible: a parcel Korea Post could not deliver (미배달, with its reason) shows in the
// popup's counts and needs-action list and on the row's badge, and its order is not moved to 배송완료;
// the order unlinked earlier is listed there too, with why.
import type { Shipment } from '../../lib/db/types';
import { journal, must, openList, openPopup, rowBox, syncFromPopup, until, type Walk } from './walkthrough';
import type { FlowState } from './walkthrough-flow';

const ALL = '/order/order_list_all.php?pageNum=100';
const REASON = '수취인부재';

/** What the popup's 「처리가 필요한 주문」 lists: order number → reason. */
async function needsAction(w: Walk, name: string): Promise<Map<string, string>> {
  const popup = await openPopup(w);
  const rows = await popup
    .locator('[data-list="needs-action"] li')
    .evaluateAll((lis) =>
      lis.map((li) => [li.querySelector('a')?.textContent ?? '', li.querySelector('.reason')?.textContent ?? ''] as [string, string]),
    );
  await w.shot(popup, name);
  await popup.close();
  return new Map(rows);
}

export async function undeliveredException(w: Walk, st: FlowState): Promise<void> {
  const ep = w.x.epost!.control;
  const rows = await journal<Shipment>(w.x, 'shipments');
  const target = rows.find((r) => r.state === 'reserved' && r.source === 'issued' && /^\d{13}$/.test(r.regiNo));
  must(target, '미배달로 만들 예약된 소포가 없습니다');
  ep.parcelAction(target.regiNo, { action: 'undeliver', reason: REASON });
  ep.advanceHours(30);
  const { counts } = await syncFromPopup(w, 'walk-24-popup-undelivered');
  must(counts.exceptions >= 1, `예외 ${counts.exceptions}건`);
  must(
    w.x.godomall!.control.order(target.orderNo)!.items.every((i) => i.status !== 'd2'),
    `${target.orderNo}: 미배달인데 배송완료`,
  );

  // 연동 해제 is for an operator's change only: mixed-status orders and refused writes stay linked
  const unlinked = (await journal<Shipment>(w.x, 'shipments')).filter((r) => r.state === 'unlinked').map((r) => r.orderNo);
  must(JSON.stringify(unlinked) === JSON.stringify([st.cast.U]), `연동 해제된 주문: ${unlinked.join(', ')} (${st.cast.U}만이어야 함)`);

  const listed = await needsAction(w, 'walk-25-popup-needs-action');
  must(
    /미배달/.test(listed.get(target.orderNo) ?? '') && (listed.get(target.orderNo) ?? '').includes(REASON),
    `처리 필요 목록의 미배달: ${listed.get(target.orderNo)}`,
  );
  must(/연동/.test(listed.get(st.cast.U) ?? ''), `처리 필요 목록의 연동 해제: ${listed.get(st.cast.U)}`);

  const page = await openList(w, ALL);
  const exc = page.locator(`tr:has(${rowBox(target.orderNo)}) [data-epg-badge] .epg-badge__exc`).first();
  await until(
    '미배달 배지',
    async () => ((await exc.count()) ? exc.textContent() : ''),
    (t) => t === '미배달',
  );
  must(((await exc.getAttribute('title')) ?? '').includes(REASON), '미배달 배지에 사유가 없습니다');
  await w.shot(page, 'walk-26-undelivered-badge');
  await page.close();
}
