// Both simulators in-process with the REAL clients: lib/epost's client and tracking client, and
// lib/godomall's admin over linkedom's DOMParser with the sandbox's session cookie. Loopback only,
// ephemeral ports, closed after each test.
import { DOMParser } from 'linkedom';
import {
  startEpostSandbox,
  DEFAULT_API_KEY,
  DEFAULT_SECURITY_KEY,
  DEFAULT_TRACE_KEY,
  DEFAULT_DATA_GO_KR_KEY,
  type EpostSandbox,
} from '../../sandbox/epost/server';
import { startGodomallSandbox, type GodomallSandbox } from '../../sandbox/godomall/server';
import { loginFetch } from '../../sandbox/godomall/login-fetch';
import type { SeedOrder } from '../../sandbox/godomall/model';
import { createEpostClient } from '../../../lib/epost/client';
import type { ResourceTimings } from '../../../lib/epost/resend';
import { createTrackingClient } from '../../../lib/epost/tracking';
import { createGodomallAdmin } from '../../../lib/godomall/admin';
import { localReader } from '../../../lib/godomall/page-reader';
import type { EpostApi, EpostEndpoints, TrackingApi } from '../../../lib/epost/types';
import type { GodomallAdmin } from '../../../lib/godomall/types';
import { openJournal, type JournalDb } from '../../../lib/db/db';
import { withDefaults, type Settings } from '../../../lib/settings';
import { createShipments, type Shipments } from '../../../lib/shipments';
import type { StartJobRequest } from '../../../lib/messages';

export interface Harness {
  ep: EpostSandbox;
  gd: GodomallSandbox;
  db: JournalDb;
  epost: EpostApi;
  tracking: TrackingApi;
  origin: string;
  settings: Settings;
  adminFor(origin: string): GodomallAdmin;
  /** a fresh shipments instance over the same journal (= a restarted service worker) */
  shipments(over?: {
    epost?: EpostApi;
    tracking?: TrackingApi;
    admin?: (origin: string) => GodomallAdmin;
    settleMs?: number;
    lateCommitMs?: number;
    onSettleDue?(at: number): void;
    db?: JournalDb;
  }): Shipments;
  /** the Korea Post client over another fetch (a browser's habits: see once.test.ts), with its Resource Timing */
  epostOver(fetch: typeof globalThis.fetch, timings?: ResourceTimings): EpostApi;
  /** a second PC: its own journal over the same shop and the same Korea Post account */
  otherJournal(): JournalDb;
  relogin(): Promise<void>;
  close(): Promise<void>;
}

let dbSerial = 0;

const HOUR = 3_600_000;
const KST = 9 * HOUR;

/**
 * The simulators' and the workflows' clock: the host's, moved on to 02:00 KST when the host is within an
 * hour of KST midnight. Near midnight a look rightly asks the day before too (family.ts FILING_MARGIN_MS),
 * so the drills' call counts would depend on when CI runs; the midnight cases have tests of their own,
 * which move this clock there.
 */
function awayFromMidnight(host: () => number = Date.now): () => number {
  const timeOfDay = (host() + KST) % (24 * HOUR);
  const shift = timeOfDay < HOUR ? 2 * HOUR - timeOfDay : timeOfDay >= 23 * HOUR ? 26 * HOUR - timeOfDay : 0;
  return () => host() + shift;
}

export async function startHarness(
  opts: { rows?: number; orders?: SeedOrder[]; settings?: Partial<Settings>; timeoutMs?: number; godomallLatencyMs?: number } = {},
): Promise<Harness> {
  const ep = await startEpostSandbox({ port: 0, host: '127.0.0.1', now: awayFromMidnight() });
  const gd = await startGodomallSandbox({
    port: 0,
    host: '127.0.0.1',
    ...(opts.rows ? { rows: opts.rows } : {}),
    ...(opts.orders ? { orders: opts.orders } : {}),
    ...(opts.godomallLatencyMs ? { latencyMs: opts.godomallLatencyMs } : {}),
  });
  const endpoints: EpostEndpoints = { shipBaseUrl: ep.url, traceBaseUrl: ep.url, openApiBaseUrl: ep.url };
  const epostOver = (fetch?: typeof globalThis.fetch, timings?: ResourceTimings) =>
    createEpostClient({
      getEndpoints: () => endpoints,
      getCredentials: () => ({ apiKey: DEFAULT_API_KEY, securityKey: DEFAULT_SECURITY_KEY }),
      timeoutMs: opts.timeoutMs ?? 5_000,
      retries: 3,
      retryDelayMs: 5,
      ...(fetch ? { fetch } : {}),
      ...(timings ? { timings } : {}),
    });
  const epost = epostOver();
  const tracking = createTrackingClient({
    getEndpoints: () => endpoints,
    getKeys: () => ({ traceKey: DEFAULT_TRACE_KEY, dataGoKrKey: DEFAULT_DATA_GO_KR_KEY }),
    source: 'trace',
    retries: 2,
    retryDelayMs: 5,
  });
  let sessionFetch = await loginFetch(gd);
  const reader = localReader((html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  const adminFor = (origin: string) =>
    createGodomallAdmin({
      origin,
      reader,
      fetch: ((i: RequestInfo | URL, init?: RequestInit) => sessionFetch(i, init)) as typeof fetch,
    });
  const settings = withDefaults({
    memberId: 'testshop',
    custNo: ep.control.custNo,
    apprNo: '7002080922',
    postNm: '서울중앙우체국',
    payTypeNm: '즉납',
    sender: {
      officeSer: '01',
      name: '테스트상점',
      zip: '06236',
      addr1: '서울특별시 강남구 테헤란로 152',
      addr2: '1층',
      tel: '02-1234-5678',
    },
    companyName: '테스트상점',
    labelPrinter: true,
    testMode: false,
    stuckDays: 3,
    concurrency: 4,
    ...opts.settings,
  });
  const db = openJournal(`journal-test-${process.pid}-${++dbSerial}-${Date.now()}`);
  const others: JournalDb[] = [];
  const h: Harness = {
    ep,
    gd,
    db,
    epost,
    tracking,
    origin: gd.url,
    settings,
    adminFor,
    shipments: (over) =>
      createShipments({
        db: over?.db ?? db,
        epost: over?.epost ?? epost,
        tracking: over?.tracking ?? tracking,
        adminFor: over?.admin ?? adminFor,
        settings: async () => h.settings,
        now: () => ep.control.now(),
        retry: { retries: 4, baseMs: 20, maxMs: 200 },
        settleMs: over?.settleMs ?? 30,
        ...(over?.lateCommitMs !== undefined ? { lateCommitMs: over.lateCommitMs } : {}),
        ...(over?.onSettleDue ? { onSettleDue: over.onSettleDue } : {}),
      }),
    epostOver,
    otherJournal: () => {
      const other = openJournal(`journal-test-${process.pid}-${++dbSerial}-${Date.now()}`);
      others.push(other);
      return other;
    },
    relogin: async () => {
      sessionFetch = await loginFetch(gd);
    },
    close: async () => {
      db.close();
      for (const o of others) o.close();
      await Promise.all([ep.close(), gd.close()]);
    },
  };
  return h;
}

/** Orders of the seed shop in a given status with a well-formed receiver (the ordinary ones). */
export function ordinaryOrders(h: Harness, status: string): SeedOrder[] {
  return h.gd.control
    .orders()
    .filter(
      (o) =>
        o.items.every((i) => i.status === status && !i.invoiceNo) &&
        /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
        /^\d{5}$/.test(o.receiverZonecode) &&
        !o.claimInProgress,
    );
}

/** Orders a drill may issue: paid or being prepared, no number, a well-formed phone and zip, no claim. */
export function issuable(h: Harness): SeedOrder[] {
  return h.gd.control
    .orders()
    .filter(
      (o) =>
        o.items.every((i) => /^[pg]/.test(i.status) && !i.invoiceNo) &&
        /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) &&
        /^\d{5}$/.test(o.receiverZonecode) &&
        !o.claimInProgress,
    );
}

/** A 주문별 issue request for these orders, as the drills send it. */
export const issueReq = (h: Harness, orders: SeedOrder[]) => ({
  kind: 'issue' as const,
  adminOrigin: h.origin,
  operatorId: 'drill',
  mode: 'order' as const,
  targets: orders.map((o) => ({ orderNo: o.orderNo, itemSnos: [] })),
});

/** 예약 of these orders' issued parcels, run to the end. */
export async function reserveIssued(h: Harness, s: Shipments, orders: SeedOrder[]) {
  const keys = (
    await s.rowShipments(
      h.origin,
      orders.map((o) => o.orderNo),
    )
  )
    .filter((r) => r.state === 'issued')
    .map((r) => r.key);
  return waitJob(s, await s.startJob({ kind: 'reserve', adminOrigin: h.origin, operatorId: 'drill', mode: 'order', keys }));
}

export async function waitJob(s: Shipments, id: string) {
  const job = await s.runJob(id);
  if (!job) throw new Error(`job ${id} vanished`);
  return job;
}

/** A 주문별 issue job by operator kim for these whole orders, run to its end (`extra`: a box, …). */
export async function issueOrders(h: Harness, s: Shipments, orderNos: string[], extra: Partial<StartJobRequest> = {}) {
  const targets = orderNos.map((orderNo) => ({ orderNo, itemSnos: [] }));
  return waitJob(s, await s.startJob({ kind: 'issue', adminOrigin: h.origin, operatorId: 'kim', mode: 'order', targets, ...extra }));
}

/** Korea Post as a client sees it when GetResInfo fails (5xx) from the first InsertOrder on: whether that landed cannot be learned. */
export function resInfoDownFromInsert(h: Harness): EpostApi {
  return new Proxy(h.epost, {
    get(t, p, r) {
      const v = Reflect.get(t, p, r) as (...a: unknown[]) => unknown;
      if (p !== 'insertOrder') return v;
      return (...a: unknown[]) => {
        h.ep.control.setFaults({ http5xx: 1 }, 'GetResInfo');
        return v.apply(t, a);
      };
    },
  }) as EpostApi;
}
