// The tracking lifecycle of a parcel, driven by the simulator clock:
// 접수 → 발송 → 도착 (per hub, with 발송 between hubs) → 배달준비 → 배달완료, or 미배달 with a
// reason. Per-parcel overrides shift or freeze the timeline. Status words carry the real-world
// tails and spaces clients must normalise (`접수 `, `배달완료 ( 배달 )`).
import type { Parcel } from './store.ts';

const HOUR = 3600_000;
/** the pickup scan (접수) comes this long after registration */
const PICKUP_AFTER_HOURS = 4;
/** then one scan every… */
const STEP_HOURS = 3;

type SimStage = 'accepted' | 'dispatched' | 'arrived' | 'outForDelivery' | 'delivered' | 'undelivered' | 'cancelled';

export interface SimEvent {
  at: number;
  location: string;
  /** the status word exactly as Korea Post writes it */
  word: string;
  stage: SimStage;
  detail: string;
}

function plannedSteps(p: Parcel): Omit<SimEvent, 'at'>[] {
  const steps: Omit<SimEvent, 'at'>[] = [
    { stage: 'accepted', word: '접수 ', location: p.regiPoNm, detail: '' },
    { stage: 'dispatched', word: '발송', location: p.regiPoNm, detail: '' },
  ];
  p.sorting.hubs.forEach((hub, i) => {
    steps.push({ stage: 'arrived', word: '도착', location: hub, detail: '' });
    if (i < p.sorting.hubs.length - 1) steps.push({ stage: 'dispatched', word: '발송', location: hub, detail: '' });
  });
  steps.push({ stage: 'outForDelivery', word: '배달준비', location: p.sorting.delivPoNm, detail: '' });
  steps.push(
    p.undeliveredReason !== undefined
      ? { stage: 'undelivered', word: '미배달 ', location: p.sorting.delivPoNm, detail: p.undeliveredReason }
      : { stage: 'delivered', word: '배달완료 ( 배달 )', location: p.sorting.delivPoNm, detail: `${p.recNm} 본인 수령` },
  );
  return steps;
}

/** Every planned scan with its time (some may lie in the future). */
function timeline(p: Parcel): SimEvent[] {
  return plannedSteps(p).map((s, i) => ({ ...s, at: p.timelineStart + (PICKUP_AFTER_HOURS + i * STEP_HOURS) * HOUR }));
}

/** The scans Korea Post would show now. Test-mode parcels are never scanned. */
export function visibleEvents(p: Parcel, now: number): SimEvent[] {
  if (p.test) return [];
  if (p.cancel) return [{ at: p.cancel.at, stage: 'cancelled', word: '신청취소', location: p.regiPoNm, detail: '고객 요청에 의한 취소' }];
  const until = Math.min(now, p.stuckAt ?? Infinity);
  return timeline(p).filter((e) => e.at <= until);
}

export function isPickedUp(p: Parcel, now: number): boolean {
  return !p.cancel && visibleEvents(p, now).length > 0;
}

/**
 * GetResInfo treatStusCd: 01 소포신청, 02 운송장출력, 03 집하완료, 05 신청취소. A 일반소포 starts at 02
 * (printYn Y/empty) or 01 (N); a 반품소포 always at 01 whatever printYn said, and reaches 02 only when
 * the courier prints the waybill at the customer's door.
 */
export function treatStusCd(p: Parcel, now: number): string {
  if (p.cancel) return '05';
  if (isPickedUp(p, now)) return '03';
  if (p.waybillPrinted) return '02';
  return p.reqType === '2' || p.printYn === 'N' ? '01' : '02';
}

/** The hour (KST) the courier calls at the customer on a 반품소포's visit day. */
const RETURN_VISIT_HOUR_KST = 10;

/**
 * A 반품소포's timeline start: its pickup scan (접수) comes on the visit day (retVisitYmd) at the
 * courier's round, never sooner than a 일반소포's would.
 */
export function returnTimelineStart(visitYmd: string, registeredAt: number): number {
  const [y, m, d] = [visitYmd.slice(0, 4), visitYmd.slice(4, 6), visitYmd.slice(6, 8)].map(Number) as [number, number, number];
  const visitAt = Date.UTC(y, m - 1, d, RETURN_VISIT_HOUR_KST - 9);
  return Math.max(registeredAt, visitAt - PICKUP_AFTER_HOURS * HOUR);
}

export type ParcelAction =
  | { action: 'pickUp' }
  /** the waybill is printed (a 반품소포's courier at the customer's door): treatStusCd 02 */
  | { action: 'printWaybill' }
  | { action: 'advance'; steps?: number }
  | { action: 'deliver' }
  | { action: 'undeliver'; reason?: string }
  | { action: 'stuck' }
  | { action: 'unstick' };

/** Apply a per-parcel override at `now`; returns a Korean reason when it cannot apply. */
export function applyParcelAction(p: Parcel, a: ParcelAction, now: number): string | undefined {
  if (p.test) return '테스트 모드 소포는 배송되지 않습니다.';
  if (p.cancel) return '취소된 소포입니다.';
  switch (a.action) {
    case 'stuck':
      p.stuckAt ??= now;
      return undefined;
    case 'unstick':
      unstick(p, now);
      return undefined;
    case 'undeliver': {
      // history is never rewritten: once the final scan is visible the outcome is fixed
      const all = timeline(p);
      if (visibleEvents(p, now).length === all.length) return `이미 ${all[all.length - 1]!.word.trim()} 처리된 소포입니다.`;
      p.undeliveredReason = a.reason?.trim() || '수취인부재';
      return undefined;
    }
    case 'pickUp':
      return moveTo(p, 0, now);
    case 'printWaybill':
      p.waybillPrinted = true;
      return undefined;
    case 'advance': {
      unstick(p, now);
      const shown = visibleEvents(p, now).length;
      return moveTo(p, Math.min(shown - 1 + Math.max(1, a.steps ?? 1), timeline(p).length - 1), now);
    }
    case 'deliver':
      unstick(p, now);
      return moveTo(p, timeline(p).length - 1, now);
  }
}

function unstick(p: Parcel, now: number): void {
  if (p.stuckAt === undefined) return;
  // the frozen stretch is skipped: the parcel resumes where it stopped
  p.timelineStart += now - p.stuckAt;
  p.stuckAt = undefined;
}

/** Pull the timeline earlier so that step `index` has happened by `now` (never pushes it later). */
function moveTo(p: Parcel, index: number, now: number): undefined {
  if (p.stuckAt !== undefined) p.stuckAt = Math.max(p.stuckAt, now);
  const target = timeline(p)[index];
  if (target && target.at > now) p.timelineStart -= target.at - now;
  return undefined;
}
