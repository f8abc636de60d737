// The label page's state against an in-memory background: print → reprint, load failures, offsets.
import { describe, expect, it } from 'vitest';
import { shapeLabelData } from '../../../lib/labels/data';
import { createLabelPageState, type LabelPageDeps } from '../../../lib/labels/page-state';
import type { Shipment } from '../../../lib/db/types';
import type { Settings } from '../../../lib/settings';
import { SENDER, shipment } from './shipment.fixture';

/** A tiny background: the journal rows, print audit, and the stored label settings. */
function fakeBackground(rows: Shipment[], answers: boolean[] = []) {
  const audit: Array<{ key: string; action: 'print' | 'reprint' }> = [];
  let label: Settings['label'] = { layout: 'c-type', offsetXmm: 0, offsetYmm: 0 };
  const deps: LabelPageDeps = {
    loadData: async (keys) => shapeLabelData(keys, rows, rows, { sender: SENDER, companyName: '햇살농장', label }),
    markPrinted: async (keys, reprint) => {
      let moved = 0;
      for (const s of rows.filter((r) => keys.includes(r.key))) {
        audit.push({ key: s.key, action: reprint ? 'reprint' : 'print' });
        if (s.state === 'reserved') {
          s.state = 'shipping';
          moved++;
        }
      }
      return { moved };
    },
    saveLabelSettings: async (l) => {
      label = l;
    },
    // the operator's answers to 「출력되었습니까?」, in order; yes when not scripted
    confirmPrinted: () => answers.shift() ?? true,
  };
  return { deps, audit, label: () => label };
}

describe('label page state', () => {
  it('first print records print (and 배송중), every later print is a reprint', async () => {
    const bg = fakeBackground([shipment({ key: 'A' }), shipment({ key: 'B', orderNo: 'B', state: 'issued' })]);
    const st = createLabelPageState(bg.deps, { keys: ['A', 'B'], reprint: false });
    await st.load();
    expect(st.status.value).toEqual({ kind: 'ready' });
    expect(st.views.value.map((v) => v.regiNoText)).toEqual(['68921-2231-6034', '68921-2231-6034']);
    await st.afterPrint();
    expect(st.notice.value).toBe('출력 2건을 기록했습니다. (1건 배송중으로 변경)');
    await st.afterPrint();
    expect(st.notice.value).toBe('재출력 2건을 기록했습니다.');
    expect(bg.audit.map((a) => a.action)).toEqual(['print', 'print', 'reprint', 'reprint']);
  });

  it("a page opened to print (the job panel's 출력) opens the dialog once its labels are shown, and never without labels", async () => {
    const bg = fakeBackground([shipment({ key: 'A' })]);
    let dialogs = 0;
    const st = createLabelPageState({ ...bg.deps, print: () => dialogs++ }, { keys: ['A'], reprint: false, print: true });
    await st.load();
    expect(dialogs).toBe(1);
    expect(bg.audit).toEqual([]); // the print is recorded only after the operator's 확인
    const none = createLabelPageState({ ...bg.deps, print: () => dialogs++ }, { keys: ['gone'], reprint: false, print: true });
    await none.load();
    expect(dialogs).toBe(1);
    const plain = createLabelPageState({ ...bg.deps, print: () => dialogs++ }, { keys: ['A'], reprint: false });
    await plain.load();
    expect(dialogs).toBe(1);
  });

  it('a cancelled print dialog records nothing, and the next confirmed one is the first print', async () => {
    const bg = fakeBackground([shipment({ key: 'A' })], [false, true]);
    const st = createLabelPageState(bg.deps, { keys: ['A'], reprint: false });
    await st.load();
    await st.afterPrint();
    expect(bg.audit).toEqual([]);
    expect(st.notice.value).toContain('기록하지 않았습니다');
    await st.afterPrint();
    expect(bg.audit).toEqual([{ key: 'A', action: 'print' }]);
  });

  it('a page opened as a reprint records reprints from the start', async () => {
    const bg = fakeBackground([shipment({ key: 'A', state: 'shipping' })]);
    const st = createLabelPageState(bg.deps, { keys: ['A'], reprint: true });
    await st.load();
    await st.afterPrint();
    expect(bg.audit).toEqual([{ key: 'A', action: 'reprint' }]);
  });

  it('says why there is nothing to print', async () => {
    const none = createLabelPageState(fakeBackground([]).deps, { keys: [], reprint: false });
    await none.load();
    expect(none.status.value).toEqual({ kind: 'error', message: '출력할 송장이 선택되지 않았습니다.' });

    const voided = createLabelPageState(fakeBackground([shipment({ key: 'V', state: 'void' })]).deps, { keys: ['V'], reprint: false });
    await voided.load();
    expect(voided.status.value.kind).toBe('error');
    expect(voided.data.value?.skipped?.[0]?.reason).toContain('취소된 송장번호');

    const broken = createLabelPageState(
      { ...fakeBackground([]).deps, loadData: () => Promise.reject(new Error('연결 끊김')) },
      { keys: ['A'], reprint: false },
    );
    await broken.load();
    expect(broken.status.value).toEqual({ kind: 'error', message: '운송장 정보를 불러오지 못했습니다: 연결 끊김' });
    await broken.afterPrint(); // nothing shown, nothing recorded
    expect(broken.notice.value).toBe('');
  });

  it('stores the stock and clamped offsets', async () => {
    const bg = fakeBackground([shipment({ key: 'A' })]);
    const st = createLabelPageState(bg.deps, { keys: ['A'], reprint: false });
    await st.load();
    await st.setLayout('thermal-100x150');
    await st.setOffsets(2.26, -99);
    expect(bg.label()).toEqual({ layout: 'thermal-100x150', offsetXmm: 2.3, offsetYmm: -20 });
    expect(st.label.value).toEqual(bg.label());
  });
});
