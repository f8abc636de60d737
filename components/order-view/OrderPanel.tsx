// The 「우체국택배」 panel on the order page: the order's parcels with their state, scans and the actions
// the rules allow, the audit, and the list jobs' notices. Reads the model's signals; every click goes to
// a model action, and only the operator's own clicks count (as on the lists' toolbar).
import type { ShipmentState } from '../../lib/db/types';
import type { Translate } from '../../lib/overlay/i18n';
import type { OrderPanelModel, ParcelKind, ParcelView } from '../../lib/order-view/model';
import { BTN, ToolbarNotices, trustedOnly } from '../overlay/Toolbar';
import { ModeSwitch } from '../overlay/ModeSwitch';

export interface OrderPanelProps {
  model: OrderPanelModel;
  t: Translate;
  isOperatorClick?: (e: Event) => boolean;
}

const KIND_KEY: Record<ParcelKind, string> = {
  delivery: 'overlayOrderKindDelivery',
  returnPickup: 'overlayOrderKindReturnPickup',
  exchangePickup: 'overlayOrderKindExchangePickup',
  exchangeReship: 'overlayOrderKindExchangeReship',
};

const STATE_KEY: Record<ShipmentState, string> = {
  pending: 'overlayBadgePending',
  issued: 'overlayBadgeIssued',
  reserved: 'overlayBadgeReserved',
  shipping: 'overlayBadgeShipping',
  delivered: 'overlayBadgeDelivered',
  void: 'overlayOrderStateVoid',
  failed: 'overlayOrderStateFailed',
  unlinked: 'overlayBadgeUnlinked',
};

/** a return pickup's states in the claim lists' words (회수 접수 / 회수 중 / 회수 완료) */
const PICKUP_STATE_KEY: Partial<Record<ShipmentState, string>> = {
  pending: 'overlayPickupPending',
  reserved: 'overlayPickupBooked',
  shipping: 'overlayPickupMoving',
  delivered: 'overlayPickupDone',
};

const AUDIT_KEY: Record<string, string> = {
  issue: 'overlayOrderAuditIssue',
  reserve: 'overlayOrderAuditReserve',
  print: 'overlayOrderAuditPrint',
  reprint: 'overlayOrderAuditReprint',
  cancel: 'overlayOrderAuditCancel',
  void: 'overlayOrderAuditVoid',
  unlink: 'overlayOrderAuditUnlink',
  status: 'overlayOrderAuditStatus',
  adopt: 'overlayOrderAuditAdopt',
};

const pad = (n: number) => String(n).padStart(2, '0');
/** epoch ms → `YYYY-MM-DD HH:mm` in KST, whatever the PC's time zone (Korea Post and godomall speak KST) */
function kst(at: number): string {
  const d = new Date(at + 9 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function OrderPanel({ model: m, t, isOperatorClick = trustedOnly }: OrderPanelProps) {
  const operator = (action: () => Promise<void>) => (e: Event) => {
    if (isOperatorClick(e)) void action();
  };
  const busy = m.busy.value;
  const mode = m.mode.value;
  const claims = m.claimRows.value;
  const parcels = m.parcels.value;
  const audit = m.audit.value;
  return (
    <div class="epg-op__body">
      <div class="epg-op__actions">
        <span class="epg-op__label">{t('overlayModeLabel')}</span>
        <ModeSwitch mode={mode} busy={busy} choose={m.chooseMode} t={t} btn={BTN} />
        <button type="button" class={BTN} data-epg-action="issue" disabled={busy || !m.canIssue.value} onClick={operator(m.issue)}>
          {t(m.reissue.value ? 'overlayOrderReissue' : 'overlayOrderIssue')}
        </button>
        {claims.b > 0 && (
          <button
            type="button"
            class={BTN}
            data-epg-action="pickup-b"
            disabled={busy || !m.canPickup.value.b}
            onClick={operator(() => m.pickup('b'))}
          >
            {t('overlayOrderPickupReturn')}
          </button>
        )}
        {claims.e > 0 && (
          <button
            type="button"
            class={BTN}
            data-epg-action="pickup-e"
            disabled={busy || !m.canPickup.value.e}
            onClick={operator(() => m.pickup('e'))}
          >
            {t('overlayOrderPickupExchange')}
          </button>
        )}
        {m.replacementRows.value > 0 && (
          <button type="button" class={BTN} data-epg-action="reship" disabled={busy || !m.canReship.value} onClick={operator(m.reship)}>
            {t('overlayOrderReship')}
          </button>
        )}
        <span class="epg-op__spacer" />
        <button type="button" class={BTN} data-epg-action="refresh" disabled={busy} onClick={() => void m.refresh()}>
          {t('overlayOrderRefresh')}
        </button>
      </div>
      {m.loadError.value && (
        <div class="epg-notice epg-notice--error" data-epg-notice="error">
          {m.loadError.value}
        </div>
      )}
      {m.models.map((lm) => (
        <ToolbarNotices model={lm} t={t} placement="top" />
      ))}
      {m.models.some((lm) => lm.job.value?.status === 'done') && (
        <div class="epg-op__muted" data-epg-page-stale>
          {t('overlayOrderPageStale')}
        </div>
      )}
      <table class="table table-rows epg-op__parcels">
        <colgroup>
          <col style={{ width: '90px' }} />
          <col style={{ width: '150px' }} />
          <col style={{ width: '130px' }} />
          <col style={{ width: '110px' }} />
          <col />
          <col style={{ width: '210px' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('overlayOrderColKind')}</th>
            <th>{t('overlayOrderColNumber')}</th>
            <th>{t('overlayOrderColState')}</th>
            <th>{t('overlayOrderColItems')}</th>
            <th>{t('overlayOrderColTracking')}</th>
            <th>{t('overlayOrderColActions')}</th>
          </tr>
        </thead>
        <tbody>
          {!m.loaded.value ? (
            <tr>
              <td colSpan={6} class="no-data">
                {t('overlayOrderLoading')}
              </td>
            </tr>
          ) : parcels.length === 0 ? (
            <tr>
              <td colSpan={6} class="no-data" data-epg-no-parcels>
                {t('overlayOrderNoParcels')}
              </td>
            </tr>
          ) : (
            parcels.map((v) => <ParcelRow key={v.parcel.key} view={v} model={m} t={t} busy={busy} operator={operator} />)
          )}
        </tbody>
      </table>
      {audit.length > 0 && (
        <details class="epg-op__audit" data-epg-audit>
          <summary>{t('overlayOrderAudit', audit.length)}</summary>
          <table class="table table-rows">
            <thead>
              <tr>
                <th>{t('overlayOrderAuditAt')}</th>
                <th>{t('overlayOrderAuditWho')}</th>
                <th>{t('overlayOrderAuditWhat')}</th>
                <th>{t('overlayOrderColNumber')}</th>
                <th>{t('overlayOrderAuditDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((a) => (
                <tr>
                  <td class="text-center">{kst(a.at)}</td>
                  <td class="text-center">{a.operatorId}</td>
                  <td class="text-center">{AUDIT_KEY[a.action] ? t(AUDIT_KEY[a.action]!) : a.action}</td>
                  <td class="text-center epg-op__no">{a.regiNo}</td>
                  <td class="epg-op__detail">{a.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}

function ParcelRow({
  view: { parcel: p, kind, actions },
  model: m,
  t,
  busy,
  operator,
}: {
  view: ParcelView;
  model: OrderPanelModel;
  t: Translate;
  busy: boolean;
  operator: (action: () => Promise<void>) => (e: Event) => void;
}) {
  const stateKey = (p.pickup && PICKUP_STATE_KEY[p.state]) || STATE_KEY[p.state];
  const last = p.events[p.events.length - 1];
  const gone = p.state === 'void' || p.state === 'failed';
  return (
    <tr class={`epg-op__parcel${gone ? ' epg-op__parcel--gone' : ''}`} data-epg-parcel={p.key} data-epg-state={p.state}>
      <td class="text-center">{t(KIND_KEY[kind])}</td>
      <td class="text-center">
        <span class="epg-op__no" data-epg-number>
          {p.regiNo || '-'}
        </span>
        {p.test && <span class="epg-badge__test">{t('overlayBadgeTest')}</span>}
      </td>
      <td class="text-center">
        <span class={`epg-op__state epg-op__state--${p.state}`}>{t(stateKey)}</span>
        {p.exception && <div class="epg-op__warn">{p.exception.reason}</div>}
        {!p.exception && p.message && <div class="epg-op__muted">{p.message}</div>}
        {p.savePending && <div class="epg-op__muted">{t('overlayBadgeSavePending')}</div>}
      </td>
      <td class="text-center">{p.itemSnos.length ? p.itemSnos.join(', ') : t('overlayOrderWholeOrder')}</td>
      <td class="epg-op__track">
        {p.events.length === 0 ? (
          <span class="epg-op__muted">{t('overlayOrderNoScans')}</span>
        ) : (
          <details class="epg-op__timeline" data-epg-timeline open={!gone}>
            <summary>
              {last!.when} {last!.location} <strong>{last!.statusText}</strong>
            </summary>
            <ol>
              {p.events.map((e) => (
                <li>
                  <span class="epg-op__when">{e.when}</span> {e.location} <strong>{e.statusText}</strong>
                  {e.detail && <span class="epg-op__muted"> ({e.detail})</span>}
                </li>
              ))}
            </ol>
          </details>
        )}
      </td>
      <td class="text-center epg-op__buttons">
        {actions.has('reserve') && (
          <button type="button" class={BTN} data-epg-action="reserve" disabled={busy} onClick={operator(() => m.reserve(p.key))}>
            {t('overlayOrderReserve')}
          </button>
        )}
        {actions.has('cancel') && (
          <button type="button" class={BTN} data-epg-action="cancel" disabled={busy} onClick={operator(() => m.cancel(p.key))}>
            {t(p.pickup ? 'overlayPickupCancel' : 'overlayCancelReservation')}
          </button>
        )}
        {actions.has('print') && (
          <button type="button" class={BTN} data-epg-action="print" disabled={busy} onClick={operator(() => m.print(p.key))}>
            {t('overlayPrint')}
          </button>
        )}
      </td>
    </tr>
  );
}
