// The typed control surface of the simulator (in-process); control-http.ts exposes the same verbs
// as JSON under /__sandbox/ for the e2e tests and the demo.
import type { FaultScope, FaultSettings } from './faults.ts';
import { kstStamp } from './kst.ts';
import type { SandboxKeys, SandboxState } from './state.ts';
import type { Parcel, Registration } from './store.ts';
import { applyParcelAction, treatStusCd, visibleEvents, type ParcelAction } from './tracking.ts';

interface ParcelView {
  regiNo: string;
  orderNo: string;
  reqNo: string;
  resNo: string;
  reqYmd: string;
  resDate: string;
  payType: string;
  test: boolean;
  /** the receiver as decrypted from the request, for tests that check what reached Korea Post */
  recNm: string;
  recAddr1: string;
  /** the box as sent, and the 도서산간 fee answered */
  weight: string;
  volume: string;
  contCd: string;
  reqType: string;
  printYn: string;
  retOrigRegiNo: string;
  /** 반품소포: the courier's visit day (YYYYMMDD) */
  retVisitYmd: string;
  goodsNm: string;
  islandAddFee: string;
  treatStusCd: string;
  /** the last visible scan's stage, 'registered' before the pickup scan */
  stage: string;
  stuck: boolean;
  /** the number Korea Post assigned when this parcel was cancelled (also void) */
  cancelNewRegiNo: string;
  /** cancelled with delYn=Y: GetResInfo no longer lists it */
  deleted: boolean;
  events: { at: number; when: string; location: string; word: string; detail: string }[];
}

export interface SandboxSnapshot {
  now: number;
  nowKst: string;
  registrations: number;
  parcels: ParcelView[];
  calls: Record<string, number>;
  /** of those, the calls that came over https */
  httpsCalls: Record<string, number>;
  /** of those, the calls that came on a kept-alive connection an earlier call had used */
  reusedCalls: Record<string, number>;
  faults: { seed: number; scopes: Record<string, FaultSettings> };
}

export interface SandboxControl {
  readonly keys: Readonly<SandboxKeys>;
  readonly custNo: string;
  now(): number;
  advanceHours(hours: number): number;
  /** Move every live parcel (not test-mode, cancelled or stuck) n scans forward; returns how many moved. */
  advanceSteps(steps: number): number;
  setFaults(settings: FaultSettings, scope?: FaultScope): void;
  clearFaults(): void;
  seedFaults(seed: number): void;
  parcel(regiNo: string): ParcelView | undefined;
  /** Throws when the parcel is unknown or the action cannot apply (test-mode or cancelled parcel). */
  parcelAction(regiNo: string, action: ParcelAction): ParcelView;
  registrations(orderNo: string): Registration[];
  /** every successful InsertOrder (duplicates and test mode included) */
  registrationCount(): number;
  state(): SandboxSnapshot;
  reset(): void;
}

function viewParcel(p: Parcel, now: number): ParcelView {
  const events = visibleEvents(p, now);
  return {
    regiNo: p.regiNo,
    orderNo: p.orderNo,
    reqNo: p.reqNo,
    resNo: p.resNo,
    reqYmd: p.reqYmd,
    resDate: p.resDate,
    payType: p.payType,
    test: p.test,
    recNm: p.recNm,
    recAddr1: p.recAddr1,
    weight: p.weight,
    volume: p.volume,
    contCd: p.contCd,
    reqType: p.reqType,
    printYn: p.printYn,
    retOrigRegiNo: p.retOrigRegiNo,
    retVisitYmd: p.retVisitYmd,
    goodsNm: p.goodsNm,
    islandAddFee: p.islandAddFee,
    treatStusCd: treatStusCd(p, now),
    stage: events[events.length - 1]?.stage ?? 'registered',
    stuck: p.stuckAt !== undefined,
    cancelNewRegiNo: p.cancel?.newRegiNo ?? '',
    deleted: p.cancel?.deleted ?? false,
    events: events.map((e) => ({ at: e.at, when: kstStamp(e.at), location: e.location, word: e.word, detail: e.detail })),
  };
}

export function createControl(s: SandboxState): SandboxControl {
  return {
    keys: s.keys,
    get custNo() {
      return s.account.custNo;
    },
    now: () => s.clock.now(),
    advanceHours: (hours) => s.clock.advanceHours(hours),
    advanceSteps: (steps) => {
      const now = s.clock.now();
      let moved = 0;
      for (const p of s.store.all()) {
        if (p.test || p.cancel || p.stuckAt !== undefined) continue;
        const before = visibleEvents(p, now).length;
        applyParcelAction(p, { action: 'advance', steps }, now);
        if (visibleEvents(p, now).length > before) moved++;
      }
      return moved;
    },
    setFaults: (settings, scope = 'all') => s.faults.set(scope, settings),
    clearFaults: () => s.faults.clear(),
    seedFaults: (seed) => s.faults.reseed(seed),
    parcel: (regiNo) => {
      const p = s.store.get(regiNo);
      return p && viewParcel(p, s.clock.now());
    },
    parcelAction: (regiNo, action) => {
      const p = s.store.get(regiNo);
      if (!p) throw new Error(`등기번호 ${regiNo}: 소포가 없습니다.`);
      const refused = applyParcelAction(p, action, s.clock.now());
      if (refused) throw new Error(`등기번호 ${regiNo}: ${refused}`);
      return viewParcel(p, s.clock.now());
    },
    registrations: (orderNo) => [...s.store.registrations(orderNo)],
    registrationCount: () => s.store.registrationCount(),
    state: () => {
      const now = s.clock.now();
      return {
        now,
        nowKst: kstStamp(now),
        registrations: s.store.registrationCount(),
        parcels: s.store.all().map((p) => viewParcel(p, now)),
        calls: Object.fromEntries(s.calls),
        httpsCalls: Object.fromEntries(s.httpsCalls),
        reusedCalls: Object.fromEntries(s.reusedCalls),
        faults: s.faults.snapshot(),
      };
    },
    reset: () => s.reset(),
  };
}
