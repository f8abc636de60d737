// Progress of the running job and, once it ends, the per-order results with Korean reasons.
import type { Job, JobTarget } from '../../lib/db/types';
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

export function JobPanel({ job, t, showResults, onDismiss }: { job: Job; t: Translate; showResults: boolean; onDismiss: () => void }) {
  const kind = t(KIND_KEY[job.kind] ?? 'overlayJobIssue');
  const total = job.targets.length;
  const count = (s: JobTarget['status']) => job.targets.filter((x) => x.status === s).length;
  const finished = job.status === 'done' || job.status === 'failed';
  const done = total - count('todo');
  return (
    <div class="epg-job" data-epg-job={job.status}>
      {finished ? (
        <div>
          {t('overlayJobFinished', kind, count('done'), count('failed'), count('skipped'))}{' '}
          <button type="button" class="btn btn-xs btn-white epg-btn" data-epg-dismiss-job onClick={onDismiss}>
            {t('overlayClose')}
          </button>
        </div>
      ) : (
        <div>
          {t('overlayJobRunning', kind, done, total)}
          <div class="epg-job__bar">
            <div class="epg-job__fill" style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
          </div>
        </div>
      )}
      {showResults && done > 0 && (
        <ul class="epg-results">
          {job.targets
            .filter((x) => x.status !== 'todo')
            .map((x) => (
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
