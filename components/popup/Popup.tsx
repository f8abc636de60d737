// The dashboard: counts per state, last/next sync, manual sync, rows needing action, connection.
import type { DashboardData } from '../../lib/messages';
import { t } from '../common/i18n';
import type { PopupModel } from './model';
import { orderViewUrl } from '../../lib/godomall/pages';

const COUNT_KEYS: Array<[keyof DashboardData['counts'], string, string]> = [
  ['issued', 'popupCountIssued', ''],
  ['reserved', 'popupCountReserved', ''],
  ['shipping', 'popupCountShipping', ''],
  ['delivered', 'popupCountDelivered', ''],
  ['pickups', 'popupCountPickups', 'half'],
  ['unlinked', 'popupCountUnlinked', 'half'],
  ['contactError', 'popupCountContactError', 'warn'],
  ['exceptions', 'popupCountExceptions', 'warn'],
  ['pendingWrites', 'popupCountPendingWrites', 'warn'],
];

const fmt = (ms: number | undefined) =>
  ms ? new Date(ms).toLocaleString('ko-KR', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';

export function Popup({ m }: { m: PopupModel }) {
  const d = m.data.value;
  if (!d)
    return m.error.value ? (
      <p class="loading" role="alert" data-state="error">
        {m.error.value}
      </p>
    ) : (
      <p class="loading">{t('popupLoading')}</p>
    );
  const conn = d.connection;
  const syncing = d.syncing || m.requested.value;
  const last = d.lastSync?.finishedAt ? d.lastSync : undefined;
  return (
    <main class="popup">
      <header class="popup__head">
        <h1>{t('popupTitle')}</h1>
        <button
          type="button"
          class={`conn conn--${conn.state}`}
          data-connection={conn.state}
          onClick={() => void m.openOptions()}
          title={t('popupOpenOptions')}
        >
          {t(`popupConn_${conn.state}`)}
        </button>
      </header>
      {d.testMode && (
        <p class="banner banner--test" data-banner="test-mode" role="status">
          {t('popupTestBanner')}
        </p>
      )}
      {conn.state !== 'connected' && (
        <p class="banner banner--setup">
          {conn.state === 'error' ? conn.message : t('popupNotConnected')}{' '}
          <a href="#" onClick={(e) => (e.preventDefault(), void m.openOptions())}>
            {t('popupOpenOptions')}
          </a>
        </p>
      )}
      <section class="counts" aria-label={t('popupCounts')}>
        {m.unissuedInView.value !== undefined && (
          <div class="count count--view" data-count="unissuedInView">
            <span class="count__n">{m.unissuedInView.value}</span>
            <span class="count__label">{t('popupCountUnissuedInView')}</span>
          </div>
        )}
        {COUNT_KEYS.map(([k, label, tone]) => (
          <div
            class={`count${tone ? ` count--${tone}` : ''}${tone === 'warn' && d.counts[k] > 0 ? ' count--alert' : ''}`}
            data-count={k}
            key={k}
          >
            <span class="count__n">{d.counts[k]}</span>
            <span class="count__label">{t(label)}</span>
          </div>
        ))}
        <p class="counts__live" data-count="live" title={t('popupCountLiveHint')}>
          {t('popupCountLive', String(d.counts.live))}
        </p>
      </section>
      <section class="sync">
        <dl>
          <dt>{t('popupLastSync')}</dt>
          <dd data-sync="last">
            {last ? `${fmt(last.finishedAt)} · ${t('popupSyncResult', last.checked, last.delivered, last.errors.length)}` : '—'}
          </dd>
          <dt>{t('popupNextSync')}</dt>
          <dd data-sync="next">{fmt(d.nextSyncAt)}</dd>
          <dt>{t('popupTrackingBudget')}</dt>
          <dd data-sync="budget">
            {t('popupTrackingBudgetValue', d.tracking.usedToday.toLocaleString('ko-KR'), d.tracking.dailyBudget.toLocaleString('ko-KR'))}
          </dd>
        </dl>
        <button type="button" class="btn btn--primary" data-action="sync-now" disabled={syncing} onClick={() => void m.syncNow()}>
          {syncing
            ? d.syncProgress
              ? t('popupSyncingCount', d.syncProgress.checked, d.syncProgress.total)
              : t('popupSyncing')
            : t('popupSyncNow')}
        </button>
        {syncing && <SyncBar progress={d.syncProgress} />}
        {last && last.errors.length > 0 && (
          <ul class="sync__errors">
            {last.errors.slice(0, 3).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        )}
      </section>
      <section class="todo" aria-labelledby="todo-h">
        <h2 id="todo-h">
          {t('popupNeedsAction')} <span class="pill">{d.needsAction.length}</span>
        </h2>
        {d.needsAction.length === 0 ? (
          <p class="hint">{t('popupNothingToDo')}</p>
        ) : (
          <ul data-list="needs-action">
            {d.needsAction.map((r) => (
              <li key={`${r.key}-${r.reason}`}>
                <a
                  href={orderViewUrl(r.adminBase ?? r.adminOrigin, r.orderNo)}
                  target="_blank"
                  rel="noreferrer"
                  onClick={(e) => (e.preventDefault(), void m.openUrl(orderViewUrl(r.adminBase ?? r.adminOrigin, r.orderNo)))}
                >
                  {r.orderNo}
                </a>
                <span class="reason">{r.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {d.runningJobs.length > 0 && (
        <p class="hint" data-running-jobs={d.runningJobs.length}>
          {t('popupRunningJobs', d.runningJobs.length)}
        </p>
      )}
      {m.error.value && <p class="error">{m.error.value}</p>}
      <footer>
        <a href="#" onClick={(e) => (e.preventDefault(), void m.openOptions())}>
          {t('popupSettingsLink')}
        </a>
      </footer>
    </main>
  );
}

/** Determinate when the number of parcels is known, otherwise a moving bar. */
function SyncBar({ progress }: { progress?: { checked: number; total: number } }) {
  if (!progress || progress.total === 0) return <div class="progress" role="progressbar" aria-label={t('popupSyncNow')} />;
  const pct = Math.round((progress.checked / progress.total) * 100);
  return (
    <div
      class="progress progress--known"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-progress={`${progress.checked}/${progress.total}`}
    >
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}
