// A godomall write that the admin refuses (a claim in progress) stays queued, and the job's result says
// why instead of a bare 완료 — found by the e2e walk-through's 일괄 예약 over the seed shop.
import { afterEach, describe, expect, it } from 'vitest';
import { ordinaryOrders, startHarness, waitJob, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('refused godomall write', () => {
  it('예약하기 of an order under a claim: done at Korea Post, the refusal shown, the write kept for later', async () => {
    h = await startHarness();
    const orderNo = ordinaryOrders(h, 'p1')[0]!.orderNo;
    const s = h.shipments();
    const base = { adminOrigin: h.origin, operatorId: 'kim', mode: 'order' as const };
    await waitJob(s, await s.startJob({ ...base, kind: 'issue', targets: [{ orderNo, itemSnos: [] }] }));
    h.gd.control.setClaimInProgress(orderNo, true);

    const job = await waitJob(s, await s.startJob({ ...base, kind: 'reserve', keys: [orderNo] }));
    expect(job.targets[0]!.status).toBe('done');
    expect(job.targets[0]!.message).toContain('클레임 처리 중인 주문은 상태를 변경할 수 없습니다');
    expect(h.gd.control.order(orderNo)!.items.map((i) => i.status)).toEqual(['p1']);
    expect(await h.db.pendingWrites.count()).toBe(1);

    // the claim is closed: the queued write lands on the next flush (sync)
    h.gd.control.setClaimInProgress(orderNo, false);
    await s.syncAll('manual');
    expect(h.gd.control.order(orderNo)!.items.map((i) => i.status)).toEqual(['g1']);
    expect(await h.db.pendingWrites.count()).toBe(0);
  });
});
