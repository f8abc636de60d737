// What the operator is told when background work ends badly, and the badge count.
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { jobNotice, syncNotice } from '../../../lib/background/notifications';
import { refreshBadge } from '../../../lib/background/badge';
import type { Job, SyncRun } from '../../../lib/db/types';
import { putShipment } from '../../../lib/db/repo/shipments';
import { startTestBackground, type TestBackground } from './helpers';
import { bareShipment } from '../bare-shipment';

const run = (errors: string[]): SyncRun => ({
  startedAt: 1,
  finishedAt: 2,
  trigger: 'alarm',
  checked: 5,
  delivered: 2,
  moving: 1,
  exceptions: 0,
  errors,
});

function job(statuses: Array<'done' | 'failed'>, status: Job['status'] = 'done'): Job {
  return {
    id: 'issue-1',
    kind: 'issue',
    status,
    adminOrigin: 'https://gdadmin.a.godomall.com',
    operatorId: 'admin',
    createdAt: 1,
    updatedAt: 2,
    targets: statuses.map((s, i) => ({
      key: `260000000000000${i}`,
      orderNo: `260000000000000${i}`,
      itemSnos: [],
      status: s,
      ...(s === 'failed' ? { message: '연락처오류: 수령자 연락처가 없습니다.' } : {}),
    })),
  };
}

describe('notices', () => {
  it('a clean sync or job is silent', () => {
    expect(syncNotice(run([]))).toBeUndefined();
    expect(jobNotice(job(['done', 'done']))).toBeUndefined();
  });
  it('a sync with errors names the first and counts the rest', () => {
    expect(syncNotice(run(['6892122316034: ERR-131 부하', 'x', 'y']))).toEqual({
      title: '배송상태 업데이트: 오류 3건',
      message: '6892122316034: ERR-131 부하 외 2건',
    });
    expect(syncNotice(undefined, new Error('배송조회 키가 설정되지 않았습니다.'))?.message).toBe('배송조회 키가 설정되지 않았습니다.');
  });
  it('a job with failed targets says which order and why', () => {
    expect(jobNotice(job(['done', 'failed', 'failed']))).toEqual({
      title: '송장번호 발급: 실패 2건',
      message: '2600000000000001: 연락처오류: 수령자 연락처가 없습니다. 외 1건',
    });
  });
});

describe('badge', () => {
  let bg: TestBackground;
  beforeEach(async () => {
    bg = await startTestBackground();
  });
  afterEach(async () => bg.close());

  it('counts the rows needing the operator, and clears when none', async () => {
    expect(await refreshBadge(bg.ctx.shipments)).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const now = Date.now();
    await putShipment(
      bg.ctx.db,
      bareShipment('2611280000000009', {
        state: 'failed',
        failure: 'contact',
        message: '연락처오류: 수령자 연락처가 없습니다.',
        createdAt: now,
        updatedAt: now,
      }),
    );
    expect(await refreshBadge(bg.ctx.shipments)).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
