// The order page's one door to the parcel lifecycle's rules. The panel never restates a rule: it asks
// this function, which today asks the list overlay's badge rules (lib/overlay/badge.ts) and can be
// pointed at the lifecycle module without touching the panel.
import { canCancelReservation, canIssue, canPrint, canReserve, type Badge } from '../overlay/badge';

export type PanelAction = 'issue' | 'reserve' | 'cancel' | 'print' | 'pickup';

/** What the operator may do to the parcel (or the missing parcel) a row's badge describes. */
export function allowedActions(badge: Badge): ReadonlySet<PanelAction> {
  const out = new Set<PanelAction>();
  // a claim row's badge is its return pickup: booked like an issue, cancelled like a reservation,
  // never printed (the courier brings the waybill)
  if (canIssue(badge)) out.add(badge.pickup ? 'pickup' : 'issue');
  if (canReserve(badge) && !badge.pickup) out.add('reserve');
  if (canCancelReservation(badge)) out.add('cancel');
  if (canPrint(badge) && !badge.pickup) out.add('print');
  return out;
}
