// The data the extension's messages carry (what the pages and the background exchange). The messages
// themselves are declared in background/handlers/index.ts; lib/messages.ts derives the protocol from
// them. Types only: importing this never pulls a context's code into another.
import type { TrackingEvent } from './epost/types';
import type { AuditEntry, IssueMode, JobKind, JobRecord, JobStatus, Shipment, ShipmentState, ExceptionKind, SyncRun } from './db/types';
import type { Settings } from './settings';

/** What the overlay needs to draw one row's badge. Never carries secrets. */
export interface RowShipment {
  key: string;
  baseKey: string;
  orderNo: string;
  itemSnos: string[];
  state: ShipmentState;
  regiNo: string;
  test: boolean;
  printed: boolean;
  exception?: { kind: ExceptionKind; reason: string };
  message?: string;
  /** 연락처오류: a failed issue because the receiver's phone has a wrong format (badge links to order_view) */
  contactError?: boolean;
  /** the number is registered at Korea Post but its godomall write is still queued (고도몰 저장 대기) */
  savePending?: boolean;
  /** 제주/도서산간 extra fee (원) Korea Post charges for this parcel */
  islandAddFee?: number;
  /** the box preset it was issued with */
  box?: string;
  /** a return pickup (반품 회수) for the order's 반품 (b) or 교환 (e) claim, not a parcel to the customer */
  pickup?: 'b' | 'e';
  /** 교환 재배송: the parcel of an exchange's replacement items (교환추가), shown on the 교환추가 list only */
  reship?: true;
  /** how the number came: issued by us, adopted from another PC, or typed by hand (lifecycle.ts rules) */
  source?: Shipment['source'];
}

/** One parcel of an order as the order page's panel shows it: the row's view plus its scans. */
export interface OrderParcel extends RowShipment {
  /** Korea Post's scans of its number, oldest first (empty before the first sync saw one) */
  events: Array<Pick<TrackingEvent, 'at' | 'when' | 'location' | 'statusText' | 'detail'>>;
  updatedAt: number;
}

/** Everything the journal knows about one order: every parcel (void and failed ones too) and who did what. */
export interface OrderParcels {
  parcels: OrderParcel[];
  /** newest first */
  audit: Array<Omit<AuditEntry, 'id'>>;
}

export interface JobRequestTarget {
  orderNo: string;
  /** the items this shipment covers (상품별: exactly one; 주문별: may be empty = the whole order) */
  itemSnos: string[];
  /** issue: this parcel's box preset by name, chosen in the job's preview (instead of the job's `box`) */
  box?: string;
}

export interface StartJobRequest {
  kind: Exclude<JobKind, 'sync' | 'print'>;
  adminOrigin: string;
  /** the supplier admin's `<origin>/provider/order/` when the job starts there (its pages are not the shop's) */
  adminBase?: string;
  operatorId: string;
  mode: IssueMode;
  /** issue: orders/items; reserve/cancel: shipment keys go in `keys` */
  targets?: JobRequestTarget[];
  keys?: string[];
  /** issue: the name of a box preset (settings.boxes) sent instead of the default weight and size */
  box?: string;
  /** issue (주문별): groups of orders to one receiver the operator agreed to send as one parcel each */
  combine?: string[][];
  /** pickup: the claim list it starts from — 반품 (b) or 교환 (e); targets are its claim rows */
  claim?: 'b' | 'e';
  /** issue: reserve the issued parcels as soon as the job ends (the operator was asked so) */
  thenReserve?: boolean;
  /** issue: the replacement (교환추가) items of exchanges, from the 교환추가 list or the order page */
  reship?: boolean;
}

export interface DashboardData {
  testMode: boolean;
  connection: Settings['connection'];
  /** parcels to customers by state; `pickups`: return pickups booked or on their way back */
  /**
   * parcels to customers by state (test numbers left out), return pickups under way, unlinked orders'
   * parcels, and `live`: every registration Korea Post holds under the contract as this journal knows it
   * (delivered, pickups, unlinked and uncancelled twins included)
   */
  counts: Record<
    'issued' | 'reserved' | 'shipping' | 'delivered' | 'pickups' | 'unlinked' | 'contactError' | 'exceptions' | 'pendingWrites' | 'live',
    number
  >;
  lastSync?: SyncRun;
  nextSyncAt?: number;
  syncing: boolean;
  /** while syncing: parcels tracked so far of those to check (the manual button's progress) */
  syncProgress?: { checked: number; total: number };
  needsAction: Array<{ key: string; orderNo: string; adminOrigin: string; adminBase?: string; reason: string }>;
  runningJobs: JobRecord[];
  /** tracking calls made today (KST) against the day's budget */
  tracking: { usedToday: number; dailyBudget: number };
}

/** A shipment as the label page needs it (sender and layout settings included; no secrets). */
export interface LabelData {
  shipments: Shipment[];
  sender: Settings['sender'];
  companyName: string;
  label: Settings['label'];
  /** n/N per shipment key when an order has several live numbers (see lib/labels/data.ts) */
  parcels?: Record<string, { index: number; total: number }>;
  /** keys asked for that cannot be printed, with the reason in Korean */
  skipped?: Array<{ key: string; reason: string }>;
}

/** Whether an admin's 배송 업체 list offers 우체국택배, as the options page shows it per admin address. */
export interface AdminCourierCheck {
  origin: string;
  state: 'ok' | 'missing' | 'unknown' | 'login' | 'error';
  /** what the operator reads (Korean) */
  text: string;
}

/** What a page last saw of a job: `getJob` answers once the job differs from it (or after a while). */
export interface JobSeen {
  status: JobStatus;
  /** the job's `rev` as seen (absent: none recorded yet): whether the job moved on is its row's read alone */
  rev?: number;
}
