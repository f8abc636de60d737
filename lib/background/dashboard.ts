// The popup's numbers, read straight from the journal. "Needs action" = what the operator must fix
// by hand: 연락처오류 and other failed issues with no live replacement, exceptions (미배달, 반송,
// 정체, 취소) on live parcels, and godomall writes still waiting for an admin session.
import type { JournalDb } from '../db/db';
import { LIVE_STATES, type Shipment } from '../db/types';
import type { DashboardData } from '../messages';

export type NeedsAction = DashboardData['needsAction'][number];

export const isContactError = (s: Shipment) => s.state === 'failed' && /연락처/.test(s.message ?? '');

export async function needsAction(db: JournalDb, limit = 50): Promise<{ total: number; rows: NeedsAction[] }> {
  const failed = await db.shipments.where('state').equals('failed').toArray();
  // a failed baseKey that has since been issued is settled
  const failedBases = [...new Set(failed.map((s) => s.baseKey))];
  const liveBases = new Set(
    failedBases.length
      ? (await db.shipments.where('baseKey').anyOf(failedBases).toArray())
          .filter((s) => LIVE_STATES.includes(s.state))
          .map((s) => s.baseKey)
      : [],
  );
  const rows: NeedsAction[] = [];
  const seen = new Set<string>();
  for (const s of failed.sort((a, b) => b.updatedAt - a.updatedAt)) {
    if (liveBases.has(s.baseKey) || seen.has(s.baseKey)) continue;
    seen.add(s.baseKey);
    rows.push({ key: s.key, orderNo: s.orderNo, adminOrigin: s.adminOrigin, reason: s.message ?? '발급 실패' });
  }
  const live = await db.shipments.where('state').anyOf(['issued', 'reserved', 'shipping']).toArray();
  for (const s of live.filter((x) => x.exception).sort((a, b) => b.updatedAt - a.updatedAt)) {
    rows.push({ key: s.key, orderNo: s.orderNo, adminOrigin: s.adminOrigin, reason: s.exception!.reason });
  }
  for (const w of await db.pendingWrites.toArray()) {
    rows.push({
      key: w.shipmentKey,
      orderNo: w.orderNo,
      adminOrigin: w.adminOrigin,
      reason: `고도몰 저장 대기: 관리자에 로그인하면 자동으로 저장됩니다.${w.lastError ? ` (${w.lastError})` : ''}`,
    });
  }
  return { total: rows.length, rows: rows.slice(0, limit) };
}

export async function dashboardCounts(db: JournalDb): Promise<DashboardData['counts']> {
  const count = (state: Shipment['state']) => db.shipments.where('state').equals(state).count();
  const [issued, reserved, shipping, delivered, failed, live, pendingWrites] = await Promise.all([
    count('issued'),
    count('reserved'),
    count('shipping'),
    count('delivered'),
    db.shipments.where('state').equals('failed').toArray(),
    db.shipments.where('state').anyOf(['issued', 'reserved', 'shipping']).toArray(),
    db.pendingWrites.count(),
  ]);
  return {
    issued,
    reserved,
    shipping,
    delivered,
    contactError: new Set(failed.filter(isContactError).map((s) => s.baseKey)).size,
    exceptions: live.filter((s) => s.exception).length,
    pendingWrites,
  };
}
