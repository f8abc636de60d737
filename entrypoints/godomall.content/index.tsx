// Content script on the godomall admin: the 우체국 overlay on the order lists, the panel on the order page.
import { render } from 'preact';
import { fetchAllSearchRows, lastPageOf } from '../../lib/godomall/search';
import {
  claimListOf,
  isOrderListPage,
  isOrderViewPage,
  isProviderAdmin,
  isReshipList,
  notedPageOf,
  orderBaseUrl,
  userClaimListOf,
  type NotedPage,
} from '../../lib/godomall/pages';
import { readOperatorId } from '../../lib/godomall/rows';
import { createTranslator, type Translate } from '../../lib/overlay/i18n';
import { createOverlayModel } from '../../lib/overlay/model';
import { mountPageNote } from '../../lib/overlay/page-note';
import { mountUserClaimBadges } from '../../lib/overlay/user-claims';
import { mountOverlay, whenPageFree } from '../../lib/overlay/mount';
import { courierListWarning, fetchAdminDoc, itemViewHref, tabJobMemory } from '../../lib/overlay/page';
import { loadSettings, watchSettings } from '../../lib/settings';
import { Toolbar } from '../../components/overlay/Toolbar';
import { PickupToolbar } from '../../components/overlay/PickupToolbar';
import { messagingBackend } from './backend';
import { STALE_WORKER_MESSAGE, workerIsStale } from '../../lib/build-stamp';
import { runOrderPanel } from './order-view';

const SANDBOX = import.meta.env.MODE === 'sandbox';

/** the note on each of the admin's other parcel pages (why no overlay there) */
const NOTE_KEY: Record<NotedPage, string> = {
  closed: 'overlayNoteClosed',
  userClaim: 'overlayNoteUserClaim',
  userRefund: 'overlayNoteUserRefund',
  logistics: 'overlayNoteLogistics',
  invoiceUpload: 'overlayNoteInvoiceUpload',
  godoPost: 'overlayNoteGodoPost',
};

export default defineContentScript({
  matches: [
    '*://*.godomall.com/order/*',
    '*://*.godomall.com/provider/order/*',
    ...(SANDBOX ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
  ],
  runAt: 'document_idle',
  async main(ctx) {
    const pageUrl = location.href;
    const orderView = isOrderViewPage(pageUrl);
    const noted = notedPageOf(pageUrl);
    if (!orderView && !noted && !isOrderListPage(pageUrl)) return;
    const settings = await loadSettings().catch(() => undefined);
    if (ctx.isInvalid) return;
    // the generated i18n types only know keys present at `wxt prepare` time; ours are checked by a unit test
    const getMessage = browser.i18n.getMessage.bind(browser.i18n) as (key: string, subs?: string[]) => string;
    const t = createTranslator((key, subs) => getMessage(key, subs));
    if (orderView) return runOrderPanel(ctx, pageUrl, settings, t);
    if (noted) {
      const note = mountPageNote(document, t('overlayTitle'), t(NOTE_KEY[noted]));
      if (note) ctx.onInvalidated(note.unmount);
      const userClaim = userClaimListOf(pageUrl);
      if (note && userClaim) runUserClaimBadges(ctx, pageUrl, userClaim, t);
      return;
    }
    const claim = claimListOf(pageUrl);
    // read at each question: a change saved in the options while the list is open counts
    let reserveAfterIssue = settings?.reserveAfterIssue === true;
    ctx.onInvalidated(watchSettings((s) => (reserveAfterIssue = s.reserveAfterIssue === true)));
    const model = createOverlayModel({
      backend: messagingBackend,
      workerIsStale,
      adminOrigin: location.origin,
      ...(isProviderAdmin(pageUrl) ? { adminBase: orderBaseUrl(pageUrl) } : {}),
      mode: settings?.issueMode ?? 'order',
      boxes: settings?.boxes.map((b) => b.name) ?? [],
      reserveAfterIssue: () => reserveAfterIssue,
      ...(claim ? { claim } : {}),
      ...(isReshipList(pageUrl) ? { reship: true as const } : {}),
      t,
      operatorId: () => readOperatorId(document),
      // one page holding the whole search needs no second read of it
      ...(lastPageOf(document) > 1 ? { fetchSearchRows: () => fetchAllSearchRows(pageUrl, (u) => fetchAdminDoc(u, ctx.signal)) } : {}),
      confirm: (text) => window.confirm(text),
      jobMemory: tabJobMemory(location.origin),
      // the page's own performance timeline: DevTools and the bench (tests/bench/operator-browser.ts) read it
      trace: (step, detail) => void performance.mark(`epg:${step}`, { detail }),
      signal: ctx.signal,
    });
    if (!(await whenPageFree(document, 3000, ctx.signal)) || ctx.isInvalid) return;
    const mounted = mountOverlay({
      doc: document,
      model,
      t,
      pageUrl,
      signal: ctx.signal,
      renderToolbar(host, placement) {
        render(
          claim ? (
            <PickupToolbar model={model} t={t} placement={placement} />
          ) : (
            <Toolbar model={model} t={t} placement={placement} itemViewHref={itemViewHref(pageUrl)} />
          ),
          host,
        );
        return () => render(null, host);
      },
    });
    if (!mounted) return;
    ctx.onInvalidated(mounted.unmount);
    const courierProblem = courierListWarning(document);
    if (courierProblem) model.warn(courierProblem);
    void model.refreshSearch();
    void model.resumeJob();
  },
});

/** The customers' 반품/교환 requests: each row's pickup (or why none can be booked yet), no toolbar. */
function runUserClaimBadges(ctx: { onInvalidated(cb: () => void): void }, pageUrl: string, claim: 'b' | 'e', t: Translate): void {
  const badges = mountUserClaimBadges({
    doc: document,
    claim,
    t,
    pageUrl,
    async lookup(orderNos) {
      const got = await messagingBackend.rowShipments({ adminOrigin: location.origin, orderNos }).catch(() => {
        throw new Error(t('overlayBackgroundUnavailable'));
      });
      // a worker of another build answers in its own shape (issue 19)
      if (await workerIsStale().catch(() => false)) throw new Error(STALE_WORKER_MESSAGE);
      return got;
    },
  });
  // back from the 반품/교환 list (a pickup booked there) or the godomall layer that accepted a request
  const onVisible = () => {
    if (document.visibilityState === 'visible') void badges.refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  ctx.onInvalidated(() => {
    document.removeEventListener('visibilitychange', onVisible);
    badges.unmount();
  });
  void badges.refresh();
}
