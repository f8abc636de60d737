// The customers' 반품/교환 request lists (lib/godomall/user-claims.ts) get no toolbar: a pickup is booked
// only for a claim the shop accepted, on the 반품/교환 list. Each request still shows what became of it:
// its return pickup's badge when it has one, 「승인 전」 with what to do while it waits for the shop,
// 회수 미접수 once accepted and still without a pickup. A refused request gets nothing.
import type { ListRow } from '../godomall/types';
import type { RowShipment } from '../message-data';
import { badgeCell } from '../godomall/rows';
import { orderViewUrl } from '../godomall/pages';
import { SEL } from '../godomall/selectors';
import { readUserClaimRows } from '../godomall/user-claims';
import { PICKUP_CLAIM_STEP } from '../shipments/lifecycle';
import { pickupBadgeFor, type Badge } from './badge';
import { badgeElementIn, paintBadge } from './badge-dom';
import type { Translate } from './i18n';
import { ensureStyle } from './style';
import { matchShipments } from './targets';

/**
 * One request's badge. `pickup`: the journal's pickup for its item, if any; `journalError`: why the
 * journal could not be read (an accepted request then reads 확인 불가, not 회수 미접수).
 */
export function userClaimBadge(
  row: ListRow,
  open: boolean,
  claim: 'b' | 'e',
  pickup: RowShipment | undefined,
  t: Translate,
  journalError?: string,
): Badge | undefined {
  if (pickup) return pickupBadgeFor(row, pickup);
  const none = pickupBadgeFor(row, undefined);
  if (open)
    return { ...none, kind: 'claimRequested', detail: t(claim === 'e' ? 'overlayUserClaimAcceptExchange' : 'overlayUserClaimAcceptBack') };
  if (row.status !== PICKUP_CLAIM_STEP[claim]) return undefined; // refused, or moved on without a pickup of ours
  return journalError === undefined ? none : { ...none, kind: 'unknown', detail: journalError };
}

export interface UserClaimBadgesOptions {
  doc: Document;
  claim: 'b' | 'e';
  t: Translate;
  pageUrl: string;
  /** the journal's rows of these orders; rejects with the operator's reason when it cannot be read */
  lookup(orderNos: string[]): Promise<RowShipment[]>;
}

/** Paints every request row's badge (again at each refresh); the page itself is godomall's, read once. */
export function mountUserClaimBadges(o: UserClaimBadgesOptions): { refresh(): Promise<void>; unmount(): void } {
  const { doc, claim, t } = o;
  ensureStyle(doc);
  const rows = readUserClaimRows(doc.querySelector(SEL.statusForm) ?? doc).flatMap((r) => {
    const tr = r.trs[0];
    if (!tr) return [];
    const { cell, place } = badgeCell(tr);
    return [{ ...r, cell, el: badgeElementIn(cell, place).el }];
  });
  const orderNos = [...new Set(rows.map((r) => r.row.orderNo))];

  async function refresh(): Promise<void> {
    let pickups: RowShipment[] = [];
    let journalError: string | undefined;
    if (orderNos.length) {
      try {
        pickups = (await o.lookup(orderNos)).filter((s) => s.pickup === claim);
      } catch (e) {
        journalError = e instanceof Error ? e.message : String(e);
      }
    }
    const matched = matchShipments(
      rows.map((r) => r.row),
      pickups,
    );
    for (const r of rows) {
      const badge = userClaimBadge(r.row, r.open, claim, matched.get(r.row.key), t, journalError);
      if (!badge) {
        r.el.remove();
        continue;
      }
      paintBadge(r.el, badge, t, orderViewUrl(o.pageUrl, r.row.orderNo));
      if (!r.el.isConnected) r.cell.appendChild(r.el);
    }
  }

  return {
    refresh,
    unmount: () => rows.forEach((r) => r.el.remove()),
  };
}
