// The label page: a screen-only toolbar, then one sheet per label (or the calibration sheet).
import { pageRule } from '../../lib/labels/layout';
import type { LabelPageState } from '../../lib/labels/page-state';
import { CalibrationSheet } from './CalibrationSheet';
import { ExportPanel } from './ExportPanel';
import { Label } from './Label';
import { PrintSettings } from './PrintSettings';
import { Sheet } from './Sheet';

interface Props {
  state: LabelPageState;
  calibrate: boolean;
  reprint: boolean;
  today: string;
  calibrateHref: string;
  onPrint(): void;
  onExport(fromYmd: string, toYmd: string): Promise<{ filename: string; csv: string }>;
}

export function LabelsApp({ state, calibrate, reprint, today, calibrateHref, onPrint, onExport }: Props) {
  const label = state.label.value;
  const status = state.status.value;
  const views = state.views.value;
  const skipped = state.data.value?.skipped ?? [];
  return (
    <>
      {/* the one @page rule: our own constant text, never order data */}
      <style>{pageRule(label.layout)}</style>
      <div class="toolbar no-print">
        <h1>{calibrate ? '인쇄 위치 보정' : reprint ? '운송장 재출력' : '운송장 출력'}</h1>
        <PrintSettings label={label} onLayout={(l) => void state.setLayout(l)} onOffsets={(x, y) => void state.setOffsets(x, y)} />
        <div class="actions">
          <button class="primary" type="button" onClick={onPrint} disabled={!calibrate && views.length === 0}>
            {calibrate ? '보정 페이지 인쇄' : `인쇄 (${views.length}장)`}
          </button>
          {!calibrate && (
            <a href={calibrateHref} target="_blank" rel="noopener">
              인쇄 위치 보정 페이지
            </a>
          )}
        </div>
        {calibrate && (
          <p class="help">
            라벨 용지에 인쇄한 뒤 십자선 중심이 용지 왼쪽·위쪽 가장자리에서 몇 mm에 찍혔는지 재어 주세요. 기대 위치보다 오른쪽으로
            2mm 밀렸다면 가로 보정을 -2, 아래로 1mm 밀렸다면 세로 보정을 -1 로 저장합니다.
          </p>
        )}
        {status.kind === 'loading' && <p>운송장 정보를 불러오는 중…</p>}
        {status.kind === 'error' && !calibrate && <p class="error">{status.message}</p>}
        {skipped.length > 0 && (
          <ul class="skipped">
            {skipped.map((s) => (
              <li key={s.key}>
                {s.key}: {s.reason}
              </li>
            ))}
          </ul>
        )}
        {views.some((v) => v.test) && <p class="warn">테스트 모드로 발급된 송장입니다. 실제 배송에 사용할 수 없습니다.</p>}
        {state.notice.value && (
          <p class="notice" role="status">
            {state.notice.value}
          </p>
        )}
        <ExportPanel onExport={onExport} today={today} />
      </div>
      <main class="sheets">
        {calibrate ? (
          <CalibrationSheet label={label} />
        ) : (
          views.map((v) => (
            <Sheet key={v.key} label={label}>
              <Label v={v} />
            </Sheet>
          ))
        )}
      </main>
    </>
  );
}
