// Rows of the local journal (IndexedDB via Dexie). The godomall order and Korea Post are the shared
// truth; this journal is what one browser knows and what makes a killed job resumable.
import type { PayType, TrackingEvent } from '../epost/types';

export type IssueMode = 'order' | 'item'; // 주문별 / 상품별

/** A parcel size Korea Post prices by: weight (kg), size (cm, the three sides added), 내용품 and 포장재 codes (settings.boxes). */
export interface Box {
  name: string;
  weight: number;
  volume: number;
  contCd: string;
  packngMtrCd: string;
}

/**
 * pending    journal written, InsertOrder sent or about to be; outcome not yet known
 * issued     발급 · 예약 전
 * reserved   예약 후
 * shipping   배송중 (printed after reservation, or Korea Post scanned it moving)
 * delivered  배송완료
 * void       number cancelled (by us or at Korea Post); never used again
 * failed     not issued, with a reason (e.g. 연락처오류); the same key may be issued later
 * unlinked   연동 해제: an operator changed the order status by hand; never touched again
 */
export type ShipmentState = 'pending' | 'issued' | 'reserved' | 'shipping' | 'delivered' | 'void' | 'failed' | 'unlinked';

export const LIVE_STATES: readonly ShipmentState[] = ['pending', 'issued', 'reserved', 'shipping', 'delivered'];
export const SHIPMENT_STATES: readonly ShipmentState[] = [...LIVE_STATES, 'void', 'failed', 'unlinked'];

/** twins = more than one live registration of the key family that could not be cancelled (family.ts) */
export type ExceptionKind = 'undelivered' | 'returned' | 'stuck' | 'cancelled' | 'twins';

export interface Receiver {
  name: string;
  zip: string;
  addr1: string;
  addr2: string;
  tel: string;
  mobile: string;
}

export interface GoodsLine {
  sno: string;
  name: string;
  option: string;
  quantity: number;
  /** 사은품: listed on the label, not counted as a goods line */
  gift?: boolean;
}

export interface Shipment {
  /** our Korea Post order key: `<orderNo>` (주문별) or `<orderNo>-<sno>` (상품별), plus `-r<n>` */
  key: string;
  /** key without the `-r<n>` re-issue suffix: one live shipment per baseKey */
  baseKey: string;
  reissue: number;
  mode: IssueMode;
  orderNo: string;
  itemSnos: string[];
  adminOrigin: string;
  /** the admin's order pages when not the shop's `/order/`: a supplier's `<origin>/provider/order/` */
  adminBase?: string;
  state: ShipmentState;
  /** 'typed' = a 우체국택배 number entered by hand in godomall, tracked only */
  source: 'issued' | 'typed' | 'adopted';
  test: boolean;
  payType: PayType;
  regiNo: string;
  reqNo: string;
  resNo: string;
  /** YYYYMMDD (KST) of the InsertOrder request — needed by GetResInfo */
  reqYmd: string;
  resDate: string;
  price: string;
  vTelNo: string;
  regiPoNm: string;
  arrCnpoNm: string;
  delivPoNm: string;
  delivAreaCd: string;
  courseNo: string;
  printAreaCd: string;
  receiver: Receiver;
  goods: GoodsLine[];
  delivMsg: string;
  /** godomall status code we last wrote (or saw when we issued): the 연동 해제 baseline */
  godomallStatus: string;
  /**
   * per covered item (sno → code): the status godomall actually holds as of our last landed write (or
   * our read at 예약). The per-item 연동 해제 baseline: items of one order can differ (p1 + g5), and a
   * write godomall refused leaves the old status, neither of which is an operator's change.
   */
  itemStatuses?: Record<string, string>;
  printedAt?: number;
  reservedAt?: number;
  deliveredAt?: number;
  lastEventAt?: number;
  exception?: { kind: ExceptionKind; reason: string };
  /** last error or warning, in Korean for the operator */
  message?: string;
  /** why a 'failed' row failed; 'contact' = 연락처오류 (fixable in the order, then issue again) */
  failure?: 'contact' | 'address' | 'stoppedZip' | 'refused' | 'config' | 'order' | 'unconfirmed';
  /**
   * 묶음배송: the other godomall orders this one parcel carries (their packet's orders, issued as one
   * with `orderNo` as the lead); every godomall write goes to each of them too
   */
  packetOrders?: string[];
  /** the box preset the parcel was issued with (absent: the default weight and size) */
  box?: Box;
  /**
   * 반품 회수 (InsertOrder reqType=2): not a parcel to the customer but a pickup from them, for a godomall
   * claim. godomall has no field for its number (research: no return invoice in the templates), so it
   * lives here and on the claim list's row; it is never written into the order's invoice.
   */
  pickup?: Pickup;
  /**
   * 교환 재배송: a parcel to the customer carrying an exchange's replacement items (godomall's 교환추가,
   * z1–z5): read on the order's 교환내역 tab, written into those items' own invoice, moved along the z
   * steps (z3 추가배송중, z4 추가배송완료) instead of d1/d2. Its key is `<orderNo>-X<lowest sno>` (keys.ts).
   */
  reship?: true;
  /** 제주/도서산간 extra fee (원) Korea Post answered at issue; absent or '0' when none */
  islandAddFee?: string;
  /** 주문별 over the whole order: the invoice is written at order level (itemSnos = the items covered then) */
  wholeOrder?: boolean;
  /** when our first and our latest InsertOrder for this key went out (a retried or resumed key settles from the latest) */
  firstSentAt?: number;
  lastSentAt?: number;
  /** when the sync last asked Korea Post's tracking about this number, and what it said (track-plan.ts) */
  lastCheckedAt?: number;
  trackPhase?: 'none' | 'accepted' | 'moving' | 'outForDelivery' | 'undelivered' | 'exception';
  /** when the whole key family was last looked at and left with one live registration (family.ts) */
  reconciledAt?: number;
  /**
   * the KST days (YYYYMMDD → when) a family look found with no live registration but the keeper, for a
   * family of `keys` keys (family.ts): a day looked at after it ended is never asked again
   */
  cleanDays?: { keys: number; days: Record<string, number> };
  /** the Korea Post orderNo of the registration we keep, when it is a sibling key (another PC's `-r<n>`) */
  epostKey?: string;
  /** live numbers of this family that could not be cancelled (the first is the one kept): shown loudly */
  twins?: string[];
  /** = baseKey while the row is live, absent otherwise: a unique index (v2) makes a second live row impossible */
  liveBaseKey?: string;
  /** 1 while the row asks something of the operator and no later live row of its baseKey supersedes it (v3 index; attention.ts) */
  attention?: 1;
  warnings: string[];
  createdAt: number;
  updatedAt: number;
  operatorId: string;
}

/** A return pickup's claim: `b` 반품 (b1 반품접수 → b2 반송중 → b4 반품회수완료) or `e` 교환 (e1 → e2 반송중). */
export interface Pickup {
  claim: 'b' | 'e';
  /** the number the goods went out under, sent as retOrigRegiNo when we know it */
  origRegiNo?: string;
}

export interface VoidNumber {
  regiNo: string;
  key: string;
  reason: string;
  at: number;
}

export interface StoredTrackingEvent extends TrackingEvent {
  id?: number;
  regiNo: string;
}

/** pickup = 반품 회수 접수 (a return pickup per claim, exactly once like issue) */
export type JobKind = 'issue' | 'reserve' | 'cancel' | 'print' | 'sync' | 'pickup';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTarget {
  /** baseKey for issue, shipment key for the others */
  key: string;
  orderNo: string;
  itemSnos: string[];
  status: 'todo' | 'done' | 'skipped' | 'failed';
  message?: string;
  /** when its outcome was recorded (the job's pace: the operator's time left, the bench's trace) */
  at?: number;
  /** issue: orders to the same receiver the operator chose to send with this one as one parcel */
  combine?: string[];
  /** issue: this parcel's own box preset (the job's preview), as it was at the start; else the job's `box` */
  box?: Box;
}

/** A job as stored: its targets live in their own table (one short write per outcome, whatever the job's size). */
export interface JobRecord {
  id: string;
  kind: JobKind;
  status: JobStatus;
  adminOrigin: string;
  /** the admin's order pages when not the shop's `/order/`: a supplier's `<origin>/provider/order/` */
  adminBase?: string;
  operatorId: string;
  mode?: IssueMode;
  /** issue: the box preset chosen at the start, as it was then (a later settings edit does not change a running job) */
  box?: Box;
  /** pickup: whose claims — the 반품 (b) or the 교환 (e) list's */
  claim?: Pickup['claim'];
  /** issue: the operator agreed to 예약 of its parcels right after (settings.reserveAfterIssue) */
  thenReserve?: boolean;
  /** the job started for this one when it ended (an issue's 예약): a page following it follows that */
  next?: string;
  /** issue: the replacement items of exchanges (교환추가 list), each target keyed `<orderNo>-X<lowest sno>` */
  reship?: true;
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
  /**
   * Changes recorded so far (each target's outcome, each status): a page that saw this number has seen
   * the job as it is, which the background tells from this row alone, without reading the targets.
   * Absent on a job no change was recorded for yet (and on jobs of older builds).
   */
  rev?: number;
}

/** A job with its targets in order: what the overlay, the notices and the tests read. */
export interface Job extends JobRecord {
  targets: JobTarget[];
}

/**
 * What the overlay shows of a shipment, kept small in its own table (orderRows, v3) so a list page's
 * 500 look-ups read a few hundred bytes a row, not whole shipments; archived shipments keep theirs.
 */
export type OrderRow = { /** the shipment's key, or `<key>#<orderNo>` for the other orders of a 묶음배송 parcel */ rowKey: string } & Pick<
  Shipment,
  | 'key'
  | 'baseKey'
  | 'orderNo'
  | 'adminOrigin'
  | 'itemSnos'
  | 'state'
  | 'regiNo'
  | 'test'
  | 'printedAt'
  | 'exception'
  | 'message'
  | 'failure'
  | 'liveBaseKey'
  | 'updatedAt'
  | 'islandAddFee'
  | 'box'
  | 'pickup'
  | 'reship'
> & {
    /** how the number came (absent in rows written before it was copied here: read as issued, or typed by its key) */
    source?: Shipment['source'];
  };

/**
 * How many rows of the shipments table are in one state (return pickups included), and under
 * `pickup:<state>` / `apart:<state>` how many of those are return pickups / no parcel of ours: kept by
 * putShipment (a missing row is recounted from the index).
 */
export interface StateCount {
  state: CountKey;
  n: number;
}

/**
 * `apart:<state>`: rows that hold no parcel of this contract at Korea Post (lifecycle.ts ourParcel):
 * test registrations (TESTREGINOAPI reaches no post office) and numbers typed into godomall by hand.
 */
export type CountKey = ShipmentState | `pickup:${ShipmentState}` | `apart:${ShipmentState}`;

/** What every return pickup's key holds (`<orderNo>-R<sno>`, shipments/keys.ts), and no other key does. */
export const PICKUP_KEY_MARK = '-R';

/** One target row of the jobTargets table: `seq` keeps the job's order. */
export interface StoredJobTarget extends JobTarget {
  jobId: string;
  seq: number;
}

export interface SyncRun {
  id?: number;
  startedAt: number;
  finishedAt?: number;
  trigger: 'alarm' | 'manual';
  checked: number;
  delivered: number;
  moving: number;
  exceptions: number;
  /** live parcels not checked this run: not due yet (track-plan.ts) or past this run's budget */
  deferred?: number;
  /** tracking calls this run made, counted against the day's budget */
  calls?: number;
  /** parcels this run set out to check (a resumed run: those it checked before it stopped, and the rest) */
  planned?: number;
  errors: string[];
}

type AuditAction = 'issue' | 'reserve' | 'print' | 'reprint' | 'cancel' | 'void' | 'unlink' | 'status' | 'adopt';

export interface AuditEntry {
  id?: number;
  at: number;
  operatorId: string;
  action: AuditAction;
  key: string;
  orderNo: string;
  regiNo: string;
  detail: string;
}

/** A godomall write waiting for a live admin session (session expiry never loses a write). */
export interface PendingWrite {
  id?: number;
  adminOrigin: string;
  /** the admin's order pages when not the shop's `/order/`: a supplier's `<origin>/provider/order/` */
  adminBase?: string;
  shipmentKey: string;
  kind: 'invoice' | 'clearInvoice' | 'status';
  orderNo: string;
  itemSnos: string[];
  invoiceNo?: string;
  status?: string;
  attempts: number;
  lastError?: string;
  /** status writes: the status we expect to find; anything else means an operator changed it (연동 해제) */
  expectStatus?: string;
  /** status writes: only write while the items' status group is one of these letters (e.g. 'opg' = 배송중 이전) */
  onlyFromGroups?: string;
  /** status writes: only items in one of these exact statuses move (a claim's step: b1 → b2, never b3 → b2) */
  onlyFrom?: string[];
  operatorId?: string;
  createdAt: number;
}
