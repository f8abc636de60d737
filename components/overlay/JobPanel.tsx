// Progress of the running job (done / total, failures so far, time left) and, once it ends, the
// per-order results with Korean reasons.
import type { Job, JobTarget } from '../../lib/db/types';
import { handsOver, timeLeftMs } from '../../lib/jobs/pace';
import type { Translate } from '../../lib/overlay/i18n';

const KIND_KEY: Record<string, string> = {
  issue: 'overlayJobIssue',
  reserve: 'overlayJobReserve',
  cancel: 'overlayJobCancel',
  pickup: 'overlayJobPickup',
};
const RESULT_KEY: Record<JobTarget['status'], string> = {
  done: 'overlayResultDone',
  failed: 'overlayResultFailed',
  skipped: 'overlayResultSkipped',
  todo: 'overlayResultTodo',
};

/** a time left as the operator reads it: seconds, rounded up; minutes and seconds from a minute on */
function duration(ms: number, t: Translate): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s < 60 ? t('overlayDurationSeconds', s) : t('overlayDurationMinutes', Math.floor(s / 60), s % 60);
}

export function JobPanel({
  job,
  t,
  showResults,
  onDismiss,
  now = Date.now(),
}: {
  job: Job;
  t: Translate;
  showResults: boolean;
  onDismiss: () => void;
  now?: number;
}) {
  const kind = t(KIND_KEY[job.kind] ?? 'overlayJobIssue');
  const total = job.targets.length;
  const count = (s: JobTarget['status']) => job.targets.filter((x) => x.status === s).length;
  const finished = job.status === 'done' || job.status === 'failed';
  // 발급 후 바로 예약: its panel says the 예약 follows, has no 닫기, and is marked as handing over, not
  // done, until the 예약 answers
  const handingOver = handsOver(job);
  const done = total - count('todo');
  const failed = count('failed');
  const left = finished ? undefined : timeLeftMs(job, now);
  // while it runs, only what went wrong: a list growing by every outcome would re-lay the admin's page
  // out at each answer (hundreds of lines on a long job); once it ends, every outcome
  const shown = job.targets.filter((x) => (finished ? x.status !== 'todo' : x.status === 'failed' || x.status === 'skipped'));
  return (
    <div class="epg-job" data-epg-job={handingOver ? 'next' : job.status}>
      {finished ? (
        <div>
          {t('overlayJobFinished', kind, count('done'), count('failed'), count('skipped'))}{' '}
          {handingOver ? (
            <span class="epg-job__next">{t('overlayJobNextReserve')}</span>
          ) : (
            <button type="button" class="btn btn-xs btn-white epg-btn" data-epg-dismiss-job onClick={onDismiss}>
              {t('overlayClose')}
            </button>
          )}
        </div>
      ) : (
        <div>
          {t('overlayJobRunning', kind, done, total)}
          {failed > 0 && (
            <span class="epg-job__failed" data-epg-job-failed={failed}>
              {' · '}
              {t('overlayJobFailedSoFar', failed)}
            </span>
          )}
          {left !== undefined && (
            <span class="epg-job__left" data-epg-job-left={Math.ceil(left / 1000)}>
              {' · '}
              {t('overlayJobTimeLeft', duration(left, t))}
            </span>
          )}
          <div class="epg-job__bar">
            <div class="epg-job__fill" style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
          </div>
        </div>
      )}
      {showResults && shown.length > 0 && (
        <ul class="epg-results">
          {shown.map((x) => (
            <li key={x.key} class={`epg-r--${x.status}`}>
              {x.orderNo}
              {x.itemSnos.length > 0 ? ` (${x.itemSnos.join(', ')})` : ''} · {t(RESULT_KEY[x.status])}
              {x.message ? ` — ${x.message}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
