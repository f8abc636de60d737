// A system notification when a sync or a job ends with errors, so a problem noticed in the
// background is not silently lost. Texts never include keys or other secrets.
import type { Job, SyncRun } from '../db/types';

export function syncNotice(run: SyncRun | undefined, error?: unknown): { title: string; message: string } | undefined {
  if (error) return { title: '배송상태 업데이트 실패', message: error instanceof Error ? error.message : String(error) };
  if (!run || run.errors.length === 0) return undefined;
  const first = run.errors[0]!;
  const more = run.errors.length > 1 ? ` 외 ${run.errors.length - 1}건` : '';
  return { title: `배송상태 업데이트: 오류 ${run.errors.length}건`, message: `${first}${more}` };
}

const JOB_NAME: Record<Job['kind'], string> = {
  issue: '송장번호 발급',
  reserve: '예약하기',
  cancel: '예약 취소',
  print: '운송장 출력',
  sync: '배송상태 업데이트',
  pickup: '반품 회수 접수',
};

export function jobNotice(job: Job): { title: string; message: string } | undefined {
  const failed = job.targets.filter((t) => t.status === 'failed');
  if (job.status !== 'failed' && failed.length === 0) return undefined;
  const first = failed[0];
  const detail = first ? `${first.orderNo}: ${first.message ?? '실패'}` : '작업이 중단되었습니다.';
  const more = failed.length > 1 ? ` 외 ${failed.length - 1}건` : '';
  return { title: `${JOB_NAME[job.kind]}: 실패 ${failed.length}건`, message: `${detail}${more}` };
}

export async function notify(notice: { title: string; message: string } | undefined, id?: string): Promise<void> {
  if (!notice) return;
  try {
    await browser.notifications.create(id ?? `epost-${Date.now()}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notice.title,
      message: notice.message,
    });
  } catch {
    // notifications may be disabled by the OS or policy; the popup still shows the errors
  }
}
