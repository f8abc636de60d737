// @vitest-environment happy-dom
// What the operator reads while a long job runs: done / total, the failures so far, the time left;
// and, once it ends, the totals.
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { Job } from '../../../lib/db/types';
import { JobPanel } from '../../../components/overlay/JobPanel';
import { translator } from './i18n-helper';

const t = translator('ko');

function job(statuses: Array<Job['targets'][number]['status']>, over: Partial<Job> = {}): Job {
  return {
    id: 'issue-1',
    kind: 'issue',
    status: 'running',
    adminOrigin: 'https://a',
    operatorId: 'kim',
    createdAt: 0,
    updatedAt: 0,
    targets: statuses.map((status, i) => ({
      key: `o${i}`,
      orderNo: `o${i}`,
      itemSnos: [],
      status,
      ...(status === 'todo' ? {} : { at: (i + 1) * 1_000 }),
      ...(status === 'failed' ? { message: '연락처오류' } : {}),
    })),
    ...over,
  };
}

function panel(j: Job, now: number): HTMLElement {
  const host = document.createElement('div');
  render(<JobPanel job={j} t={t} showResults={true} onDismiss={() => undefined} now={now} />, host);
  return host;
}

describe('job panel', () => {
  it('a running job shows done / total, its failures so far and the time left', () => {
    // 3 outcomes in 3 s, 117 left: about 117 s → 1분 57초
    const host = panel(job(['done', 'failed', 'done', ...Array<'todo'>(117).fill('todo')]), 3_000);
    const text = host.querySelector('[data-epg-job="running"]')!.textContent!;
    expect(text).toContain('송장번호 발급 진행 중: 3 / 120');
    expect(text).toContain('실패 1건');
    expect(text).toContain('남은 시간 약 1분 57초');
    // while it runs the list holds what went wrong only, not a line per parcel done
    expect([...host.querySelectorAll('.epg-results li')].map((li) => li.className)).toEqual(['epg-r--failed']);
  });

  it('before any outcome there is no time left to show, and no failures', () => {
    const text = panel(job(['todo', 'todo']), 500).textContent!;
    expect(text).toContain('0 / 2');
    expect(text).not.toContain('남은 시간');
    expect(text).not.toContain('실패');
  });

  it('a finished job shows its totals, not a time left', () => {
    const host = panel(job(['done', 'failed'], { status: 'done', finishedAt: 2_000 }), 2_000);
    expect(host.querySelector('[data-epg-job="done"]')!.textContent).toContain('송장번호 발급 완료: 성공 1건, 실패 1건, 건너뜀 0건');
    expect(host.textContent).not.toContain('남은 시간');
    // once it ends, every outcome
    expect([...host.querySelectorAll('.epg-results li')].map((li) => li.className)).toEqual(['epg-r--done', 'epg-r--failed']);
  });

  it('an issue job that started its 예약 (발급 후 바로 예약) is a hand-over, not the end: no 닫기, not marked done', () => {
    const host = panel(job(['done', 'done'], { status: 'done', finishedAt: 2_000, next: 'job-2' }), 2_000);
    expect(host.querySelector('[data-epg-job="done"]')).toBeNull();
    const text = host.querySelector('[data-epg-job="next"]')!.textContent!;
    expect(text).toContain('송장번호 발급 완료: 성공 2건');
    expect(text).toContain('이어서 예약합니다');
    expect(host.querySelector('[data-epg-dismiss-job]')).toBeNull();
  });
});
