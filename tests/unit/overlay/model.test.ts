import { effect } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { ListRow } from '../../../lib/godomall/types';
import type { StartJobRequest } from '../../../lib/messages';
import { createOverlayModel, type OverlayBackend } from '../../../lib/overlay/model';
import { createFakeBackend } from './fake-backend';
import { translator } from './i18n-helper';

const orderRow = (n: number, over: Partial<ListRow> = {}): ListRow => {
  const orderNo = `26112812000${String(n).padStart(5, '0')}`;
  return { key: orderNo, orderNo, statusGroup: 'p', status: 'p1', courier: '', invoiceNo: '', ...over };
};

/** a parcel of ours for a row, as the journal would hold it */
const liveRow = (r: ListRow) => ({
  key: r.orderNo,
  baseKey: r.orderNo,
  orderNo: r.orderNo,
  itemSnos: [],
  state: 'issued' as const,
  regiNo: `60${r.orderNo.slice(-11)}`,
  test: true,
  printed: false,
});

function deps(backend: OverlayBackend) {
  return {
    backend,
    adminOrigin: 'http://127.0.0.1:1',
    mode: 'order' as const,
    t: translator('ko'),
    operatorId: () => 'shopadmin',
    confirm: () => true,
    pollMs: 1,
  };
}

/** an issued parcel whose godomall write is still queued (「고도몰 저장 대기」) */
function waitingOnWrite(row: ListRow, regiNo: string) {
  return {
    key: row.key,
    baseKey: row.key,
    orderNo: row.orderNo,
    itemSnos: [],
    state: 'issued' as const,
    regiNo,
    test: false,
    printed: false,
    savePending: true,
  };
}

function setup(backend: OverlayBackend, opts: { confirm?: boolean; search?: ListRow[] } = {}) {
  return createOverlayModel({
    backend,
    adminOrigin: 'http://127.0.0.1:1',
    mode: 'order',
    t: translator('ko'),
    operatorId: () => 'shopadmin',
    confirm: () => opts.confirm ?? true,
    pollMs: 1,
    ...(opts.search ? { fetchSearchRows: async () => opts.search! } : {}),
  });
}

describe('overlay model', () => {
  it('every job asks first with its count; a declined question starts nothing', async () => {
    const backend = createFakeBackend();
    const asked: string[] = [];
    let answer = false;
    const m = createOverlayModel({
      ...deps(backend),
      confirm: (text: string) => (asked.push(text), answer),
      fetchSearchRows: async () => [orderRow(1), orderRow(2), orderRow(3)],
    });
    await m.loadRows([orderRow(1), orderRow(2), orderRow(3)]);
    await m.refreshSearch();
    m.setSelection([orderRow(1).key, orderRow(2).key]);
    await m.issueSelected();
    await m.issueAllSearched();
    expect(asked).toEqual([
      '선택한 2건에 우체국택배 송장번호를 발급합니다. 계속할까요?',
      '검색된 미발급 3건에 우체국택배 송장번호를 발급합니다. 계속할까요?',
    ]);
    expect(backend.shipments).toHaveLength(0);
    answer = true;
    await m.issueSelected();
    expect(backend.shipments).toHaveLength(2);
    await m.reserveSelected();
    expect(asked[asked.length - 1]).toContain('2건을 우체국택배에 예약합니다');
  });

  it('issues the selected rows once, even when the button is hit twice', async () => {
    const backend = createFakeBackend();
    const m = setup(backend);
    const rows = [orderRow(1), orderRow(2), orderRow(3)];
    await m.loadRows(rows);
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['unissued', 'unissued', 'unissued']);
    m.setSelection([rows[0]!.key, rows[2]!.key]);
    await Promise.all([m.issueSelected(), m.issueSelected()]);
    const kinds = m.views.value.map((v) => v.badge.kind);
    expect(kinds).toEqual(['issued', 'unissued', 'issued']);
    // exactly one shipment per issued order
    expect(backend.shipments.filter((s) => s.orderNo === rows[0]!.orderNo)).toHaveLength(1);
    expect(m.job.value?.status).toBe('done');
    expect(m.busy.value).toBe(false);
  });

  it('a wrong phone ends as 연락처오류 with its Korean reason, and can be issued again after the fix', async () => {
    const backend = createFakeBackend();
    const m = setup(backend);
    const rows = [orderRow(1), orderRow(2)];
    backend.badPhones.add(rows[1]!.orderNo);
    await m.loadRows(rows);
    m.setSelection(rows.map((r) => r.key));
    await m.issueSelected();
    expect(m.views.value[1]!.badge.kind).toBe('contactError');
    expect(m.job.value?.targets.find((t) => t.orderNo === rows[1]!.orderNo)?.message).toContain('연락처오류');
    backend.badPhones.clear();
    await m.issueSelected();
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['issued', 'issued']);
  });

  it('counts and issues every not-yet-issued row of the whole search, not just this page', async () => {
    const backend = createFakeBackend();
    const search = Array.from({ length: 25 }, (_, i) => orderRow(i + 1));
    search[4] = orderRow(5, { courier: '우체국택배', invoiceNo: '6099999999999' });
    const m = setup(backend, { search });
    await m.loadRows(search.slice(0, 10));
    expect(backend.typed).toEqual(['6099999999999']);
    await m.refreshSearch();
    expect(m.issueAllCount.value).toBe(24);
    await m.issueAllSearched();
    expect(backend.shipments.filter((s) => s.state === 'issued')).toHaveLength(24);
    expect(m.issueAllCount.value).toBe(0);
    expect(m.reserveAllCount.value).toBe(24);
    await m.reserveAll();
    expect(m.views.value.filter((v) => v.badge.kind === 'reserved')).toHaveLength(9);
  });

  it("after 일괄 발급 the panel offers 예약 of that job's parcels, then 출력 of all of them, beyond the rows this page shows", async () => {
    // godomall pages by item rows: the 500-order search of the bench spread over pages and the page's
    // select-all box reached 244 of its parcels; the job's own next step reaches every one
    const backend = createFakeBackend();
    const search = Array.from({ length: 30 }, (_, i) => orderRow(i + 1));
    backend.shipments.push({ ...liveRow(search[29]!), state: 'reserved' }); // reserved before: not this job's
    const asked: string[] = [];
    const m = createOverlayModel({ ...deps(backend), confirm: (q: string) => (asked.push(q), true), fetchSearchRows: async () => search });
    await m.loadRows(search.slice(0, 12));
    await m.refreshSearch();
    expect(m.nextStep.value).toBeUndefined();
    await m.issueAllSearched();
    expect(m.nextStep.value).toEqual({ action: 'reserve', count: 29 });
    asked.length = 0;
    await m.runNextStep();
    expect(asked).toEqual([expect.stringContaining('29건')]); // a job still asks first
    expect(backend.jobs.at(-1)!.kind).toBe('reserve');
    expect(backend.shipments.filter((s) => s.state === 'reserved')).toHaveLength(30);
    expect(m.nextStep.value).toEqual({ action: 'print', count: 29 });
    await m.runNextStep();
    expect(backend.opened.at(-1)!.sort()).toEqual(
      search
        .slice(0, 29)
        .map((r) => r.orderNo)
        .sort(),
    );
  });

  it('a declined 예약 of the next step starts nothing', async () => {
    const backend = createFakeBackend();
    const answers = [true, false];
    const m = createOverlayModel({ ...deps(backend), confirm: () => answers.shift() ?? false });
    await m.loadRows([orderRow(1), orderRow(2)]);
    m.setSelection([orderRow(1).key, orderRow(2).key]);
    await m.issueSelected();
    await m.runNextStep();
    expect(backend.jobs).toHaveLength(1);
    expect(backend.shipments.every((s) => s.state === 'issued')).toBe(true);
  });

  it('예약 취소 asks first and does nothing when the operator says no', async () => {
    const backend = createFakeBackend();
    const rows = [orderRow(1)];
    backend.shipments.push({
      key: rows[0]!.key,
      baseKey: rows[0]!.key,
      orderNo: rows[0]!.orderNo,
      itemSnos: [],
      state: 'reserved',
      regiNo: '6000000000009',
      test: false,
      printed: false,
    });
    const no = setup(backend, { confirm: false });
    await no.loadRows(rows);
    no.setSelection([rows[0]!.key]);
    await no.cancelSelected();
    expect(no.views.value[0]!.badge.kind).toBe('reserved');
    const yes = setup(backend, { confirm: true });
    await yes.loadRows(rows);
    yes.setSelection([rows[0]!.key]);
    await yes.cancelSelected();
    expect(yes.views.value[0]!.badge.kind).toBe('unissued');
  });

  it('발급·예약 취소: an issued (not reserved) parcel is cancelled too; the confirm names the count and the rows it leaves, with why', async () => {
    const backend = createFakeBackend();
    const rows = [orderRow(1), orderRow(2), orderRow(3)];
    const parcel = (row: ListRow, state: 'issued' | 'shipping', regiNo: string) => ({
      key: row.key,
      baseKey: row.key,
      orderNo: row.orderNo,
      itemSnos: [],
      state,
      regiNo,
      test: false,
      printed: state === 'shipping',
    });
    backend.shipments.push(
      parcel(rows[0]!, 'issued', '6000000000009'),
      parcel(rows[1]!, 'issued', '6000000000016'),
      parcel(rows[2]!, 'shipping', '6000000000023'),
    );
    const asked: string[] = [];
    const m = createOverlayModel({ ...deps(backend), confirm: (text: string) => (asked.push(text), true) });
    await m.loadRows(rows);
    m.setSelection(rows.map((r) => r.key));
    await m.cancelSelected();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('선택한 2건의 우체국택배 송장을 취소합니다');
    expect(asked[0]).toContain('· 집하·배송이 시작된 소포는 취소할 수 없습니다. (1건)');
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['unissued', 'unissued', 'shipping']);
    // nothing left to cancel: the operator reads why instead of a silent no-op
    m.setSelection([rows[2]!.key]);
    await m.cancelSelected();
    expect(asked).toHaveLength(1);
    expect(m.notice.value?.text).toContain('집하·배송이 시작된 소포는 취소할 수 없습니다');
  });

  it('a badge waiting on a queued godomall write changes by itself as soon as the write lands', async () => {
    const backend = createFakeBackend();
    const row = orderRow(1);
    backend.shipments.push(waitingOnWrite(row, '6000000000009'));
    const stop = new AbortController();
    const m = createOverlayModel({ ...deps(backend), settlePollMs: 5, signal: stop.signal });
    await m.loadRows([row]);
    expect(m.views.value[0]!.badge.savePending).toBe(true);
    delete backend.shipments[0]!.savePending; // the sync's flush wrote it into godomall
    await expect.poll(() => m.views.value[0]!.badge.savePending, { timeout: 2000 }).toBeUndefined();
    stop.abort();
  });

  it("주문별 on an item added to an order that has its parcel (동일상품교환's p1 replacement): nothing sent, the operator told to go 상품별", async () => {
    const backend = createFakeBackend();
    const shipped = orderRow(1, { key: 'r1', sno: '10001', status: 'd2', statusGroup: 'd' });
    const added = orderRow(1, { key: 'r2', sno: '10068' });
    backend.shipments.push({ ...liveRow(shipped), itemSnos: ['10001'], state: 'delivered' });
    const m = createOverlayModel({ ...deps(backend), mode: 'order' });
    await m.loadRows([shipped, added]);
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['delivered', 'unissued']);
    m.setSelection(['r2']);
    await m.issueSelected();
    expect(backend.jobs).toEqual([]);
    expect(m.notice.value?.text).toContain('「상품별」로 바꿔 발급');
    m.chooseMode('item');
    await m.issueSelected();
    expect(backend.jobs.map((j) => [j.kind, j.mode, j.targets.map((x) => x.itemSnos)])).toEqual([['issue', 'item', [['10068']]]]);
  });

  it('발급 후 바로 예약: one question names both steps, and the page follows the issue into its 예약', async () => {
    const backend = createFakeBackend();
    const asked: string[] = [];
    const m = createOverlayModel({
      ...deps(backend),
      reserveAfterIssue: () => true,
      confirm: (text) => (asked.push(text), true),
    });
    await m.loadRows([orderRow(1), orderRow(2)]);
    m.setSelection([orderRow(1).key, orderRow(2).key]);
    // every state the panel passes through: the finished issue never offers its own 「예약하기」, and the
    // page stays busy until the 예약 it started answers
    const states: string[] = [];
    const stop = effect(() => {
      states.push(`${m.job.value?.kind}:${m.job.value?.status}:${m.nextStep.value?.action ?? '-'}:${m.busy.value ? 'busy' : 'idle'}`);
    });
    await m.issueSelected();
    stop();
    expect(states.filter((x) => x.startsWith('issue:done'))).toEqual(['issue:done:-:busy']);
    expect(states.filter((x) => x.endsWith(':idle'))).toEqual(['undefined:undefined:-:idle', 'reserve:done:print:idle']);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('2건에 우체국택배 송장번호를 발급');
    expect(asked[0]).toContain('바로 우체국택배에 예약');
    expect(backend.jobs.map((j) => [j.kind, j.status])).toEqual([
      ['issue', 'done'],
      ['reserve', 'done'],
    ]);
    expect(m.job.value?.kind).toBe('reserve'); // the panel ends on the 예약, its next step 출력
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['reserved', 'reserved']);
    expect(m.nextStep.value).toEqual({ action: 'print', count: 2 });
  });

  it('without the setting an issue asks about 발급 only and stops there', async () => {
    const backend = createFakeBackend();
    const asked: string[] = [];
    const m = createOverlayModel({ ...deps(backend), reserveAfterIssue: () => false, confirm: (text) => (asked.push(text), true) });
    await m.loadRows([orderRow(1)]);
    m.setSelection([orderRow(1).key]);
    await m.issueSelected();
    expect(asked[0]).not.toContain('예약');
    expect(backend.jobs.map((j) => j.kind)).toEqual(['issue']);
    expect(m.views.value[0]!.badge.kind).toBe('issued');
  });

  it('a write that stays queued (an expired session) is re-read less and less often, and at once again when another row starts waiting', async () => {
    vi.useFakeTimers();
    try {
      const backend = createFakeBackend();
      const row = orderRow(1);
      backend.shipments.push(waitingOnWrite(row, '6000000000009'));
      const reads: number[] = [];
      const rowShipments = backend.rowShipments.bind(backend);
      backend.rowShipments = (q) => (reads.push(Date.now()), rowShipments(q));
      const stop = new AbortController();
      const m = createOverlayModel({ ...deps(backend), settlePollMs: 100, signal: stop.signal });
      await m.loadRows([row, orderRow(2)]);
      await vi.advanceTimersByTimeAsync(10_000);
      const gaps = reads.slice(1).map((t, i) => t - reads[i]!);
      expect(gaps.slice(0, 5)).toEqual([100, 200, 400, 800, 1200]);
      expect(Math.max(...gaps)).toBe(1200); // capped at 12 × the first pause
      // a second row begins to wait: the pause starts short again
      backend.shipments.push(waitingOnWrite(orderRow(2), '6000000000016'));
      const before = reads.length;
      await vi.advanceTimersByTimeAsync(1200 + 100 + 200 + 400);
      const after = reads.slice(before); // the long pause's read sees the new row, then short pauses again
      expect(after.slice(1).map((t, i) => t - after[i]!)).toEqual([100, 200, 400]);
      stop.abort();
    } finally {
      vi.useRealTimers();
    }
  });

  it('without a background it still shows the rows (확인 불가, never 미발급) and says why', async () => {
    const down: OverlayBackend = {
      rowShipments: () => Promise.reject(new Error('Could not establish connection')),
      startJob: () => Promise.reject(new Error('Could not establish connection')),
      getJob: () => Promise.reject(new Error('x')),
      openLabels: () => Promise.reject(new Error('x')),
      reportTypedInvoices: () => Promise.reject(new Error('x')),
      setIssueMode: () => Promise.reject(new Error('x')),
    };
    const m = setup(down);
    await m.loadRows([orderRow(1), orderRow(2)]);
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['unknown', 'unknown']);
    expect(m.views.value[0]!.badge.detail).toContain('백그라운드');
    expect(m.backendReachable.value).toBe(false);
    expect(m.notice.value?.text).toContain('백그라운드');
    m.setSelection([orderRow(1).key]);
    await m.issueSelected();
    expect(m.notice.value?.text).toContain('할 수 있는 주문이 없습니다'); // a row it cannot read is never issued blindly
    expect(m.busy.value).toBe(false);
  });

  it('a worker of another build (an update in place): its answers are not shown, rows read 확인 불가 and the notice says why', async () => {
    const backend = createFakeBackend();
    // that worker answers in its own shape; whatever it says, this page cannot trust it
    const stale: OverlayBackend = { ...backend, rowShipments: async () => [] };
    const m = createOverlayModel({ ...deps(stale), workerIsStale: async () => true });
    await m.loadRows([orderRow(1), orderRow(2)]);
    expect(m.views.value.map((v) => v.badge.kind)).toEqual(['unknown', 'unknown']);
    expect(m.notice.value?.text).toContain('이전 버전의 백그라운드');
    expect(m.issueAllCount.value).toBe(0); // nothing it cannot read is offered for issue
  });

  it('상품별 on the grouped view asks for the per-item view instead of issuing', async () => {
    const backend = createFakeBackend();
    const m = setup(backend);
    await m.loadRows([orderRow(1)]);
    m.chooseMode('item');
    expect(backend.issueModes).toEqual(['item']); // kept by the background for the next page
    expect(m.needsItemView.value).toBe(true);
    m.setSelection([orderRow(1).key]);
    await m.issueSelected();
    expect(backend.shipments).toHaveLength(0);
    // the grouped 결제완료 list has a row per item already: 상품별 works there
    await m.loadRows([orderRow(2, { key: `${orderRow(2).orderNo}||9`, sno: '9' })]);
    expect(m.needsItemView.value).toBe(false);
  });

  it('a reloaded page picks up the job this tab started and stays disabled until it ends', async () => {
    const backend = createFakeBackend();
    let stored: string | undefined;
    const jobMemory = { load: () => stored, save: (id: string | undefined) => void (stored = id) };
    let polls = 0;
    const getJob = backend.getJob.bind(backend);
    // the first page sees one poll, then "reloads" (its polling stops answering)
    backend.getJob = async (d) => (polls++ === 0 ? getJob(d) : new Promise(() => undefined));
    const first = createOverlayModel({ ...deps(backend), jobMemory });
    const rows = [orderRow(1), orderRow(2)];
    await first.loadRows(rows);
    first.setSelection(rows.map((r) => r.key));
    void first.issueSelected();
    await new Promise((r) => setTimeout(r, 20));
    expect(stored).toBe('job-1');
    backend.getJob = getJob;
    const second = createOverlayModel({ ...deps(backend), jobMemory });
    await second.loadRows(rows);
    const resumed = second.resumeJob();
    expect(second.busy.value).toBe(true);
    await resumed;
    expect(second.job.value?.status).toBe('done');
    expect(second.busy.value).toBe(false);
    expect(stored).toBeUndefined();
    expect(second.views.value.map((v) => v.badge.kind)).toEqual(['issued', 'issued']);
  });

  it("a list opened while the admin's job runs (started in another tab) shows that job until it ends", async () => {
    const backend = createFakeBackend();
    const starter = setup(backend);
    const rows = [orderRow(1), orderRow(2), orderRow(3)];
    await starter.loadRows(rows);
    const { jobId } = await backend.startJob({
      kind: 'issue',
      adminOrigin: 'http://127.0.0.1:1',
      operatorId: 'shopadmin',
      mode: 'order',
      targets: rows.map((r) => ({ orderNo: r.orderNo, itemSnos: [] })),
    });
    backend.runningJob = async ({ adminOrigin }) =>
      backend.jobs.find((j) => j.id === jobId && j.adminOrigin === adminOrigin && j.status === 'running');
    const elsewhere = setup(backend); // another tab: nothing in its own memory
    await elsewhere.loadRows(rows);
    const shown = elsewhere.resumeJob();
    expect(elsewhere.busy.value).toBe(true);
    await shown;
    expect(elsewhere.job.value?.id).toBe(jobId);
    expect(elsewhere.job.value?.status).toBe('done');
    expect(elsewhere.busy.value).toBe(false);
    expect(elsewhere.views.value.map((v) => v.badge.kind)).toEqual(['issued', 'issued', 'issued']);
  });

  it('an issue job carries the box preset chosen in the toolbar; an unknown name falls back to the default box', async () => {
    const backend = createFakeBackend();
    const sent: Array<string | undefined> = [];
    const startJob = backend.startJob.bind(backend);
    backend.startJob = (req) => (sent.push(req.box), startJob(req));
    const m = createOverlayModel({ ...deps(backend), boxes: ['소형', '대형'] });
    expect(m.boxes).toEqual(['소형', '대형']);
    await m.loadRows([orderRow(1), orderRow(2)]);
    m.setSelection([orderRow(1).key]);
    m.chooseBox('대형');
    await m.issueSelected();
    m.chooseBox('없는박스');
    expect(m.box.value).toBe('');
    m.setSelection([orderRow(2).key]);
    await m.issueSelected();
    expect(sent).toEqual(['대형', undefined]);
  });

  it('주문별: orders to one receiver are listed and combined only when the operator says so', async () => {
    const backend = createFakeBackend();
    const sent: Array<string[][] | undefined> = [];
    const startJob = backend.startJob.bind(backend);
    backend.startJob = (req) => (sent.push(req.combine), startJob(req));
    const group = { orderNos: [orderRow(1).orderNo, orderRow(2).orderNo], receiver: '홍길동 · 서울 강남구 테헤란로 1' };
    backend.receiverGroups = async ({ orderNos }) => (orderNos.length > 1 ? [group] : []);
    const asked: string[] = [];
    const answers = [true, true, false, true];
    const m = createOverlayModel({ ...deps(backend), confirm: (text: string) => (asked.push(text), answers.shift()!) });
    await m.loadRows([orderRow(1), orderRow(2), orderRow(3)]);
    m.setSelection([orderRow(1).key, orderRow(2).key, orderRow(3).key]);
    await m.issueSelected(); // combine: yes; issue: yes
    expect(asked[0]).toContain('같은 수령자에게 가는 주문이 1묶음 있습니다.');
    expect(asked[0]).toContain(`· 홍길동 · 서울 강남구 테헤란로 1: ${group.orderNos.join(', ')}`);
    expect(sent).toEqual([[group.orderNos]]);
    await m.loadRows([orderRow(4), orderRow(5)]);
    m.setSelection([orderRow(4).key, orderRow(5).key]);
    await m.issueSelected(); // combine: no; issue: yes
    expect(sent).toEqual([[group.orderNos], undefined]);
    expect(asked).toHaveLength(4);
  });

  it('박스 지정 발급: the preview lists the selected parcels; each chosen box goes with its own order', async () => {
    const backend = createFakeBackend();
    const sent: StartJobRequest[] = [];
    const startJob = backend.startJob.bind(backend);
    backend.startJob = (req) => (sent.push(req), startJob(req));
    const m = createOverlayModel({ ...deps(backend), boxes: ['소형', '대형'] });
    const rows = [orderRow(1), orderRow(2), orderRow(3)];
    await m.loadRows(rows);
    m.setSelection([rows[0]!.key, rows[1]!.key]);
    m.previewSelected();
    expect(m.preview.value?.targets.map((x) => x.orderNo)).toEqual([rows[0]!.orderNo, rows[1]!.orderNo]);
    expect(backend.shipments).toHaveLength(0); // nothing is sent from the preview
    m.chooseBox('소형'); // the toolbar's box, for the parcels the preview leaves alone
    m.choosePreviewBox(rows[1]!.orderNo, '대형');
    m.choosePreviewBox(rows[0]!.orderNo, '없는박스'); // not a preset: the toolbar's box
    await m.issuePreview();
    expect(m.preview.value).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      kind: 'issue',
      box: '소형',
      targets: [
        { orderNo: rows[0]!.orderNo, itemSnos: [] },
        { orderNo: rows[1]!.orderNo, itemSnos: [], box: '대형' },
      ],
    });
    expect(sent[0]!.targets![0]).not.toHaveProperty('box');
    expect(backend.shipments.map((x) => x.orderNo).sort()).toEqual([rows[0]!.orderNo, rows[1]!.orderNo].sort());
  });
});
