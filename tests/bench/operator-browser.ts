// `npm run bench` (Chromium part): the operator's time, click to 「완료」, on the PRODUCTION build
// against both simulators under the real host names, with Korea Post answering in 100 ms and the admin
// in 50 ms (EPG_BENCH_EPOST_MS, EPG_BENCH_GODOMALL_MS). Each job is traced: the page's own marks
// (epg:* on its performance timeline: the search read, the same-receiver look-up, the question, each
// answer about the job) next to the journal's job row (created, each target's end, finished), so a
// slow step shows where it is. Cases: 「검색된 미발급 일괄 발급」 of 14 and of 500 orders, 「일괄 예약」
// of 500 (the issue job panel's 「예약」), the label page for 500 parcels (its 「출력」), and the whole path 500 결제완료 orders → printed labels with
// the operator's clicks counted (each 확인 of a question is a click). Goal per job: click to 완료 ≤
// 2 s + 1.3 × N × Korea Post latency ÷ concurrency. Prints numbers; a measurement, not a test.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import type { JobRecord, StoredJobTarget } from '../../lib/db/types';
import type { EpostSandbox } from '../sandbox/epost/server';
import type { GodomallSandbox } from '../sandbox/godomall';
import type { SeedOrder } from '../sandbox/godomall/model';
import { sampleOrders } from '../sandbox/godomall/sample-orders';
import type { ExtensionSession } from '../e2e/harness';
import { launchProduction } from '../e2e/production-session';
import { connectOptions, journal, openList, until, type Walk } from '../e2e/walkthrough';

const EPOST_MS = Number(process.env.EPG_BENCH_EPOST_MS ?? 100);
const GODOMALL_MS = Number(process.env.EPG_BENCH_GODOMALL_MS ?? 50);
/** the extension's default 동시 처리 (lib/settings.ts DEFAULT_SETTINGS.concurrency; that module needs the build's env) */
const CONCURRENCY = 4;
/** the whole path's orders (default 500) */
const PATH_ORDERS = Number(process.env.EPG_BENCH_PATH_ORDERS ?? 500);
const TOP = '[data-epg-toolbar="top"]';

/**
 * `n` ordinary 결제완료 orders with a well-formed receiver (the seed's awkward ones left out), each to a
 * customer of its own name, as a shop's day is (the seed draws from 225 names: most would be namesakes).
 */
function paidOrders(n: number): SeedOrder[] {
  const seed = sampleOrders(n + 40).slice(20);
  return seed
    .filter((o) => /^010-\d{4}-\d{4}$/.test(o.receiverCellPhone) && /^\d{5}$/.test(o.receiverZonecode))
    .slice(0, n)
    .map((o, i) => ({
      ...o,
      receiverName: `${o.receiverName}${i}`,
      items: o.items.map((it) => ({ ...it, status: 'p1', invoiceCompanySno: '', invoiceNo: '' })),
    }));
}

/** the 결제완료 list with godomall's default 수령자 column (OrderAdminGrid.php:83), which the sandbox's default grid lacks */
const PAY_LIST =
  '/order/order_list_pay.php?grid=check,no,orderDt,orderName,goodsSno,goodsNm,gift,goodsCnt,settlePrice,status,deliverySno,supplier,receiver';

interface Session {
  x: ExtensionSession;
  w: Walk;
  epost: EpostSandbox;
  godomall: GodomallSandbox;
  clicks: number;
  close(): Promise<void>;
}

async function session(orders: number): Promise<Session> {
  const { epost, godomall, x, close } = await launchProduction({ godomall: { orders: paidOrders(orders), latencyMs: GODOMALL_MS } });
  const w: Walk = { x, shot: async () => '', log: () => undefined };
  await connectOptions(w);
  epost.control.setFaults({ latencyMs: EPOST_MS });
  return {
    x,
    w,
    epost,
    godomall,
    clicks: 0,
    close,
  };
}

/** The page's epg:* marks as epoch milliseconds (the journal's clock). */
async function marks(page: Page): Promise<Array<{ step: string; at: number; detail: unknown }>> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .flatMap((m) =>
        m.name.startsWith('epg:')
          ? [{ step: m.name.slice(4), at: performance.timeOrigin + m.startTime, detail: (m as PerformanceMark).detail }]
          : [],
      ),
  );
}

interface JobTiming {
  n: number;
  /** targets per outcome (done, failed, skipped) */
  outcomes: string;
  clickToDone: number;
  goal: number;
  phases: Record<string, number>;
  /** CPU seconds by process kind from the click to the rows' refresh (cpuByKind) */
  cpu: Record<string, number>;
  /** ms from the click to the rows' refresh */
  wall: number;
  /** Korea Post calls by message from the click to the rows' refresh, and of them those on a reused connection */
  calls: Record<string, number>;
  reused: Record<string, number>;
}

/** the toolbar's 일괄 buttons, or the finished job panel's next step (예약 after 발급, 출력 after 예약) */
/**
 * CPU time so far (seconds) of this machine's Chromium processes by kind, and of this node process (the
 * bench and both simulators), from /proc: where a job's seconds go when the network is not the limit.
 * Linux only; elsewhere empty.
 */
function cpuByKind(): Map<string, number> {
  const out = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      // Chromium's zygote children rewrite their command line as one space-separated string
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
      const kind = Number(pid) === process.pid ? 'node (bench + simulators)' : chromiumKind(args);
      if (!kind) continue;
      // utime and stime: fields 14 and 15, counted after the command name's closing parenthesis
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
      out.set(kind, (out.get(kind) ?? 0) + seconds);
    } catch {
      // a process that ended meanwhile
    }
  }
  return out;
}

function chromiumKind(args: string[]): string | undefined {
  if (!/chrom/.test(args[0] ?? '')) return undefined;
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (!type) return 'browser process';
  if (type === 'renderer') return args.includes('--extension-process') ? 'extension (worker + offscreen)' : 'admin and label pages';
  if (args.some((a) => a.includes('NetworkService'))) return 'network service';
  return type === 'gpu-process' ? 'gpu' : 'other utilities';
}

const BUTTON = {
  issueAll: `${TOP} [data-epg-action="issueAll"]`,
  nextReserve: `${TOP} [data-epg-next="reserve"]`,
  nextPrint: `${TOP} [data-epg-next="print"]`,
};

/** Clicks a job button on an open list, answers every question 확인, and times it to the panel's 완료. */
async function timeJob(s: Session, page: Page, action: 'issueAll' | 'nextReserve'): Promise<JobTiming> {
  await until(
    '검색 집계',
    () => page.locator(BUTTON[action]).textContent(),
    (t) => !!t && !t.includes('…'),
    120_000,
  );
  const before = (await marks(page)).length;
  const refreshedBefore = (await marks(page)).filter((x) => x.step === 'job:refreshed').length;
  const jobsBefore = new Set((await journal<JobRecord>(s.x, 'jobs')).map((j) => j.id));
  const onDialog = (d: { accept(): Promise<void> }) => void (s.clicks++, d.accept());
  page.on('dialog', onDialog);
  const cpuBefore = cpuByKind();
  const callsBefore = s.epost.control.state();
  const click = Date.now();
  s.clicks++;
  await page.locator(BUTTON[action]).click();
  // this job's end and the rows' refresh after it (the panel may still show the previous job's 완료)
  await page.waitForFunction((n) => performance.getEntriesByName('epg:job:refreshed').length > n, refreshedBefore, {
    timeout: 900_000,
    polling: 100,
  });
  page.off('dialog', onDialog);
  const wall = Date.now() - click;
  const cpuAfter = cpuByKind();
  const callsAfter = s.epost.control.state();
  const counted = (after: Record<string, number>, before: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([m, c]) => [m, c - (before[m] ?? 0)] as const)
        .filter(([, c]) => c > 0),
    );
  const calls = counted(callsAfter.calls, callsBefore.calls);
  const reused = counted(callsAfter.reusedCalls, callsBefore.reusedCalls);
  const cpu = Object.fromEntries(
    [...cpuAfter]
      .map(([kind, secs]) => [kind, Math.round((secs - (cpuBefore.get(kind) ?? 0)) * 10) / 10] as const)
      .sort((a, b) => b[1] - a[1]),
  );
  const job = (await journal<JobRecord>(s.x, 'jobs')).find((j) => !jobsBefore.has(j.id))!;
  const targets = (await journal<StoredJobTarget>(s.x, 'jobTargets')).filter((t) => t.jobId === job.id);
  const ends = targets.map((t) => t.at ?? 0).sort((a, b) => a - b);
  const m = (await marks(page)).slice(before);
  const at = (step: string) => m.find((x) => x.step === step)?.at;
  const refreshed = m.filter((x) => x.step === 'job:refreshed').pop()?.at;
  // the panel's 완료: the page's answer that the job ended (the page's clock, not this script's polling)
  const ended = (x: { step: string; detail: unknown }) =>
    x.step === 'job:seen' && ['done', 'failed'].includes(String((x.detail as { status?: string } | null)?.status));
  const done = m.find(ended)?.at ?? NaN;
  const since = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined ? Math.round(b - a) : NaN);
  const n = targets.length;
  const phases: Record<string, number> = {
    'click → receivers read': since(click, at('receivers:read')),
    'click → 확인 answered': since(click, at('confirmed')),
    '확인 → job created': since(at('confirmed') ?? click, job.createdAt),
    'created → first target': since(job.createdAt, ends[0]),
    'first → last target': since(ends[0], ends[ends.length - 1]),
    'last target → finished': since(ends[ends.length - 1], job.finishedAt),
    'finished → panel 완료': since(job.finishedAt, done),
    'panel 완료 → rows refreshed': since(done, refreshed),
  };
  const outcomes = ['done', 'failed', 'skipped'].map((o) => `${o} ${targets.filter((t) => t.status === o).length}`).join(', ');
  const reasons = [...new Set(targets.filter((t) => t.status !== 'done').map((t) => t.message ?? ''))].slice(0, 3);
  if (reasons.length) console.log(`not done, e.g.: ${reasons.join(' / ')}`);
  return { n, outcomes, clickToDone: done - click, goal: 2000 + 1.3 * ((n * EPOST_MS) / CONCURRENCY), phases, cpu, wall, calls, reused };
}

function report(name: string, t: JobTiming): void {
  const ok = t.clickToDone <= t.goal ? 'within' : 'OVER';
  console.log(
    `\n${name}: ${t.n} targets (${t.outcomes}), click → 완료 ${(t.clickToDone / 1000).toFixed(2)} s (goal ${(t.goal / 1000).toFixed(2)} s: ${ok}; ideal N × ${EPOST_MS} ms ÷ ${CONCURRENCY} = ${((t.n * EPOST_MS) / CONCURRENCY / 1000).toFixed(2)} s)`,
  );
  console.table(Object.fromEntries(Object.entries(t.phases).map(([k, v]) => [k, { ms: v }])));
  const perTarget = Object.entries(t.calls).map(([m, c]) => `${m} ${(c / t.n).toFixed(2)}`);
  const onReused = Object.entries(t.reused).map(([m, c]) => `${m} ${c}`);
  console.log(`Korea Post calls per target: ${perTarget.join(', ') || 'none'}; on a reused connection: ${onReused.join(', ') || 'none'}`);
  const used = Object.values(t.cpu).reduce((a, b) => a + b, 0);
  if (!used) return;
  const cores = availableParallelism();
  console.log(
    `CPU from the click to the rows' refresh (${(t.wall / 1000).toFixed(1)} s on ${cores} cores, ${Math.round((100 * used) / ((t.wall / 1000) * cores))}% of them busy), seconds:`,
  );
  console.table(Object.fromEntries(Object.entries(t.cpu).map(([k, v]) => [k, { s: v }])));
}

/**
 * 운송장 출력 of the 예약 job's parcels from its panel (the page's select-all box would reach only the
 * parcels of this page: godomall pages by item rows): the label page opens Chrome's print dialog by
 * itself once its labels are shown; the operator prints there and answers 확인.
 */
async function printReserved(s: Session, page: Page, parcels: number): Promise<{ n: number; labelsReady: number; recorded: number }> {
  // Chrome's print dialog cannot be driven headless: the label page's window.print() is marked instead,
  // and the dialog's closing is what the page listens for (afterprint)
  await s.x.context.addInitScript(() => {
    if (location.pathname.endsWith('/labels.html'))
      window.print = () => void ((window as { epgPrintAsked?: number }).epgPrintAsked = Date.now());
  });
  const opened = s.x.context.waitForEvent('page', { predicate: (p) => p.url().includes('/labels.html'), timeout: 60_000 });
  const click = Date.now();
  s.clicks++;
  await page.locator(BUTTON.nextPrint).click();
  const labels = await opened;
  // the page no longer loading, and a sheet with its barcode for every label its 인쇄 button counts
  await labels.waitForFunction(
    () => {
      if (document.body.textContent?.includes('불러오는 중')) return false;
      const count = Number(/\((\d+)장\)/.exec(document.querySelector('.toolbar button.primary')?.textContent ?? '')?.[1]);
      return (
        count > 0 && document.querySelectorAll('.sheet .barcode').length >= count && document.querySelectorAll('.sheet').length === count
      );
    },
    undefined,
    { timeout: 900_000, polling: 250 },
  );
  const shown = await labels.locator('.sheet').count();
  const skipped = await labels.locator('.skipped li').count();
  if (shown !== parcels) console.log(`label page: ${shown} labels of ${parcels} parcels (${skipped} listed as not printable)`);
  await labels.evaluate(() => document.fonts.ready);
  // the dialog the page opened by itself (no 인쇄 click in the page)
  await labels.waitForFunction(() => !!(window as { epgPrintAsked?: number }).epgPrintAsked, undefined, { timeout: 60_000 });
  const labelsReady = Date.now() - click;
  // 인쇄 in Chrome's dialog, then 「운송장 N건이 출력되었습니까?」 확인
  s.clicks += 2;
  labels.on('dialog', (d) => void d.accept());
  const printed = Date.now();
  await labels.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await labels.waitForFunction(() => document.querySelector('.notice')?.textContent?.includes('건을 기록했습니다'), undefined, {
    timeout: 300_000,
  });
  const recorded = Date.now() - printed;
  await labels.close();
  return { n: shown, labelsReady, recorded };
}

console.log(
  `\nOperator time in Chromium, production build, Korea Post ${EPOST_MS} ms, godomall ${GODOMALL_MS} ms, concurrency ${CONCURRENCY}`,
);

// 14 orders, a search over two pages of 10
if (!process.env.EPG_BENCH_PATH_ONLY) {
  const s = await session(14);
  try {
    const page = await openList(s.w, `${PAY_LIST}&pageNum=10`);
    report('검색된 미발급 일괄 발급, 14 orders', await timeJob(s, page, 'issueAll'));
  } finally {
    await s.close();
  }
}

// 500 결제완료 orders → printed labels, on one list, every click counted
{
  const s = await session(PATH_ORDERS);
  try {
    const start = Date.now();
    const page = await openList(s.w, `${PAY_LIST}&pageNum=500`);
    const opened = Date.now() - start;
    report(`검색된 미발급 일괄 발급, ${PATH_ORDERS} orders`, await timeJob(s, page, 'issueAll'));
    const reserved = await timeJob(s, page, 'nextReserve');
    report(`일괄 예약, ${PATH_ORDERS} parcels`, reserved);
    const p = await printReserved(s, page, reserved.n);
    const total = Date.now() - start;
    console.log(
      `\n운송장 출력, ${p.n} parcels: click → label page ready ${(p.labelsReady / 1000).toFixed(2)} s; print recorded (배송중) ${(p.recorded / 1000).toFixed(2)} s after the 확인`,
    );
    const shipping = s.godomall.control.orders().filter((o) => o.items.every((i) => i.status === 'd1')).length;
    console.log(
      `\nWhole path, ${PATH_ORDERS} 결제완료 → printed labels: ${(total / 1000).toFixed(1)} s (list opened in ${(opened / 1000).toFixed(1)} s), ${s.clicks} operator clicks (each 확인 counted; Chrome's 인쇄 included); ${shipping} orders now 배송중 in godomall`,
    );
    await page.close();
  } finally {
    await s.close();
  }
}

// The same path with Options › 「발급 후 바로 예약」: 일괄 발급 + 확인 (the issue job ends by starting the
// 예약 of its parcels, the panel follows it), then 출력, Chrome's 인쇄 and 출력 확인
{
  const s = await session(PATH_ORDERS);
  try {
    const options = await s.x.extensionPage('/options.html');
    await options.click('[data-field="reserveAfterIssue"] [role="radio"]:first-child');
    await options.click('[data-action="save"]');
    await options.waitForSelector('[data-notice="ok"]');
    await options.close();
    const start = Date.now();
    const page = await openList(s.w, `${PAY_LIST}&pageNum=500`);
    await timeJob(s, page, 'issueAll'); // returns once the rows are refreshed after the chained 예약
    const jobs = await journal<JobRecord>(s.x, 'jobs');
    const chained = jobs.find((j) => j.kind === 'reserve')!;
    const reserved = (await journal<StoredJobTarget>(s.x, 'jobTargets')).filter((t) => t.jobId === chained.id && t.status === 'done');
    const issueToReserved = chained.finishedAt! - Math.min(...jobs.map((j) => j.createdAt));
    const p = await printReserved(s, page, reserved.length);
    const total = Date.now() - start;
    const shipping = s.godomall.control.orders().filter((o) => o.items.every((i) => i.status === 'd1')).length;
    console.log(
      `\nWhole path with 발급 후 바로 예약, ${PATH_ORDERS} 결제완료 → printed labels: ${(total / 1000).toFixed(1)} s (issue job created → its 예약 finished ${(issueToReserved / 1000).toFixed(1)} s, ${reserved.length} reserved; ${p.n} labels), ${s.clicks} operator clicks (each 확인 counted; Chrome's 인쇄 included); ${shipping} orders now 배송중 in godomall`,
    );
    await page.close();
  } finally {
    await s.close();
  }
}
