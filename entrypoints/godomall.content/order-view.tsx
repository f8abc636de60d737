// The order page (order_view.php, shop and supplier admin): the 「우체국택배」 panel under the goods tabs.
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isProviderAdmin, orderBaseUrl } from '../../lib/godomall/pages';
import { readOrderNo } from '../../lib/godomall/order';
import { readOperatorId } from '../../lib/godomall/rows';
import type { Translate } from '../../lib/overlay/i18n';
import { createOrderPanelModel } from '../../lib/order-view/model';
import { mountOrderPanel } from '../../lib/order-view/mount';
import { fetchTabRows, type TabIo } from '../../lib/order-view/page';
import type { Settings } from '../../lib/settings';
import { OrderPanel } from '../../components/order-view/OrderPanel';
import { orderPanelBackend } from './backend';

const TAB_IO: TabIo = {
  fetch: (url, init) => fetch(url, init),
  parse: (html) => new DOMParser().parseFromString(html, 'text/html'),
};

export function runOrderPanel(ctx: ContentScriptContext, pageUrl: string, settings: Settings | undefined, t: Translate): void {
  const orderNo = readOrderNo(document);
  if (!/^\d+$/.test(orderNo)) return; // 「주문 정보가 존재하지 않습니다」: nothing to show
  const model = createOrderPanelModel({
    backend: orderPanelBackend,
    adminOrigin: location.origin,
    ...(isProviderAdmin(pageUrl) ? { adminBase: orderBaseUrl(pageUrl) } : {}),
    mode: settings?.issueMode ?? 'order',
    boxes: settings?.boxes.map((b) => b.name) ?? [],
    t,
    operatorId: () => readOperatorId(document),
    confirm: (text) => window.confirm(text),
    signal: ctx.signal,
    orderNo,
    tabRows: (tab) => fetchTabRows(pageUrl, orderNo, tab, TAB_IO, ctx.signal),
  });
  const mounted = mountOrderPanel(document, { text: t('overlayTitle'), orderNo }, (host) => {
    render(<OrderPanel model={model} t={t} />, host);
    return () => render(null, host);
  });
  if (!mounted) return;
  ctx.onInvalidated(mounted.unmount);
  // the label page prints in another tab: coming back shows what the print moved (and other tabs' work)
  const onVisible = () => {
    if (document.visibilityState === 'visible' && !model.busy.value) void model.refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  ctx.onInvalidated(() => document.removeEventListener('visibilitychange', onVisible));
  void model.refresh();
}
