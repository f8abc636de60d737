// The 「우체국택배」 toolbar in the admin's table action bar, in the admin's own button look.
// Reads the model's signals; every click goes to a model action.
import type { IssueFilter, ReserveFilter } from '../../lib/overlay/filters';
import type { Translate } from '../../lib/overlay/i18n';
import type { OverlayModel } from '../../lib/overlay/model';
import { JobPanel } from './JobPanel';

export interface ToolbarProps {
  model: OverlayModel;
  t: Translate;
  placement: 'top' | 'bottom';
  /** this list in the per-item view (`?view=orderGoods`) */
  itemViewHref: string;
}

const BTN = 'btn btn-sm btn-white epg-btn';

export function Toolbar({ model: m, t, placement, itemViewHref }: ToolbarProps) {
  const busy = m.busy.value;
  const mode = m.mode.value;
  const f = m.filters.value;
  const job = m.job.value;
  const notice = m.notice.value;
  const count = (n: number) => (m.searchCounted.value ? String(n) : `${n}${t('overlayCounting')}`);
  return (
    <div class="epg-toolbar__body" data-epg-placement={placement}>
      <div class="epg-toolbar__row">
        <span class="epg-toolbar__title">{t('overlayTitle')}</span>
        <span class="epg-toolbar__label">{t('overlayModeLabel')}</span>
        <span class="btn-group">
          {(['order', 'item'] as const).map((value) => (
            <button
              type="button"
              class={`${BTN}${mode === value ? ' epg-btn--on' : ''}`}
              aria-pressed={mode === value}
              data-epg-mode={value}
              disabled={busy}
              onClick={() => m.chooseMode(value)}
            >
              {t(value === 'order' ? 'overlayModeOrder' : 'overlayModeItem')}
            </button>
          ))}
        </span>
        <label class="epg-toolbar__label">
          {t('overlayIssueFilterLabel')}{' '}
          <select
            class="form-control input-sm epg-select"
            data-epg-filter="issue"
            value={f.issue}
            onChange={(e) => m.setIssueFilter((e.currentTarget as HTMLSelectElement).value as IssueFilter)}
          >
            <option value="all">{t('overlayFilterAll')}</option>
            <option value="issued">{t('overlayFilterIssued')}</option>
            <option value="unissued">{t('overlayFilterUnissued')}</option>
            <option value="contactError">{t('overlayFilterContactError')}</option>
          </select>
        </label>
        <label class="epg-toolbar__label">
          {t('overlayReserveFilterLabel')}{' '}
          <select
            class="form-control input-sm epg-select"
            data-epg-filter="reserve"
            value={f.reserve}
            onChange={(e) => m.setReserveFilter((e.currentTarget as HTMLSelectElement).value as ReserveFilter)}
          >
            <option value="all">{t('overlayFilterAll')}</option>
            <option value="before">{t('overlayFilterBefore')}</option>
            <option value="after">{t('overlayFilterAfter')}</option>
          </select>
        </label>
      </div>
      <div class="epg-toolbar__row" style={{ marginTop: '4px' }}>
        <button type="button" class={BTN} data-epg-action="issueSelected" disabled={busy || m.needsItemView.value} onClick={() => void m.issueSelected()}>
          {t('overlayIssueSelected')}
        </button>
        <button type="button" class={BTN} data-epg-action="issueAll" disabled={busy || m.needsItemView.value} onClick={() => void m.issueAllSearched()}>
          {t('overlayIssueAll', count(m.issueAllCount.value))}
        </button>
        <span class="epg-toolbar__sep" />
        <button type="button" class={BTN} data-epg-action="reserveSelected" disabled={busy} onClick={() => void m.reserveSelected()}>
          {t('overlayReserveSelected')}
        </button>
        <button type="button" class={BTN} data-epg-action="reserveAll" disabled={busy} onClick={() => void m.reserveAll()}>
          {t('overlayReserveAll', count(m.reserveAllCount.value))}
        </button>
        <button type="button" class={BTN} data-epg-action="cancel" disabled={busy} onClick={() => void m.cancelSelected()}>
          {t('overlayCancelReservation')}
        </button>
        <span class="epg-toolbar__sep" />
        <button type="button" class={BTN} data-epg-action="print" disabled={busy} onClick={() => void m.printSelected()}>
          {t('overlayPrint')}
        </button>
        <span class="epg-toolbar__muted" data-epg-selection>
          {t('overlaySelection', m.selectedViews.value.length)}
        </span>
      </div>
      {m.needsItemView.value && (
        <div class="epg-notice">
          {t('overlayItemModeNeedsView')} <a href={itemViewHref} data-epg-switch-view>{t('overlaySwitchView')}</a>
        </div>
      )}
      {notice && (
        <div class={`epg-notice${notice.level === 'error' ? ' epg-notice--error' : ''}`} data-epg-notice={notice.level}>
          {notice.text}{' '}
          <button type="button" class="btn btn-xs btn-white epg-btn" onClick={() => m.dismissNotice()}>
            {t('overlayClose')}
          </button>
        </div>
      )}
      {job && <JobPanel job={job} t={t} showResults={placement === 'top'} onDismiss={() => m.dismissJob()} />}
    </div>
  );
}
