// Drill: Chrome stops the service worker in the middle of a 「검색된 미발급 일괄 발급」 job, and the operator
// has already closed the admin tab, so no page will wake the worker. The job watchdog alarm must wake
// it, the job must resume, and every order must end with exactly one Korea Post registration.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobRecord, Shipment, StoredJobTarget } from '../../lib/db/types';
import { launchExtension, type ExtensionSession } from './harness';
import { connectOptions, journal, openList, until, type Walk } from './walkthrough';

let x: ExtensionSession;
let w: Walk;

beforeAll(async () => {
  x = await launchExtension();
  w = { x, shot: (page, name) => x.screenshot(page, `worker-restart-${name}`), log: () => undefined };
  await connectOptions(w);
});
afterAll(async () => x?.close());

it('a worker stopped mid-job is woken by the watchdog alarm and finishes the job exactly once', async () => {
  const epost = x.epost!.control;
  epost.setFaults({ latencyMs: 1_500 }, 'InsertOrder'); // a slow Korea Post keeps the job running

  const page = await openList(w, '/order/order_list_pay.php?pageNum=100');
  page.on('dialog', (d) => void d.accept());
  await until(
    '검색 집계',
    () => page.locator('[data-epg-toolbar="top"] [data-epg-action="issueAll"]').textContent(),
    (t) => !!t && !t.includes('…'),
  );
  await page.locator('[data-epg-toolbar="top"] [data-epg-action="issueAll"]').click();
  await until(
    '첫 접수',
    () => epost.registrationCount(),
    (n) => n >= 2,
    30_000,
  );

  // the operator closes the tab; Chrome stops the worker
  await page.close();
  const probe = await x.context.newPage();
  const cdp = await x.context.newCDPSession(probe);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await probe.close();
  const atStop = epost.registrationCount();

  // nothing wakes the worker but its own alarm: registrations must go on by themselves
  await until(
    '작업 재개',
    () => epost.registrationCount(),
    (n) => n > atStop,
    90_000,
  );
  let last = -1;
  await until(
    '작업 종료',
    async () => {
      const now = epost.registrationCount();
      const settled = now === last;
      last = now;
      await new Promise((r) => setTimeout(r, 4_000));
      return settled;
    },
    (settled) => settled,
    120_000,
  );

  const jobs = await journal<JobRecord>(x, 'jobs');
  const job = await until(
    '작업 완료 기록',
    async () => (await journal<JobRecord>(x, 'jobs'))[0],
    (j) => j?.status === 'done',
    60_000,
  );
  expect(jobs).toHaveLength(1);
  const issued = (await journal<Shipment>(x, 'shipments')).filter((s) => s.state === 'issued');
  expect(issued.length).toBeGreaterThan(atStop);
  for (const s of issued) expect(epost.registrations(s.key)).toHaveLength(1);
  // every target ended issued or with a reason the operator can read
  const targets = (await journal<StoredJobTarget>(x, 'jobTargets')).filter((t) => t.jobId === job!.id);
  expect(targets.length).toBeGreaterThan(0);
  for (const t of targets) expect(t.status === 'done' || (t.message ?? '').length > 0).toBe(true);
});
