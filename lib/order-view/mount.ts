// Puts the order panel on the order page: right below the goods tabs (상품정보, `#tabOrderStatus`),
// under a godomall-style section title, on the shop's and the supplier's order page alike.
import { SEL } from '../godomall/selectors';
import { ensureStyle } from '../overlay/style';
import { ensurePanelStyle } from './style';

const PANEL_ATTR = 'data-epg-order-panel';

/**
 * Mounts once per document (a second content-script instance finds the first one's panel and stays
 * out); undefined when the page has no goods tabs (not an order it shows, e.g. 「주문 정보가 존재하지
 * 않습니다」). `render` fills the body and returns its unmount.
 */
export function mountOrderPanel(
  doc: Document,
  title: { text: string; orderNo: string },
  render: (host: HTMLElement) => () => void,
): { unmount(): void } | undefined {
  const anchor = doc.querySelector(SEL.detailGoodsTabs);
  if (!anchor || doc.querySelector(`[${PANEL_ATTR}]`)) return undefined;
  ensureStyle(doc);
  ensurePanelStyle(doc);
  const panel = doc.createElement('div');
  panel.className = 'epg-op';
  panel.setAttribute(PANEL_ATTR, title.orderNo);
  const heading = doc.createElement('div');
  heading.className = 'table-title gd-help-manual';
  heading.textContent = title.text;
  const host = doc.createElement('div');
  panel.append(heading, host);
  anchor.insertAdjacentElement('afterend', panel);
  const unrender = render(host);
  return {
    unmount() {
      unrender();
      panel.remove();
    },
  };
}
