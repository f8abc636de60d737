// What issuing and reserving cost at realistic latencies: Korea Post calls per issued order, godomall
// requests per order, and measured ÷ ideal, where ideal = N × Korea Post latency ÷ concurrency (one
// Korea Post call per order and nothing else on the clock). Orders are placed today (fresh), as on a
// shop's busy morning. Settable: EPG_BENCH_ORDERS (1000), EPG_BENCH_EPOST_MS (100),
// EPG_BENCH_GODOMALL_MS (50). Reported, not asserted.
import { bench, describe } from 'vitest';
import { kstYmd } from '../../lib/epost/kst';
import { sampleOrders } from '../sandbox/godomall/sample-orders';
import { startHarness, type Harness } from '../unit/shipments/harness';

const N = Number(process.env.EPG_BENCH_ORDERS ?? 1000);
const EPOST_MS = Number(process.env.EPG_BENCH_EPOST_MS ?? 100);
const GODOMALL_MS = Number(process.env.EPG_BENCH_GODOMALL_MS ?? 50);

/** The seed shop's ordinary orders, renumbered as placed today (godomall numbers start with YYMMDD). */
function todaysOrders() {
  const today = kstYmd(new Date()).slice(2);
  return sampleOrders(Math.ceil(N * 1.4) + 50)
    .filter(
      (o) =>
        o.items.every((i) => /^[pg]/.test(i.status) && !i.invoiceNo) &&
        /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
        /^\d{5}$/.test(o.receiverZonecode) &&
        !o.claimInProgress,
    )
    .slice(0, N)
    .map((o) => ({ ...o, orderNo: today + o.orderNo.slice(6) }));
}

const totalCalls = (h: Harness) =>
  Object.entries(h.ep.control.state().calls).reduce((n, [k, v]) => (k === 'trace' || k === 'longitudinal' ? n : n + v), 0);

async function measure(h: Harness, run: () => Promise<number>) {
  const [calls, requests, started] = [totalCalls(h), h.gd.requests.length, performance.now()];
  h.gd.requests.length = 0;
  const done = await run();
  const ms = performance.now() - started;
  const concurrency = h.settings.concurrency;
  const ideal = (done * EPOST_MS) / concurrency;
  return {
    done,
    'Korea Post calls / order': +((totalCalls(h) - calls) / done).toFixed(2),
    'godomall requests / order': +(h.gd.requests.length / done).toFixed(2),
    seconds: +(ms / 1000).toFixed(1),
    'measured ÷ ideal': +(ms / ideal).toFixed(2),
    _requestsBefore: requests,
  };
}

describe(`issue and reserve ${N} fresh orders at ${EPOST_MS} ms Korea Post / ${GODOMALL_MS} ms godomall`, () => {
  bench(
    'issue + reserve',
    async () => {
      const orders = todaysOrders();
      if (orders.length < N) throw new Error(`only ${orders.length} issuable orders`);
      const h = await startHarness({ orders, godomallLatencyMs: GODOMALL_MS });
      try {
        h.ep.control.setFaults({ latencyMs: EPOST_MS });
        const s = h.shipments();
        const issue = await measure(h, async () => {
          const id = await s.startJob({
            kind: 'issue',
            adminOrigin: h.origin,
            operatorId: 'bench',
            mode: 'order',
            targets: orders.map((o) => ({ orderNo: o.orderNo, itemSnos: [] })),
          });
          const job = await s.runJob(id);
          return job?.targets.filter((t) => t.status === 'done').length ?? 0;
        });
        const keys = (
          await s.rowShipments(
            h.origin,
            orders.map((o) => o.orderNo),
          )
        )
          .filter((r) => r.state === 'issued')
          .map((r) => r.key);
        const reserve = await measure(h, async () => {
          const id = await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'bench', mode: 'order', keys });
          const job = await s.runJob(id);
          return job?.targets.filter((t) => t.status === 'done').length ?? 0;
        });
        const strip = ({ _requestsBefore, ...r }: typeof issue) => (void _requestsBefore, r);
        console.table({ issue: strip(issue), reserve: strip(reserve) });
      } finally {
        await h.close();
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
