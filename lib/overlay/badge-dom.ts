// Writes badges into the admin's rows. One element per row, rebuilt only when its content changes;
// order data goes in as text nodes, never markup.
import type { Badge } from './badge';
import type { Translate } from './i18n';

export const BADGE_ATTR = 'data-epg-badge';

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

type BadgeEl = HTMLElement & { __epgSig?: string };

/** The row's badge element, created (detached) when the cell has none yet. */
export function badgeElementIn(cell: Element): { el: HTMLElement; created: boolean } {
  const found = cell.querySelector(`:scope > [${BADGE_ATTR}]`);
  if (found) return { el: found as HTMLElement, created: false };
  const el = cell.ownerDocument.createElement('span');
  el.setAttribute(BADGE_ATTR, '');
  return { el, created: true };
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
    a.title = [badge.detail, t('overlayContactErrorHint')].filter(Boolean).join(' — ');
  } else if (badge.detail) {
    label.title = badge.detail;
  }
  el.appendChild(label);
  if (badge.number) {
    const no = doc.createElement('span');
    no.className = 'epg-badge__no';
    appendNumber(no, badge.number);
    el.appendChild(no);
  }
  if (badge.exception) {
    const exc = doc.createElement('span');
    exc.className = 'epg-badge__exc';
    exc.textContent = t(EXCEPTION_KEY[badge.exception]);
    exc.title = badge.detail;
    el.appendChild(exc);
  }
  if (badge.savePending) {
    const wait = doc.createElement('span');
    wait.className = 'epg-badge__exc epg-badge__wait';
    wait.textContent = t('overlayBadgeSavePending');
    wait.title = badge.detail;
    el.appendChild(wait);
  }
  if (badge.box) {
    const box = doc.createElement('span');
    box.className = 'epg-badge__box';
    box.textContent = badge.box;
    box.title = t('overlayBadgeBoxHint');
    el.appendChild(box);
  }
  if (badge.islandAddFee) {
    const fee = doc.createElement('span');
    fee.className = 'epg-badge__island';
    fee.textContent = t('overlayBadgeIsland', badge.islandAddFee.toLocaleString('ko-KR'));
    fee.title = t('overlayBadgeIslandHint');
    el.appendChild(fee);
  }
  if (badge.test) {
    const test = doc.createElement('span');
    test.className = 'epg-badge__test';
    test.textContent = t('overlayBadgeTest');
    el.appendChild(test);
  }
}

/** A 13-digit 우체국 number may wrap only between its 5-4-4 groups (never mid-group) in a narrow cell. */
function appendNumber(target: HTMLElement, number: string): void {
  const groups = /^(\d{5})(\d{4})(\d{4})$/.exec(number);
  if (!groups) {
    target.textContent = number;
    return;
  }
  const doc = target.ownerDocument;
  target.classList.add('epg-badge__no--grouped');
  groups.slice(1).forEach((g, i) => {
    if (i > 0) target.appendChild(doc.createElement('wbr'));
    target.appendChild(doc.createTextNode(g));
  });
}
