// The lifecycle table walked whole: every state × every action, allowed or refused (with a reason),
// and for the moves transitions.ts performs, what each one writes (row, kept count, order row, audit,
// void number, queued godomall write) against a journal, with the admin's session expired so every
// godomall write stays queued where the test can read it.
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { putShipment, stateCount } from '../../../lib/db/repo/shipments';
import type { Shipment, ShipmentState } from '../../../lib/db/types';
import { SessionExpiredError } from '../../../lib/godomall/types';
import { LIFE, may, type Action, type LifeState } from '../../../lib/shipments/lifecycle';
import type { Ctx } from '../../../lib/shipments/context';
import {
  deliverShipment,
  printShipment,
  recordIssued,
  reserveShipment,
  shipShipment,
  voidShipment,
} from '../../../lib/shipments/transitions';
import { unlinkShipment } from '../../../lib/shipments/unlink';
import { withDefaults } from '../../../lib/settings';
import { shipment } from '../labels/shipment.fixture';

const STATES: LifeState[] = ['none', 'pending', 'issued', 'reserved', 'shipping', 'delivered', 'void', 'failed', 'unlinked'];

// The life of a parcel to a customer, written out by hand: where each action may start.
const ALLOWED: Record<Action, LifeState[]> = {
  issue: ['none', 'failed'],
  reissue: ['void'],
  adopt: ['none', 'failed', 'void'],
  typed: ['none', 'failed', 'void'],
  reserve: ['issued'],
  print: ['issued', 'reserved', 'shipping', 'delivered'],
  ship: ['issued', 'reserved', 'shipping'],
  deliver: ['issued', 'reserved', 'shipping'],
  miss: ['issued', 'reserved', 'shipping'],
  cancel: ['issued', 'reserved'],
  void: ['pending', 'issued', 'reserved', 'shipping'],
  unlink: ['issued', 'reserved', 'shipping', 'delivered'],
  pickup: [],
  collect: [],
  arrive: [],
};

// A return pickup's life: booked (reserved at once), collected, arrived; cancelled only before collection.
const PICKUP_ALLOWED: Partial<Record<Action, LifeState[]>> = {
  pickup: ['none', 'failed', 'void'],
  collect: ['reserved'],
  arrive: ['reserved', 'shipping'],
  cancel: ['reserved'],
  print: [],
  reserve: [],
};

describe('the lifecycle table', () => {
  it('every state × every action: allowed exactly where the life says, refused with a Korean reason elsewhere', () => {
    for (const action of Object.keys(LIFE) as Action[])
      for (const state of STATES) {
        const v = may({ state, source: 'issued' }, action);
        expect([action, state, v.ok]).toEqual([action, state, ALLOWED[action].includes(state)]);
        if (!v.ok) expect(v.reason).toMatch(/[가-힣]/);
      }
  });

  it('a return pickup: booked, collected, arrived; cancelled only before collection; never a label', () => {
    for (const [action, allowed] of Object.entries(PICKUP_ALLOWED) as Array<[Action, LifeState[]]>)
      for (const state of STATES)
        expect([action, state, may({ state, source: 'issued', pickup: true }, action).ok]).toEqual([
          action,
          state,
          allowed.includes(state),
        ]);
    expect(may({ state: 'reserved', pickup: true }, 'print')).toEqual({ ok: false, reason: expect.stringContaining('반품 회수') });
  });

  it('only numbers this extension issued can be cancelled; typed ones never print', () => {
    expect(may({ state: 'issued', source: 'typed' }, 'cancel').ok).toBe(false);
    expect(may({ state: 'reserved', source: 'adopted' }, 'cancel').ok).toBe(false);
    expect(may({ state: 'issued', source: 'issued' }, 'cancel').ok).toBe(true);
    expect(may({ state: 'shipping', source: 'typed' }, 'print').ok).toBe(false);
  });
});

/** A journal and a ctx whose admin session has expired: writes are queued and stay there. */
function world() {
  const db = openJournal(`lifecycle-table-${Math.random()}`);
  const expired = () => {
    throw new SessionExpiredError('https://gdadmin.shop.godomall.com');
  };
  const ctx = {
    db,
    adminFor: () => ({ readOrder: expired, saveInvoice: expired, clearInvoice: expired, changeStatus: expired }),
    settings: async () => withDefaults({}),
    now: () => 1_700_000_000_000,
    flushing: new Set<number>(),
    inFlight: new Set<string>(),
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    insertAttempts: 1,
    settleMs: 0,
  } as unknown as Ctx;
  return { db, ctx };
}

type Performed = Exclude<Action, 'adopt' | 'typed' | 'miss' | 'pickup' | 'collect' | 'arrive' | 'issue' | 'reissue'> | 'issue';

/** Runs one move the way its workflow does, from a row in `from`. */
async function perform(ctx: Ctx, action: Performed, s: Shipment): Promise<void> {
  const op = { operatorId: 'kim' };
  switch (action) {
    case 'issue':
      await recordIssued(ctx, s, { reqNo: '202312010000000001', resNo: '2023120100000001', regiNo: '6892122316034' }, 'InsertOrder');
      return;
    case 'reserve':
      await reserveShipment(ctx, s, { from: 'p1', to: 'g1', change: true, itemStatuses: { '1': 'p1' }, ...op });
      return;
    case 'print':
      await printShipment(ctx, s, { reprint: false, ...op });
      return;
    case 'ship':
      await shipShipment(ctx, s, { patch: {}, exception: () => undefined, status: op, beforeShipping: 'opg', unless: () => false });
      return;
    case 'deliver':
      await deliverShipment(ctx, s, { deliveredAt: ctx.now(), patch: {}, status: op, unless: () => false });
      return;
    case 'cancel':
    case 'void':
      await voidShipment(ctx, s, { reason: '취소', action, ...op });
      return;
    case 'unlink':
      await unlinkShipment(ctx, s.key, { orderNo: s.orderNo, seen: 'g2', expected: 'p1', ...op });
  }
}

// where each performed move leads from its FROM state, written out by hand
const TO: Record<Performed, ShipmentState> = {
  issue: 'issued',
  reserve: 'reserved',
  print: 'shipping', // a reserved parcel printed is on its way
  ship: 'shipping',
  deliver: 'delivered',
  cancel: 'void',
  void: 'void',
  unlink: 'unlinked',
};

const FROM: Record<Performed, ShipmentState> = {
  issue: 'pending',
  reserve: 'issued',
  print: 'reserved',
  ship: 'reserved',
  deliver: 'shipping',
  cancel: 'reserved',
  void: 'issued',
  unlink: 'issued',
};

describe('what each move writes', () => {
  for (const action of Object.keys(FROM) as Performed[])
    it(`${action}: the row, its kept count, its order row, the audit, the void list and the queued godomall write`, async () => {
      const { db, ctx } = world();
      const from = FROM[action];
      const row = await putShipment(db, shipment({ state: from, godomallStatus: 'p1', itemSnos: ['1'], itemStatuses: { '1': 'p1' } }));
      const before = await stateCount(db, from);
      await perform(ctx, action, row);

      const after = (await db.shipments.get(row.key))!;
      const to = TO[action];
      expect(after.state).toBe(to);
      expect((await db.orderRows.get(row.key))!.state).toBe(to);
      if (to !== from) {
        expect(await stateCount(db, from)).toBe(before - 1);
        expect(await stateCount(db, to)).toBe(1);
      }
      const writes = LIFE[action].writes;
      expect((await db.audit.toArray()).map((a) => a.action)).toContain(writes.audit);
      expect(await db.voidNumbers.get(row.regiNo)).toEqual(writes.voidNumber ? expect.objectContaining({ key: row.key }) : undefined);
      const queued = (await db.pendingWrites.toArray()).map((w) => w.kind);
      if (writes.godomall === 'invoice' || writes.godomall === 'clearInvoice') expect(queued).toContain(writes.godomall);
      else if (writes.godomall === 'status' && !(action === 'print' && from !== 'reserved')) expect(queued).toContain('status');
      else expect(queued).toEqual([]);
    });
});
