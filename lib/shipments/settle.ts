// The settle sweep: a send whose outcome was unknown (timeout, dropped connection, 5xx, a worker killed
// while its InsertOrder was on the wire) is looked at again once Korea Post can no longer commit it, so
// a twin made by a late commit lives minutes, not until the operator's next touch. The job itself
// already confirmed what it could (issue.ts sendOnce); this is the look after the last possible commit.
// The background runs it from a chrome.alarms alarm that outlives the worker (lib/background/settle.ts).
import { clearUnsettled, noteUnsettled, unsettledKeys } from '../db/repo/unsettled';
import { liveShipment, getShipment, shipmentsOfBase } from '../db/repo/shipments';
import { errorText, type Ctx } from './context';
import { earliest, familyDays, familyKeys, familyRegistrations, isLive, reconcileFamily, settleFamily } from './family';
import { recordIssued } from './transitions';
import { reqTypeOf } from './keys';

/**
 * How long after a send Korea Post may still commit it. The manual says nothing about commit latency;
 * what was measured is a commit 5 s past the 15 s settle window (≈ 20 s after the send, the client's
 * timeout being 15 s). Two minutes is six times that, and Chrome fires an alarm no sooner than 30 s
 * and sometimes a minute late anyway: a twin lives two or three minutes. A commit later still is found
 * by the next touch (예약, 출력, the sync, 예약 취소), which looks at the family again.
 */
export const LATE_COMMIT_MS = 2 * 60_000;

const SYSTEM = 'system';

/** A send of this key went out at `sentAt` and its outcome is unknown: the sweep looks again after the window. */
export async function markUnsettled(ctx: Ctx, key: string, sentAt: number): Promise<void> {
  const due = sentAt + ctx.lateCommitMs;
  await noteUnsettled(ctx.db, key, due);
  ctx.onSettleDue(due);
}

/**
 * Looks at every family whose window has passed, leaving one live registration (the earliest); returns
 * how many were settled and when the next is due (the alarm's next time).
 */
export async function settleSweep(ctx: Ctx): Promise<{ settled: number; errors: string[]; next?: number }> {
  const now = ctx.now();
  let settled = 0;
  const errors: string[] = [];
  for (const { key, due } of await unsettledKeys(ctx.db)) {
    if (due > now) continue;
    try {
      if (await settleKey(ctx, key)) {
        await clearUnsettled(ctx.db, key, due);
        settled++;
        continue;
      }
    } catch (err) {
      errors.push(`${key}: ${errorText(err)}`);
    }
    // a job still holds it, or Korea Post did not answer clearly: again after another window
    await noteUnsettled(ctx.db, key, now + ctx.lateCommitMs);
  }
  const next = (await unsettledKeys(ctx.db))[0]?.due;
  if (next !== undefined) ctx.onSettleDue(next);
  return { settled, errors, ...(next !== undefined ? { next } : {}) };
}

/** true = settled; false = not yet (a job is still on it). Throws when Korea Post's answers are unclear. */
async function settleKey(ctx: Ctx, key: string): Promise<boolean> {
  const row = await getShipment(ctx.db, key);
  if (!row || row.test) return true;
  // a job of this worker is still sending or confirming it: its own confirm comes first
  if (row.state === 'pending' || ctx.inFlight.has(row.baseKey)) return false;
  const live = await liveShipment(ctx.db, row.baseKey);
  if (live && live.state !== 'pending') {
    // the family's live row (this one, or a re-issue of it) is reconciled: a late twin is cancelled
    if (live.source === 'issued') await reconcileFamily(ctx, live, SYSTEM);
    return true;
  }
  if (live) return false;
  if (row.state !== 'failed') return true;
  // the job gave up on it (nothing found then), but the late commit may have landed since: the order
  // takes that registration rather than staying without a number while Korea Post holds one
  const settings = await ctx.settings();
  const keys = familyKeys(row.baseKey, await shipmentsOfBase(ctx.db, row.baseKey), row.reissue);
  const found = (await familyRegistrations(ctx, settings.custNo, keys, familyDays([row], ctx.now()), reqTypeOf(row))).filter(isLive);
  if (!found.length) return true;
  const s = await recordIssued(ctx, row, found.reduce(earliest), '늦게 접수된 InsertOrder를 확인');
  if (found.length > 1) await settleFamily(ctx, s, found, SYSTEM);
  return true;
}
