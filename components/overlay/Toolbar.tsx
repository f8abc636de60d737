// The 「우체국택배」 toolbar in the admin's table action bar, in the admin's own button look.
// Reads the model's signals; every click goes to a model action.
import type { IssueFilter, ReserveFilter } from '../../lib/overlay/filters';
import type { Translate } from '../../lib/overlay/i18n';
import type { OverlayModel } from '../../lib/overlay/model';
import { FilterSelect } from './FilterSelect';
import { ModeSwitch } from './ModeSwitch';
import { JobPanel } from './JobPanel';
import { IssuePreview } from './IssuePreview';

export interface ToolbarProps {
  model: OverlayModel;
  t: Translate;
  placement: 'top' | 'bottom';
  /** this list in the per-item view (`?view=orderGoods`) */
  itemViewHref: string;
  /**
   * Whether a click on a job button is the operator's (default: `isTrusted`). The toolbar lives in the
   * admin's DOM, where any script (a widget, an XSS) could click it; such clicks start nothing.
   */
  isOperatorClick?: (e: Event) => boolean;
}

export const trustedOnly = (e: Event) => e.isTrusted;

export const BTN = 'btn btn-sm btn-white epg-btn';

export function Toolbar({ model: m, t, placement, itemViewHref, isOperatorClick = trustedOnly }: ToolbarProps) {
  const operator = (action: () => Promise<void>) => (e: Event) => {
    if (isOperatorClick(e)) void action();
  };
  const busy = m.busy.value;
  const next = m.nextStep.value;
  const mode = m.mode.value;
  const f = m.filters.value;
  const count = (n: number) => (m.searchCounted.value ? String(n) : `${n}${t('overlayCounting')}`);
  return (
    <div class="epg-toolbar__body" data-epg-placement={placement}>
      <div class="epg-toolbar__row">
        <span class="epg-toolbar__title">{t('overlayTitle')}</span>
        <span class="epg-toolbar__label">{t('overlayModeLabel')}</span>
        <ModeSwitch mode={mode} busy={busy} choose={m.chooseMode} t={t} btn={BTN} />
        {m.boxes.length > 0 && (
          <FilterSelect<string>
            label={t('overlayBoxLabel')}
            name="box"
            value={m.box.value}
            options={[['', t('overlayBoxDefault')], ...m.boxes.map((b) => [b, b] as const)]}
            onChange={m.chooseBox}
          />
        )}
        <FilterSelect<IssueFilter>
          label={t('overlayIssueFilterLabel')}
          name="issue"
          value={f.issue}
          options={[
            ['all', t('overlayFilterAll')],
            ['issued', t('overlayFilterIssued')],
            ['unissued', t('overlayFilterUnissued')],
            ['contactError', t('overlayFilterContactError')],
          ]}
          onChange={m.setIssueFilter}
        />
        <FilterSelect<ReserveFilter>
          label={t('overlayReserveFilterLabel')}
          name="reserve"
          value={f.reserve}
          options={[
            ['all', t('overlayFilterAll')],
            ['before', t('overlayFilterBefore')],
            ['after', t('overlayFilterAfter')],
          ]}
          onChange={m.setReserveFilter}
        />
      </div>
      <div class="epg-toolbar__row" style={{ marginTop: '4px' }}>
        <button
          type="button"
          class={BTN}
          data-epg-action="issueSelected"
          disabled={busy || m.needsItemView.value}
          onClick={operator(m.issueSelected)}
        >
          {t('overlayIssueSelected')}
        </button>
        <button
          type="button"
          class={BTN}
          data-epg-action="issueAll"
          disabled={busy || m.needsItemView.value}
          onClick={operator(m.issueAllSearched)}
        >
          {t('overlayIssueAll', count(m.issueAllCount.value))}
        </button>
        {m.boxes.length > 0 && (
          <button
            type="button"
            class={BTN}
            data-epg-action="previewSelected"
            disabled={busy || m.needsItemView.value}
            onClick={(e) => isOperatorClick(e) && m.previewSelected()}
          >
            {t('overlayPreviewSelected')}
          </button>
        )}
        <span class="epg-toolbar__sep" />
        <button type="button" class={BTN} data-epg-action="reserveSelected" disabled={busy} onClick={operator(m.reserveSelected)}>
          {t('overlayReserveSelected')}
        </button>
        <button type="button" class={BTN} data-epg-action="reserveAll" disabled={busy} onClick={operator(m.reserveAll)}>
          {t('overlayReserveAll', count(m.reserveAllCount.value))}
        </button>
        <button type="button" class={BTN} data-epg-action="cancel" disabled={busy} onClick={operator(m.cancelSelected)}>
          {t('overlayCancelReservation')}
        </button>
        <span class="epg-toolbar__sep" />
        <button type="button" class={BTN} data-epg-action="print" disabled={busy} onClick={operator(m.printSelected)}>
          {t('overlayPrint')}
        </button>
        <span class="epg-toolbar__muted" data-epg-selection>
          {t('overlaySelection', m.selectionCount.value)}
        </span>
      </div>
      {m.needsItemView.value && (
        <div class="epg-notice">
          {t('overlayItemModeNeedsView')}{' '}
          <a href={itemViewHref} data-epg-switch-view>
            {t('overlaySwitchView')}
          </a>
        </div>
      )}
      {placement === 'top' && <IssuePreview model={m} t={t} isOperatorClick={isOperatorClick} />}
      <ToolbarNotices model={m} t={t} placement={placement} />
      {placement === 'top' && next && !busy && (
        <div class="epg-toolbar__row">
          <button type="button" class={BTN} data-epg-action="next" data-epg-next={next.action} onClick={operator(m.runNextStep)}>
            {t(next.action === 'print' ? 'overlayNextPrint' : 'overlayNextReserve', next.count)}
          </button>
        </div>
      )}
    </div>
  );
}

/** The notice and the running (or last) job's panel, under either toolbar. */
export function ToolbarNotices({ model: m, t, placement }: { model: OverlayModel; t: Translate; placement: 'top' | 'bottom' }) {
  const notice = m.notice.value;
  const job = m.job.value;
  return (
    <>
      {notice && (
        <div class={`epg-notice${notice.level === 'error' ? ' epg-notice--error' : ''}`} data-epg-notice={notice.level}>
          {notice.text}{' '}
          <button type="button" class="btn btn-xs btn-white epg-btn" onClick={() => m.dismissNotice()}>
            {t('overlayClose')}
          </button>
        </div>
      )}
      {job && <JobPanel job={job} t={t} showResults={placement === 'top'} onDismiss={() => m.dismissJob()} />}
    </>
  );
}
