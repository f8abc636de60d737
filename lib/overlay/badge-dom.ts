// Writes badges into the admin's rows. One element per row, rebuilt only when its content changes;
// order data goes in as text nodes, never markup. A badge reads as one line: the state as a coloured
// chip, the number grouped as Korea Post prints it, and each warning as an icon whose words are its
// tooltip (title) and its accessible name (text only screen readers get).
import type { Badge } from './badge';
import type { Translate } from './i18n';
import { formatRegiNo } from '../labels/format';
import type { BadgePlace } from '../godomall/rows';

export const BADGE_ATTR = 'data-epg-badge';

/**
 * Which cell of the row holds the badge, for the stylesheet: in the 주문상품 or 주문번호 cell it has
 * the room for one line; in a status or checkbox cell (the operator removed both) the number may
 * wrap, but only between its groups.
 */
const PLACE_ATTR = 'data-epg-place';

const LABEL_KEY: Record<Badge['kind'], string> = {
  unissued: 'overlayBadgeUnissued',
  pending: 'overlayBadgePending',
  issued: 'overlayBadgeIssued',
  reserved: 'overlayBadgeReserved',
  shipping: 'overlayBadgeShipping',
  delivered: 'overlayBadgeDelivered',
  contactError: 'overlayBadgeContactError',
  unlinked: 'overlayBadgeUnlinked',
  typed: 'overlayBadgeTyped',
  otherCourier: 'overlayBadgeOtherCourier',
  notParcel: 'overlayBadgeNotParcel',
  claimRequested: 'overlayBadgeClaimRequested',
  unknown: 'overlayBadgeUnknown',
};

/** A claim row's words: its return pickup's state (the kinds a pickup can be in). */
const PICKUP_LABEL_KEY: Partial<Record<Badge['kind'], string>> = {
  unissued: 'overlayPickupNone',
  pending: 'overlayPickupPending',
  reserved: 'overlayPickupBooked',
  shipping: 'overlayPickupMoving',
  delivered: 'overlayPickupDone',
};

const EXCEPTION_KEY: Record<NonNullable<Badge['exception']>, string> = {
  undelivered: 'overlayExceptionUndelivered',
  returned: 'overlayExceptionReturned',
  stuck: 'overlayExceptionStuck',
  cancelled: 'overlayExceptionCancelled',
  twins: 'overlayExceptionTwins',
};

/** 16×16 shapes drawn in the icon's colour (currentColor): no font or emoji the PC may lack. */
type Shape = ['path' | 'rect' | 'circle', Record<string, string>];
const STROKE = { fill: 'none', stroke: 'currentColor', 'stroke-width': '1.6' };
const ICONS: Record<'alert' | 'twins' | 'clock' | 'island' | 'box', Shape[]> = {
  alert: [
    ['path', { d: 'M8 1.2 15.2 14.2H.8z', fill: 'currentColor' }],
    ['path', { d: 'M8 5.6v4.3M8 11.3v1.5', stroke: '#fff', 'stroke-width': '1.7' }],
  ],
  twins: [
    ['rect', { x: '1.2', y: '1.2', width: '9', height: '9', rx: '1.5', ...STROKE }],
    ['rect', { x: '5.8', y: '5.8', width: '9', height: '9', rx: '1.5', fill: 'currentColor' }],
  ],
  clock: [
    ['circle', { cx: '8', cy: '8', r: '6.4', ...STROKE }],
    ['path', { d: 'M8 4.2V8l2.8 1.8', ...STROKE }],
  ],
  island: [
    ['path', { d: 'M2.5 10.6 6.6 3.8l2.6 4.1 1.4-1.9 3 4.6z', fill: 'currentColor' }],
    ['path', { d: 'M.8 13.4c1.2-1 2.4-1 3.6 0s2.4 1 3.6 0 2.4-1 3.6 0 2.2.9 3.6 0', ...STROKE, 'stroke-width': '1.4' }],
  ],
  box: [['path', { d: 'M8 1.4 14.5 4.6v6.8L8 14.6l-6.5-3.2V4.6zM1.5 4.6 8 7.8l6.5-3.2M8 7.8v6.8', ...STROKE, 'stroke-width': '1.3' }]],
};

interface Warning {
  /** the icon's classes after `epg-badge__icon` (tests and the walkthrough find them by these) */
  cls: string;
  icon: keyof typeof ICONS;
  /** its words: the accessible name */
  text: string;
  /** the tooltip: the words and, where known, why */
  title: string;
}

type BadgeEl = HTMLElement & { __epgSig?: string };

/** The row's badge element, created (detached) when the cell has none yet. */
export function badgeElementIn(cell: Element, place: BadgePlace): { el: HTMLElement; created: boolean } {
  const found = cell.querySelector(`:scope > [${BADGE_ATTR}]`);
  if (found) return { el: found as HTMLElement, created: false };
  const el = cell.ownerDocument.createElement('span');
  el.setAttribute(BADGE_ATTR, '');
  el.setAttribute(PLACE_ATTR, place);
  return { el, created: true };
}

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' — ');

/** What besides its state a badge has to say, in the order the icons appear. */
function warningsOf(badge: Badge, t: Translate): Warning[] {
  const out: Warning[] = [];
  if (badge.exception) {
    const text = t(EXCEPTION_KEY[badge.exception]);
    const icon = badge.exception === 'twins' ? 'twins' : 'alert';
    out.push({ cls: `epg-badge__exc epg-badge__exc--${badge.exception}`, icon, text, title: joined(text, badge.detail) });
  } else if (badge.kind === 'unissued' && badge.detail) {
    // the last issue failed: its reason is what the operator has to fix before issuing again
    out.push({ cls: 'epg-badge__fail', icon: 'alert', text: badge.detail, title: badge.detail });
  }
  if (badge.savePending) {
    const text = t('overlayBadgeSavePending');
    out.push({ cls: 'epg-badge__wait', icon: 'clock', text, title: joined(text, badge.detail) });
  }
  if (badge.islandAddFee) {
    const text = t('overlayBadgeIsland', badge.islandAddFee.toLocaleString('ko-KR'));
    out.push({ cls: 'epg-badge__island', icon: 'island', text, title: joined(text, t('overlayBadgeIslandHint')) });
  }
  if (badge.box) out.push({ cls: 'epg-badge__box', icon: 'box', text: badge.box, title: joined(badge.box, t('overlayBadgeBoxHint')) });
  return out;
}

/** Fills `el` with the badge; `orderViewHref` is where a 연락처오류 badge sends the operator. */
export function paintBadge(el: HTMLElement, badge: Badge, t: Translate, orderViewHref: string): void {
  const sig = [
    badge.kind,
    badge.number,
    badge.test,
    badge.detail,
    badge.exception,
    badge.savePending,
    badge.islandAddFee,
    badge.box,
    badge.pickup,
  ].join('|');
  const b = el as BadgeEl;
  if (b.__epgSig === sig) return;
  b.__epgSig = sig;
  const doc = el.ownerDocument;
  el.className = `epg-badge epg-badge--${badge.kind}`;
  el.setAttribute('data-epg-kind', badge.kind);
  el.textContent = '';
  const label = doc.createElement(badge.kind === 'contactError' ? 'a' : 'span');
  label.className = 'epg-badge__label';
  label.textContent = t((badge.pickup && PICKUP_LABEL_KEY[badge.kind]) || LABEL_KEY[badge.kind]);
  if (badge.kind === 'contactError') {
    const a = label as HTMLAnchorElement;
    a.href = orderViewHref;
    a.target = '_blank';
    a.rel = 'noopener';
    a.title = joined(badge.detail, t('overlayContactErrorHint'));
  } else if (badge.detail && !badge.exception && badge.kind !== 'unissued') {
    label.title = badge.detail; // 타 택배사 names the courier, 택배 아님 the delivery method
  }
  el.appendChild(label);
  if (badge.number) {
    const no = doc.createElement('span');
    no.className = 'epg-badge__no';
    // another courier's number is not ours to regroup
    appendNumber(no, badge.kind === 'otherCourier' ? badge.number.trim() : formatRegiNo(badge.number), badge.number.trim());
    el.appendChild(no);
  }
  for (const w of warningsOf(badge, t)) el.appendChild(iconElement(doc, w));
  if (badge.test) {
    const test = doc.createElement('span');
    test.className = 'epg-badge__test';
    test.textContent = t('overlayBadgeTest');
    el.appendChild(test);
  }
}

/**
 * The number in its printed groups. The separators are drawn by the stylesheet, so a copied number
 * is the bare digits godomall's search and Korea Post's tracking take; a `<wbr>` between groups lets
 * a narrow fallback cell wrap there and nowhere else.
 */
function appendNumber(target: HTMLElement, shown: string, raw: string): void {
  if (shown === raw) {
    target.textContent = raw;
    return;
  }
  const doc = target.ownerDocument;
  target.classList.add('epg-badge__no--grouped');
  target.title = shown;
  shown.split('-').forEach((g, i) => {
    if (i > 0) target.appendChild(doc.createElement('wbr'));
    const part = doc.createElement('span');
    part.textContent = g;
    target.appendChild(part);
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function iconElement(doc: Document, w: Warning): HTMLElement {
  const el = doc.createElement('span');
  el.className = `epg-badge__icon ${w.cls}`;
  el.title = w.title;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const [tag, attrs] of ICONS[w.icon]) {
    const shape = doc.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
    svg.appendChild(shape);
  }
  el.appendChild(svg);
  const words = doc.createElement('span');
  words.className = 'epg-sr';
  words.textContent = w.text;
  el.appendChild(words);
  return el;
}
