// State of the label page as signals, changed only by the verbs below. Collaborators (background
// messages, settings storage) come in as arguments so the page logic is testable without a browser.
import { computed, signal } from '@preact/signals';
import type { LabelData } from '../message-data';
import type { LabelLayout, Settings } from '../settings';
import { clampOffset } from './layout';
import { toLabelViews, type LabelView } from './model';

export interface LabelPageDeps {
  loadData(keys: string[]): Promise<LabelData>;
  markPrinted(keys: string[], reprint: boolean): Promise<{ moved: number }>;
  /**
   * Asked when the print dialog has closed: Chrome fires `afterprint` for Cancel too, and a print moves
   * reserved orders to 배송중 (which godomall may announce to the buyer) — so the operator confirms.
   */
  confirmPrinted(count: number, reprint: boolean): boolean | Promise<boolean>;
  saveLabelSettings(label: Settings['label']): Promise<void>;
  /** opens the print dialog (a page opened to print: the panel's 「출력」) */
  print?(): void;
}

export type PageStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export function createLabelPageState(deps: LabelPageDeps, opts: { keys: string[]; reprint: boolean; print?: boolean }) {
  const status = signal<PageStatus>({ kind: 'loading' });
  const data = signal<LabelData | undefined>(undefined);
  const label = signal<Settings['label']>({ layout: 'c-type', offsetXmm: 0, offsetYmm: 0 });
  const notice = signal('');
  /** after the first print of this page every further print is a reprint */
  const printedOnce = signal(opts.reprint);

  const views = computed<LabelView[]>(() => {
    const d = data.value;
    return d ? toLabelViews(d.shipments, { sender: d.sender, companyName: d.companyName, parcels: d.parcels }) : [];
  });

  async function load(): Promise<void> {
    if (opts.keys.length === 0) {
      status.value = { kind: 'error', message: '출력할 송장이 선택되지 않았습니다.' };
      return;
    }
    try {
      show(await deps.loadData(opts.keys));
    } catch (e) {
      status.value = { kind: 'error', message: `운송장 정보를 불러오지 못했습니다: ${errorText(e)}` };
    }
    // the operator's 「출력」 already said print: the dialog opens once the labels are there (its 인쇄 and
    // the 「출력되었습니까?」 question remain the operator's)
    if (opts.print && status.value.kind === 'ready') deps.print?.();
  }

  function show(d: LabelData): void {
    data.value = d;
    label.value = d.label;
    status.value = d.shipments.length ? { kind: 'ready' } : { kind: 'error', message: '출력할 수 있는 송장이 없습니다.' };
  }

  /** The print dialog closed: once confirmed, record the print (배송중 after reservation) — a reprint the second time. */
  async function afterPrint(): Promise<void> {
    const keys = views.value.map((v) => v.key);
    if (keys.length === 0) return;
    const reprint = printedOnce.value;
    if (!(await deps.confirmPrinted(keys.length, reprint))) {
      notice.value = '출력을 기록하지 않았습니다. 인쇄했다면 다시 「인쇄」를 눌러 주세요.';
      return;
    }
    printedOnce.value = true;
    try {
      const { moved } = await deps.markPrinted(keys, reprint);
      notice.value = reprint
        ? `재출력 ${keys.length}건을 기록했습니다.`
        : `출력 ${keys.length}건을 기록했습니다.${moved ? ` (${moved}건 배송중으로 변경)` : ''}`;
    } catch (e) {
      notice.value = `출력 기록에 실패했습니다: ${errorText(e)}`;
    }
  }

  async function setLayout(layout: LabelLayout): Promise<void> {
    await saveLabel({ ...label.value, layout });
  }

  async function setOffsets(offsetXmm: number, offsetYmm: number): Promise<void> {
    await saveLabel({ ...label.value, offsetXmm: clampOffset(offsetXmm), offsetYmm: clampOffset(offsetYmm) });
  }

  async function saveLabel(next: Settings['label']): Promise<void> {
    label.value = next;
    try {
      await deps.saveLabelSettings(next);
      notice.value = '인쇄 설정을 저장했습니다.';
    } catch (e) {
      notice.value = `인쇄 설정을 저장하지 못했습니다: ${errorText(e)}`;
    }
  }

  return {
    status,
    data,
    label,
    notice,
    printedOnce,
    views,
    load,
    show,
    afterPrint,
    setLayout,
    setOffsets,
    useLabelSettings: (l: Settings['label']) => (label.value = l),
  };
}

export type LabelPageState = ReturnType<typeof createLabelPageState>;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
