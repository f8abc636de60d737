// The label page: a screen-only toolbar, then one sheet per label (or the calibration sheet).
import { pageRule } from '../../lib/labels/layout';
import type { LabelPageState } from '../../lib/labels/page-state';
import type { Translate } from '../../lib/overlay/i18n';
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
  /** page chrome only: the label itself is always Korean, it is read by Korea Post */
  t: Translate;
}

export function LabelsApp({ state, calibrate, reprint, today, calibrateHref, onPrint, onExport, t }: Props) {
  const label = state.label.value;
  const status = state.status.value;
  const views = state.views.value;
  const skipped = state.data.value?.skipped ?? [];
  return (
    <>
      {/* the one @page rule: our own constant text, never order data */}
      <style>{pageRule(label.layout)}</style>
      <div class="toolbar no-print">
        <h1>{t(calibrate ? 'labelsTitleCalibrate' : reprint ? 'labelsTitleReprint' : 'labelsTitle')}</h1>
        <PrintSettings label={label} onLayout={(l) => void state.setLayout(l)} onOffsets={(x, y) => void state.setOffsets(x, y)} t={t} />
        <div class="actions">
          <button class="primary" type="button" onClick={onPrint} disabled={!calibrate && views.length === 0}>
            {calibrate ? t('labelsPrintCalibration') : t('labelsPrint', views.length)}
          </button>
          {!calibrate && (
            <a href={calibrateHref} target="_blank" rel="noopener">
              {t('labelsCalibrationLink')}
            </a>
          )}
        </div>
        {calibrate && <p class="help">{t('labelsCalibrationHelp')}</p>}
        {status.kind === 'loading' && <p>{t('labelsLoading')}</p>}
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
        {views.some((v) => v.test) && <p class="warn">{t('labelsTestWarning')}</p>}
        {state.notice.value && (
          <p class="notice" role="status">
            {state.notice.value}
          </p>
        )}
        <ExportPanel onExport={onExport} today={today} t={t} />
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
