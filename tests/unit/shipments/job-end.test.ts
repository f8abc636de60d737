// A job's end reaches the page that follows it when the runner records it: never at a poll, an alarm
// (Chrome's shortest is 30 s) or a retry's backoff — also when godomall refuses a write and Korea Post
// answers slowly (issue 21: the 30 s between a job's end and the panel's 완료).
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../lib/db/types';
import type { JobSeen } from '../../../lib/message-data';
import type { Shipments } from '../../../lib/shipments';
import { issuable, issueReq, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The overlay's follow(): each ask says what the page saw; returns when the page learnt of the end. */
async function follow(s: Shipments, id: string): Promise<{ job: Job; heardAt: number }> {
  let seen: JobSeen | undefined;
  for (;;) {
    const job = (await s.getJob(id, seen))!;
    if (job.status === 'done' || job.status === 'failed') return { job, heardAt: Date.now() };
    seen = { status: job.status, ...(job.rev !== undefined ? { rev: job.rev } : {}) };
  }
}

describe('the end of a job', () => {
  it('is heard within a moment of its finishedAt, with a refused godomall write and a slow Korea Post', async () => {
    h = await startHarness({ rows: 40 });
    const orders = issuable(h).slice(0, 14);
    h.gd.control.setClaimInProgress(orders[3]!.orderNo, true); // its invoice write is refused (queued)
    h.ep.control.setFaults({ latencyMs: 80 });
    const s = h.shipments();
    const id = await s.startJob(issueReq(h, orders));
    const { job, heardAt } = await follow(s, id);
    expect(job.targets.every((t) => t.status !== 'todo')).toBe(true);
    expect(heardAt - job.finishedAt!).toBeLessThan(1_000);
  }, 30_000);

  it('is told by its rev: every outcome and status counts once, and a page that saw the rev waits for the next', async () => {
    h = await startHarness({ rows: 20 });
    const orders = issuable(h).slice(0, 3);
    h.ep.control.setFaults({ latencyMs: 150 });
    const s = h.shipments();
    const id = await s.startJob(issueReq(h, orders));
    const { job } = await follow(s, id);
    // running, three outcomes, done
    expect(job.rev).toBe(5);
    // a page that saw it all waits (here until its short limit) and is answered with the job as it is
    const asked = Date.now();
    const again = await s.getJob(id, { status: 'done', rev: 5 }, 300);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(250);
    expect(again!.rev).toBe(5);
    // an older rev (an outcome the page missed) is answered at once
    const stale = Date.now();
    await s.getJob(id, { status: 'done', rev: 4 }, 10_000);
    expect(Date.now() - stale).toBeLessThan(1_000);
  }, 30_000);
});
