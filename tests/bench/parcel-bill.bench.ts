// One bill per parcel: every Korea Post call a parcel costs over its life, by phase (issue, 예약, 출력,
// tracking, cancel) and by endpoint, read from the simulator's per-endpoint counters, for orders placed
// 0, 7 and 20 days before they are issued. The parcels are issued, reserved and printed on one day
// and tracked by the sync's alarm runs (every 2 h of the simulator's clock) until delivered; a tenth
// more orders are issued and cancelled instead. EPG_BENCH_BILL_ORDERS (100) parcels per age.
// Goals (issue 20): issue ≤ 1.1 calls per fresh order, 예약 ≤ 1.5 per parcel on a 20-day-old order.
// The simulator takes a parcel from 접수 to 배달완료 within a day, so its tracking row is the
// simulator's; the tracking goals are measured over a realistic month in tracking-month.bench.ts.
// Reported, not asserted.
import { bench, describe } from 'vitest';
import { kstYmd } from '../../lib/epost/kst';
import { sampleOrders } from '../sandbox/godomall/sample-orders';
import { startHarness, type Harness } from '../unit/shipments/harness';
import type { Shipments } from '../../lib/shipments';
import type { StartJobRequest } from '../../lib/messages';

const N = Number(process.env.EPG_BENCH_BILL_ORDERS ?? 100);
const AGES = [0, 7, 20];
const H = 3_600_000;

/** Ordinary seed orders renumbered as placed `age` days before the simulator's now (godomall numbers start with YYMMDD). */
function ordersPlaced(age: number, count: number, now: number) {
  const day = kstYmd(new Date(now - age * 24 * H)).slice(2);
  return sampleOrders(Math.ceil(count * 1.4) + 50)
    .filter(
      (o) =>
        o.items.every((i) => /^[pg]/.test(i.status) && !i.invoiceNo) &&
        /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
        /^\d{5}$/.test(o.receiverZonecode) &&
        !o.claimInProgress,
    )
    .slice(0, count)
    .map((o) => ({ ...o, orderNo: day + o.orderNo.slice(6) }));
}

type Counts = Record<string, number>;
const counts = (h: Harness): Counts => ({ ...h.ep.control.state().calls });
const minus = (a: Counts, b: Counts): Counts =>
  Object.fromEntries(Object.keys(a).flatMap((k) => (a[k]! - (b[k] ?? 0) > 0 ? [[k, a[k]! - (b[k] ?? 0)]] : [])));

async function phase(h: Harness, bill: Map<string, Counts>, name: string, run: () => Promise<unknown>) {
  const before = counts(h);
  await run();
  const spent = minus(counts(h), before);
  const had = bill.get(name) ?? {};
  for (const [k, v] of Object.entries(spent)) had[k] = (had[k] ?? 0) + v;
  bill.set(name, had);
}

async function job(s: Shipments, req: StartJobRequest) {
  return s.runJob(await s.startJob(req));
}

async function lifeOf(age: number) {
  const probe = await startHarness({ rows: 1 });
  const now = probe.ep.control.now();
  await probe.close();
  const cancelled = Math.max(1, Math.round(N / 10));
  const orders = ordersPlaced(age, N + cancelled, now);
  const h = await startHarness({ orders });
  const bill = new Map<string, Counts>();
  try {
    const s = h.shipments();
    const req = { adminOrigin: h.origin, operatorId: 'bench', mode: 'order' as const };
    const parcels = orders.slice(0, N);
    const gone = orders.slice(N);
    const targets = (list: typeof orders) => list.map((o) => ({ orderNo: o.orderNo, itemSnos: [] }));
    await phase(h, bill, 'issue', () => job(s, { kind: 'issue', ...req, targets: targets(parcels) }));
    const keys = (
      await s.rowShipments(
        h.origin,
        parcels.map((o) => o.orderNo),
      )
    )
      .filter((r) => r.state === 'issued')
      .map((r) => r.key);
    h.ep.control.advanceHours(3); // packed in the afternoon
    await phase(h, bill, '예약', () => job(s, { kind: 'reserve', ...req, keys }));
    await phase(h, bill, '출력', async () => {
      await s.reconcileForLabels(keys, 'bench');
      await s.markPrinted(keys, false, 'bench');
    });
    // the sync's alarm runs, every 2 h, until every parcel is delivered (at most a week)
    await phase(h, bill, 'tracking', async () => {
      for (let i = 0; i < 84; i++) {
        h.ep.control.advanceHours(2);
        await s.syncAll('alarm');
        const rows = await s.rowShipments(
          h.origin,
          parcels.map((o) => o.orderNo),
        );
        if (rows.every((r) => r.state === 'delivered')) break;
      }
    });
    // the cancelled ones: issued, then 예약 취소 on the same day
    await phase(h, bill, 'issue', () => job(s, { kind: 'issue', ...req, targets: targets(gone) }));
    const goneKeys = (
      await s.rowShipments(
        h.origin,
        gone.map((o) => o.orderNo),
      )
    ).map((r) => r.key);
    await phase(h, bill, 'cancel', () => job(s, { kind: 'cancel', ...req, keys: goneKeys }));
    const perParcel = (name: string, n: number) =>
      Object.fromEntries(Object.entries(bill.get(name) ?? {}).map(([k, v]) => [k, +(v / n).toFixed(2)]));
    const total = (name: string, n: number) => +(Object.values(bill.get(name) ?? {}).reduce((a, b) => a + b, 0) / n).toFixed(2);
    return {
      [`${age} days old`]: {
        'issue / order': total('issue', N + cancelled),
        '예약 / parcel': total('예약', N),
        '출력 / parcel': total('출력', N),
        'tracking / parcel': total('tracking', N),
        'cancel / parcel': total('cancel', cancelled),
        'by endpoint': JSON.stringify({
          issue: perParcel('issue', N + cancelled),
          예약: perParcel('예약', N),
          출력: perParcel('출력', N),
          tracking: perParcel('tracking', N),
          cancel: perParcel('cancel', cancelled),
        }),
      },
    };
  } finally {
    await h.close();
  }
}

describe(`a parcel's Korea Post bill over its life (${N} parcels per age)`, () => {
  bench(
    'by phase and endpoint',
    async () => {
      const rows = {};
      for (const age of AGES) Object.assign(rows, await lifeOf(age));
      console.table(rows);
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
