// Typed values of the Korea Post 계약소포 OpenAPI, parsed once at the edge (see epost-openapi.md).

/** 1 일반 (≈ 선불), 2 수취인 부담 (≈ 착불) */
export type PayType = '1' | '2';
/** 1 일반소포, 2 반품소포 */
export type ReqType = '1' | '2';

export interface EpostEndpoints {
  /** base of the 계약소포 API, e.g. https://ship.epost.go.kr */
  shipBaseUrl: string;
  /** base of the contract-customer trace, e.g. https://biz.epost.go.kr */
  traceBaseUrl: string;
  /** base of data.go.kr tracking, e.g. http://openapi.epost.go.kr */
  openApiBaseUrl: string;
}

/**
 * Every call carries its key in the query string (인증키, trace regkey, serviceKey), so https wherever
 * working public clients use it: ship (계약소포) and biz (trace). data.go.kr's openapi host stays
 * http: public code reports it refusing port 443 (README, "Which scheme for which Korea Post host").
 * The manifest's host permissions are these origins (wxt.config.ts).
 */
export const REAL_ENDPOINTS: EpostEndpoints = {
  shipBaseUrl: 'https://ship.epost.go.kr',
  traceBaseUrl: 'https://biz.epost.go.kr',
  openApiBaseUrl: 'http://openapi.epost.go.kr',
};

export interface EpostCredentials {
  /** 인증키, 30 chars */
  apiKey: string;
  /** 보안키, 22 chars (first 16 bytes are the SEED key) */
  securityKey: string;
}

export interface Contract {
  apprNo: string;
  payTypeCd: string; // 10 즉납, 12 후납
  payTypeNm: string;
  postNm: string; // 계약 우체국명
  statusNm: string;
  expiredYmd: string;
  closedYmd: string;
}

export interface Office {
  officeSer: string;
  officeNm: string;
  officeZip: string;
  officeAddr: string;
  officeTelno: string;
  contactNm: string;
}

export interface InsertOfficeInput {
  custNo: string;
  officeSer: string;
  officeNm: string;
  officeZip: string;
  officeAddr1: string;
  officeAddr2: string;
  officeTelno: string;
  contactNm: string;
  contactMobile?: string;
  contactEmail?: string;
}

export interface StoppedZip {
  areaNm: string;
  strtZipCd: string;
  endZipCd: string; // normalised: equals strtZipCd when empty on the wire
  applyStrtYmd: string;
  applyEndYmd: string;
  stopReason: string;
}

export interface InsertOrderInput {
  custNo: string;
  apprNo: string;
  payType: PayType;
  reqType: ReqType;
  officeSer: string;
  microYn?: 'Y' | 'N';
  orderNo: string;
  ordCompNm: string;
  recNm: string;
  recZip: string;
  recAddr1: string;
  recAddr2: string;
  recTel?: string;
  recMob?: string;
  contCd: string;
  goodsNm: string;
  weight?: number;
  volume?: number;
  packngMtrCd?: string;
  delivMsg?: string;
  qty?: number;
  ordNm?: string;
  ordZip?: string;
  ordAddr1?: string;
  ordAddr2?: string;
  ordTel?: string;
  ordMob?: string;
  /** 반품소포 (reqType 2): the number the goods first went out under */
  retOrigRegiNo?: string;
  printYn?: 'Y' | 'N';
  printAreaCdYn?: 'Y' | 'N';
  testYn?: 'Y' | 'N';
}

export interface InsertOrderResult {
  reqNo: string;
  resNo: string;
  regiNo: string;
  orderNo: string;
  regiPoNm: string;
  resDate: string;
  price: string;
  vTelNo: string;
  arrCnpoNm: string;
  delivPoNm: string;
  delivAreaCd: string;
  courseNo: string;
  insuFee: string;
  islandAddFee: string;
  refineZip: string;
  refineAddr: string;
  printAreaCd: string;
}

export interface ResInfo {
  reqNo: string;
  resNo: string;
  regiNo: string;
  regiPoNm: string;
  resDate: string;
  price: string;
  vTelNo: string;
  /** 00 신청준비, 01 소포신청, 02 운송장출력, 03 집하완료, 04 미집하, 05 신청취소 (TREAT_STATUS_NAMES) */
  treatStusCd: string;
}

/** GetResInfo's treatStusCd as the manual names them (more codes exist; those show as the bare code). */
const TREAT_STATUS_NAMES: Record<string, string> = {
  '00': '신청준비',
  '01': '소포신청',
  '02': '운송장출력',
  '03': '집하완료',
  '04': '미집하',
  '05': '신청취소',
};

/** `02 운송장출력`: a treatStusCd for the operator. */
export const treatStatusText = (code: string): string => [code, TREAT_STATUS_NAMES[code]].filter(Boolean).join(' ');

export interface CancelInput {
  custNo: string;
  apprNo: string;
  reqType: ReqType;
  reqNo: string;
  resNo: string;
  regiNo: string;
  delYn: 'Y' | 'N';
  reqYmd?: string;
}

export interface CancelResult {
  reqNo: string;
  resNo: string;
  cancelRegiNo: string;
  cancelDate: string;
  canceledYn: string; // Y / N / D
  regiNo: string; // the NEW number Korea Post assigned; the old one is void forever
  notCancelReason: string;
}

/** The outcome of InsertOrder: registered, definitely refused, or unknown (must reconcile). */
export type InsertOrderOutcome =
  | {
      kind: 'ok';
      result: InsertOrderResult;
      /** the browser sent the request twice by itself (resend.ts): an earlier copy may be registered too */
      resent?: true;
    }
  | { kind: 'error'; error: import('./errors').EpostError }
  | { kind: 'unknown'; cause: string };

export type TrackingStatus =
  | 'accepted' // 접수
  | 'dispatched' // 발송
  | 'arrived' // 도착
  | 'outForDelivery' // 배달준비
  | 'delivered' // 배달완료
  | 'undelivered' // 미배달
  | 'cancelled' // 신청취소 / 접수취소
  | 'pickedUp' // 집하완료 / 인수완료
  | 'labelPrinted' // 운송장출력
  | 'other';

export interface TrackingEvent {
  /** epoch ms of the event in KST as given by Korea Post */
  at: number;
  /** YYYY-MM-DD HH:mm (KST) as text for display */
  when: string;
  location: string;
  status: TrackingStatus;
  /** the raw status word as Korea Post wrote it */
  statusText: string;
  /** 미배달 reason or detail text */
  detail: string;
}

export interface TrackingResult {
  regiNo: string;
  /** false when Korea Post has no scan yet (ERR-001 / no data): pending, not a failure */
  found: boolean;
  senderName: string;
  receiverName: string;
  events: TrackingEvent[];
}

/** The client surface the shipments workflows depend on. */
export interface EpostApi {
  getCustNo(memberId: string): Promise<string>;
  getApprNo(custNo: string): Promise<Contract[]>;
  getOfficeInfo(custNo: string): Promise<Office[]>;
  insertOffice(input: InsertOfficeInput): Promise<{ regiPoNm: string }>;
  getStoppedZipCd(zipCd?: string): Promise<StoppedZip[]>;
  insertOrder(input: InsertOrderInput): Promise<InsertOrderOutcome>;
  /** reqYmd: YYYYMMDD in KST. Returns [] when Korea Post has no such request (ERR-225). */
  getResInfo(q: { custNo: string; reqType: ReqType; orderNo: string; reqYmd: string }): Promise<ResInfo[]>;
  cancel(input: CancelInput): Promise<CancelResult>;
}

export interface TrackingApi {
  track(regiNo: string): Promise<TrackingResult>;
}

/** The test-mode number Korea Post answers with (testYn=Y): never a real invoice. */
const TEST_REGI_NO = 'TESTREGINOAPI';

/** A 등기번호 as Korea Post hands them out: 13 digits, or the test-mode literal. */
export function isRegiNoValue(regiNo: string): boolean {
  return /^\d{13}$/.test(regiNo) || regiNo === TEST_REGI_NO;
}
