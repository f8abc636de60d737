// The 「우체국택배」 toolbar on godomall's claim lists (반품 / 교환): 반품 회수 접수 for the selected claims
// or the whole search, and its cancel (before the courier prints the waybill). Same look and rules as
// the order lists' toolbar: a job starts only from the operator's own click, after a confirmation.
import type { Translate } from '../../lib/overlay/i18n';
import type { OverlayModel } from '../../lib/overlay/model';
import { BTN, ToolbarNotices, trustedOnly } from './Toolbar';

export interface PickupToolbarProps {
  model: OverlayModel;
  t: Translate;
  placement: 'top' | 'bottom';
  isOperatorClick?: (e: Event) => boolean;
}

export function PickupToolbar({ model: m, t, placement, isOperatorClick = trustedOnly }: PickupToolbarProps) {
  const operator = (action: () => Promise<void>) => (e: Event) => {
    if (isOperatorClick(e)) void action();
  };
  const busy = m.busy.value;
  const count = (n: number) => (m.searchCounted.value ? String(n) : `${n}${t('overlayCounting')}`);
  return (
    <div class="epg-toolbar__body" data-epg-placement={placement} data-epg-claim={m.claim}>
      <div class="epg-toolbar__row">
        <span class="epg-toolbar__title">{t('overlayTitle')}</span>
        <span class="epg-toolbar__label">{t(m.claim === 'e' ? 'overlayPickupExchangeLabel' : 'overlayPickupReturnLabel')}</span>
        <button type="button" class={BTN} data-epg-action="pickupSelected" disabled={busy} onClick={operator(m.pickupSelected)}>
          {t('overlayPickupSelected')}
        </button>
        <button type="button" class={BTN} data-epg-action="pickupAll" disabled={busy} onClick={operator(m.pickupAllSearched)}>
          {t('overlayPickupAll', count(m.pickupAllCount.value))}
        </button>
        <span class="epg-toolbar__sep" />
        <button type="button" class={BTN} data-epg-action="cancel" disabled={busy} onClick={operator(m.cancelSelected)}>
          {t('overlayPickupCancel')}
        </button>
        <span class="epg-toolbar__muted" data-epg-selection>
          {t('overlaySelection', m.selectionCount.value)}
        </span>
      </div>
      <ToolbarNotices model={m} t={t} placement={placement} />
    </div>
  );
}
