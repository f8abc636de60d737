// The order page's one door to the parcel lifecycle's rules (lib/shipments/lifecycle.ts, asked through
// the row badge's rowMay, as the lists ask it): the panel never restates a rule.
import { canCancel, canIssue, canPrint, canReserve, type Badge } from '../overlay/badge';

export type PanelAction = 'issue' | 'reserve' | 'cancel' | 'print' | 'pickup';

/** What the operator may do to the parcel (or the missing parcel) a row's badge describes. */
export function allowedActions(badge: Badge): ReadonlySet<PanelAction> {
  const out = new Set<PanelAction>();
  // a claim row's badge is its return pickup: booked like an issue (the lifecycle's pickup move)
  if (canIssue(badge)) out.add(badge.pickup ? 'pickup' : 'issue');
  if (canReserve(badge)) out.add('reserve');
  if (canCancel(badge)) out.add('cancel');
  if (canPrint(badge)) out.add('print');
  return out;
}
