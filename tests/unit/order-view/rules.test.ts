// The panel's one door to the lifecycle rules: what each badge allows, parcels and pickups.
import { describe, expect, it } from 'vitest';
import type { Badge, BadgeKind } from '../../../lib/overlay/badge';
import type { ShipmentState } from '../../../lib/db/types';
import { allowedActions } from '../../../lib/order-view/rules';

// the journal state behind each badge kind (the lifecycle's subject); page-only kinds have none of ours
const STATE: Partial<Record<BadgeKind, ShipmentState>> = {
  pending: 'pending',
  issued: 'issued',
  reserved: 'reserved',
  shipping: 'shipping',
  delivered: 'delivered',
  unlinked: 'unlinked',
  contactError: 'failed',
};
const badge = (kind: BadgeKind, pickup = false): Badge => ({
  kind,
  number: '',
  test: false,
  detail: '',
  shipmentKey: STATE[kind] ? 'k' : '',
  life: { state: STATE[kind] ?? 'none', source: 'issued', ...(pickup ? { pickup: true } : {}) },
  ...(pickup ? { pickup: true as const } : {}),
});
const allowed = (b: Badge) => [...allowedActions(b)].sort();

describe('allowedActions', () => {
  it('a parcel to the customer: issue while it has none, reserve before, cancel before and after 예약, print once it has a number', () => {
    expect(allowed(badge('unissued'))).toEqual(['issue']);
    expect(allowed(badge('contactError'))).toEqual(['issue']);
    expect(allowed(badge('issued'))).toEqual(['cancel', 'print', 'reserve']);
    expect(allowed(badge('reserved'))).toEqual(['cancel', 'print']);
    expect(allowed(badge('shipping'))).toEqual(['print']);
    expect(allowed(badge('delivered'))).toEqual(['print']);
    for (const k of ['pending', 'unlinked', 'typed', 'otherCourier', 'notParcel'] as const) expect(allowed(badge(k)), k).toEqual([]);
  });

  it('a return pickup: booked when none, cancelled while booked, never reserved or printed', () => {
    expect(allowed(badge('unissued', true))).toEqual(['pickup']);
    expect(allowed(badge('reserved', true))).toEqual(['cancel']);
    expect(allowed(badge('shipping', true))).toEqual([]);
    expect(allowed(badge('delivered', true))).toEqual([]);
  });
});
