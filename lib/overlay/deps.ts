// What the overlay model needs from outside: the background (over lib/messages.ts) and the page.
import type { IssueMode, Job } from '../db/types';
import type { ListRow } from '../godomall/types';
import type { JobSeen, RowShipment, StartJobRequest } from '../messages';
import type { ReceiverGroup } from '../shipments/receiver-groups';
import type { Translate } from './i18n';
import type { typedInvoiceRows } from './targets';

/** The background's side of lib/messages.ts that the overlay uses. */
export interface OverlayBackend {
  rowShipments(d: { adminOrigin: string; orderNos: string[] }): Promise<RowShipment[]>;
  startJob(d: StartJobRequest): Promise<{ jobId: string }>;
  /** with `seen`, answered once the job differs from it (or after a while) */
  getJob(d: { jobId: string; seen?: JobSeen }): Promise<Job | undefined>;
  /** the admin's newest unfinished job (optional: without it a page shows only jobs it started) */
  runningJob?(d: { adminOrigin: string; adminBase?: string }): Promise<Job | undefined>;
  openLabels(d: { keys: string[] }): Promise<void>;
  /** answers with the journal's shipments of those orders after adopting the numbers */
  reportTypedInvoices(d: { adminOrigin: string; rows: ReturnType<typeof typedInvoiceRows> }): Promise<RowShipment[]>;
  /** orders among these that go to one receiver (optional: a backend without it offers no combining) */
  receiverGroups?(d: { adminOrigin: string; adminBase?: string; orderNos: string[] }): Promise<ReceiverGroup[]>;
  /** keeps the 주문별/상품별 choice for the next page (the background owns the settings) */
  setIssueMode(d: { issueMode: IssueMode }): Promise<void>;
}

export interface OverlayDeps {
  backend: OverlayBackend;
  adminOrigin: string;
  /** on the supplier admin: `<origin>/provider/order/` (its jobs read and write there) */
  adminBase?: string;
  mode: IssueMode;
  /** the shop's box presets by name (settings.boxes); an issue job may send one instead of the default box */
  boxes?: readonly string[];
  /**
   * on a claim list (반품 b / 교환 e): the rows are claims, their badges are return pickups (반품 회수),
   * and the jobs are pickups and their cancels; elsewhere pickups are not shown
   */
  claim?: 'b' | 'e';
  t: Translate;
  operatorId: () => string;
  /**
   * every row of the admin's current search, all pages (lib/godomall fetchAllSearchRows); omit it when
   * this page already shows the whole search (the page's rows are then the search)
   */
  fetchSearchRows?: () => Promise<ListRow[]>;
  confirm: (text: string) => boolean;
  /** where the running job's id is kept across a page reload (the tab's sessionStorage) */
  jobMemory?: { load(): string | undefined; save(jobId: string | undefined): void };
  signal?: AbortSignal;
  /** marks a step of a job (the search read, the receiver look-up, the question, each answer) on the page's timeline */
  trace?: (step: string, detail?: Record<string, unknown>) => void;
  /** the least time between two asks about a running job (default 150 ms) */
  pollMs?: number;
}

export type Notice = { level: 'info' | 'error'; text: string };
