// Binds the overlay model to the admin's list page: toolbars in the table action bars, a badge in
// every row, filters as a class on the row's <tr>s, selection from the admin's own checkboxes.
// Idempotent (markers on the elements it adds, one owner per document) and self-healing (a
// MutationObserver re-attaches when the admin replaces the table or the action bars).
import { effect } from '@preact/signals';
import { readListRowsWithElements, badgeCell, type ListRowElements } from '../godomall/rows';
import { orderViewUrl } from '../godomall/pages';
import { SEL } from '../godomall/selectors';
import { BADGE_ATTR, badgeElementIn, paintBadge } from './badge-dom';
import { isFiltering, rowVisible } from './filters';
import type { Translate } from './i18n';
import type { OverlayModel } from './model';
import { ensureStyle, STYLE_ID } from './style';

type ToolbarPlacement = 'top' | 'bottom';

export interface MountOptions {
  doc: Document;
  model: OverlayModel;
  t: Translate;
  pageUrl: string;
  /** renders the toolbar into `host` and returns its unmount */
  renderToolbar(host: HTMLElement, placement: ToolbarPlacement): () => void;
  signal?: AbortSignal;
}

const OWNER_ATTR = 'data-epg-overlay';
const TOOLBAR_ATTR = 'data-epg-toolbar';
const HIDDEN = 'epg-hidden';

/** Our own nodes: a mutation touching only these must not trigger a rescan (no feedback loop). */
function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`[${BADGE_ATTR}],[${TOOLBAR_ATTR}],#${STYLE_ID}`);
}

/**
 * Resolves true once no other overlay instance owns the page. A re-injected content script (extension
 * update, runtime registration next to the manifest's) starts while the old one is still cleaning up:
 * WXT invalidates the old context, whose unmount releases the page.
 */
export function whenPageFree(doc: Document, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const root = doc.documentElement;
  if (!root.hasAttribute(OWNER_ATTR)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (free: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(free);
    };
    const observer = new MutationObserver(() => {
      if (!root.hasAttribute(OWNER_ATTR)) done(true);
    });
    observer.observe(root, { attributes: true, attributeFilter: [OWNER_ATTR] });
    const timer = setTimeout(() => done(!root.hasAttribute(OWNER_ATTR)), timeoutMs);
    signal?.addEventListener('abort', () => done(false), { once: true });
  });
}

export function mountOverlay(o: MountOptions): { rescan(): void; unmount(): void } | undefined {
  const { doc, model, t } = o;
  const rootEl = doc.documentElement;
  if (rootEl.hasAttribute(OWNER_ATTR)) return undefined; // another live instance owns this page
  rootEl.setAttribute(OWNER_ATTR, '');
  ensureStyle(doc);

  let entries: ListRowElements[] = [];
  const byKey = new Map<string, { entry: ListRowElements; badge: HTMLElement; hidden: boolean }>();
  const toolbars = new Map<HTMLElement, () => void>();
  let rowSignature = '';

  function scope(): ParentNode {
    return doc.querySelector(SEL.statusForm) ?? doc;
  }

  function attachToolbars(): void {
    for (const [host, unmount] of toolbars) {
      if (host.isConnected) continue;
      unmount();
      toolbars.delete(host);
    }
    const bars = Array.from(scope().querySelectorAll<HTMLElement>(SEL.tableAction));
    bars.forEach((bar, i) => {
      if (bar.querySelector(`:scope > [${TOOLBAR_ATTR}]`)) return;
      const host = doc.createElement('div');
      host.className = 'epg-toolbar';
      host.setAttribute(TOOLBAR_ATTR, i === 0 ? 'top' : 'bottom');
      bar.appendChild(host);
      toolbars.set(host, o.renderToolbar(host, i === 0 ? 'top' : 'bottom'));
    });
  }

  /** Binds every row to its badge element; returns the new (still detached) ones and their cells. */
  function bindBadges(): Array<[Element, HTMLElement]> {
    entries = readListRowsWithElements(scope());
    const previous = new Map(byKey);
    byKey.clear();
    const fresh: Array<[Element, HTMLElement]> = [];
    for (const entry of entries) {
      const tr = entry.trs[0];
      if (!tr) continue;
      const { cell, place } = badgeCell(tr);
      const { el, created } = badgeElementIn(cell, place);
      if (created) fresh.push([cell, el]);
      const hidden = previous.get(entry.row.key)?.badge === el ? previous.get(entry.row.key)!.hidden : tr.classList.contains(HIDDEN);
      byKey.set(entry.row.key, { entry, badge: el, hidden });
    }
    return fresh;
  }

  /** One pass over the rows: badge content and filter visibility. Writes only; no layout reads. */
  function paint(): void {
    const filters = model.filters.value;
    const filtering = isFiltering(filters);
    for (const { row, badge } of model.views.value) {
      const bound = byKey.get(row.key);
      if (!bound) continue;
      paintBadge(bound.badge, badge, t, orderViewUrl(o.pageUrl, row.orderNo));
      const hide = filtering && !rowVisible(badge.kind, filters);
      if (hide === bound.hidden) continue; // touch the admin's rows only when visibility changes
      bound.hidden = hide;
      for (const tr of bound.entry.trs) tr.classList.toggle(HIDDEN, hide);
    }
    syncSelection();
  }

  /** Selection = the admin's checked boxes on rows the filters show. */
  function syncSelection(): void {
    const keys: string[] = [];
    for (const { row, checkbox } of entries) {
      if ((checkbox as HTMLInputElement).checked && !byKey.get(row.key)?.hidden) keys.push(row.key);
    }
    model.setSelection(keys);
  }

  function scan(): void {
    attachToolbars();
    const fresh = bindBadges();
    const sig = entries.map((e) => e.row.key).join('\n');
    if (sig !== rowSignature) {
      rowSignature = sig;
      void model.loadRows(entries.map((e) => e.row)); // sets the rows synchronously, then asks the journal
    }
    paint(); // new badges are filled while still detached: one insertion each, below
    for (const [cell, el] of fresh) cell.appendChild(el);
  }

  scan();
  const disposePaint = effect(paint);

  // jQuery's check-all flips `.checked` without change events: re-read after any click or change.
  let selTimer: ReturnType<typeof setTimeout> | undefined;
  const onInput = () => {
    clearTimeout(selTimer);
    selTimer = setTimeout(syncSelection, 0);
  };
  doc.addEventListener('change', onInput, true);
  doc.addEventListener('click', onInput, true);

  /** Only a change that adds rows or action bars, or drops ours, is worth a rescan (the admin's other DOM churn is not). */
  const WATCHED = `${SEL.rowCheckbox},${SEL.tableAction}`;
  function needsScan(records: MutationRecord[]): boolean {
    for (const host of toolbars.keys()) if (!host.isConnected) return true;
    for (const e of entries) if (!e.checkbox.isConnected) return true;
    for (const r of records) {
      if (isOurs(r.target)) continue;
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1 || isOurs(n)) continue;
        const el = n as Element;
        if (el.matches(WATCHED) || el.querySelector(WATCHED)) return true;
      }
    }
    return false;
  }

  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (!needsScan(records)) return;
    clearTimeout(scanTimer);
    scanTimer = setTimeout(scan, 30);
  });
  observer.observe(doc.body ?? rootEl, { childList: true, subtree: true });

  let unmounted = false;
  function unmount(): void {
    if (unmounted) return; // ctx.signal and ctx.onInvalidated may both call this
    unmounted = true;
    observer.disconnect();
    disposePaint();
    clearTimeout(scanTimer);
    clearTimeout(selTimer);
    doc.removeEventListener('change', onInput, true);
    doc.removeEventListener('click', onInput, true);
    for (const [host, un] of toolbars) {
      un();
      host.remove();
    }
    toolbars.clear();
    for (const el of Array.from(doc.querySelectorAll(`[${BADGE_ATTR}]`))) el.remove();
    for (const tr of Array.from(doc.querySelectorAll(`tr.${HIDDEN}`))) tr.classList.remove(HIDDEN);
    doc.getElementById(STYLE_ID)?.remove();
    rootEl.removeAttribute(OWNER_ATTR);
  }
  o.signal?.addEventListener('abort', unmount, { once: true });
  return { rescan: scan, unmount };
}
