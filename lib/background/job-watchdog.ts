// A job must finish even when Chrome stops the worker mid-job and the operator has closed the admin
// tab (nothing else would wake the worker for up to two hours). While a job is unfinished, a short
// periodic alarm wakes the worker; every wake resumes unfinished jobs (runs already going are joined,
// never doubled) and the alarm is cleared once the journal holds no unfinished job.
import type { JournalDb } from '../db/db';
import type { Job } from '../db/types';
import { unfinishedJobs } from '../db/repo/jobs';

const JOB_WATCHDOG_ALARM = 'jobs-watchdog';
/** Chrome's shortest alarm period for packed extensions (30 s) */
const PERIOD_MINUTES = 0.5;

export async function armJobWatchdog(): Promise<void> {
  if (!(await browser.alarms.get(JOB_WATCHDOG_ALARM))) {
    await browser.alarms.create(JOB_WATCHDOG_ALARM, { delayInMinutes: PERIOD_MINUTES, periodInMinutes: PERIOD_MINUTES });
  }
}

async function hasUnfinishedJobs(db: JournalDb): Promise<boolean> {
  return (await unfinishedJobs(db)).length > 0;
}

/**
 * Registers the alarm listener (call synchronously at worker start) and resumes once now.
 * `resume` runs every unfinished job to its end and returns them.
 */
export function watchJobs(db: JournalDb, resume: () => Promise<Job[]>, onFinished: (job: Job) => void): void {
  const wake = async () => {
    if (await hasUnfinishedJobs(db)) await armJobWatchdog();
    const jobs = await resume();
    jobs.forEach(onFinished);
    if (!(await hasUnfinishedJobs(db))) await browser.alarms.clear(JOB_WATCHDOG_ALARM);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOB_WATCHDOG_ALARM) void wake().catch(() => undefined);
  });
  void wake().catch(() => undefined);
}
