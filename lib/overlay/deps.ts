// What the overlay model needs from outside: the background (over lib/messages.ts) and the page.
import type { IssueMode } from '../db/types';
import type { ListRow } from '../godomall/types';
import type { BackgroundClient } from '../messages';
import type { Translate } from './i18n';

/**
 * The background's messages the overlay sends; receiverGroups optional (a backend without it offers no
 * combining), runningJob too (without it a page shows only the jobs it started).
 */
export type OverlayBackend = Pick<
  BackgroundClient,
  'rowShipments' | 'startJob' | 'getJob' | 'openLabels' | 'reportTypedInvoices' | 'setIssueMode'
> &
  Partial<Pick<BackgroundClient, 'receiverGroups' | 'runningJob'>>;

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
  /**
   * on the 교환추가 list: the rows are exchanges' replacement items (z), their badges and jobs are their
   * 교환 재배송 parcels (issue jobs with `reship`); every other list leaves those parcels out
   */
  reship?: true;
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
  /** true when the running worker is another build's (lib/build-stamp.ts): its answers are not read */
  workerIsStale?(): Promise<boolean>;
  /**
   * while a row waits on something the background will settle by itself (a queued godomall write, a
   * send whose outcome is being confirmed), its badge is re-read this often, so it changes as soon as
   * the write lands (default 5 s; 0 = never)
   */
  settlePollMs?: number;
  /** settings.reserveAfterIssue as the operator last saved it: an issue job then reserves its parcels too */
  reserveAfterIssue?(): boolean;
}

export type Notice = { level: 'info' | 'error'; text: string };
