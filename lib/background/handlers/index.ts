// Every message, declared once: who may send it, its input (the handler's parameter type, checked at
// the edge by the handler), its handler and what the background does after it. The router (gate +
// dispatch) is built from this table, and the protocol the pages speak (lib/messages.ts ProtocolMap and
// its typed client `background`) is derived from its type: adding a message is one entry here plus its
// handler, and every sender gets it typed.
import type { Job } from '../../db/types';
import type { JobSeen } from '../../message-data';
import { registerAdminOrigin } from '../admin-registration';
import type { BackgroundContext } from '../context';
import type { SenderKind } from '../sender-gate';
import type { SyncControl } from '../sync';
import { verifyMember, listContracts, listOffices, registerOffice, adminCouriers } from './connection';
import { dashboard, syncNow } from './dashboard';
import { exportCsv, labelData, markPrinted } from './labels';
import {
  createWriteFlusher,
  jobSeenOf,
  openLabels,
  orderParcels,
  receiverGroups,
  reportTypedInvoices,
  rowShipments,
  runningJob,
  startJob,
} from './overlay';
import { getSettings, saveSettingsFromPage, setIssueMode } from './settings';

export interface MessageEntry<D = never, R = unknown> {
  /**
   * `extension`: the extension's own pages only (popup, options, labels). `admin`: also the overlay's
   * content script on an admin page, and then only about its own admin origin (sender-gate.ts).
   */
  from: 'extension' | 'admin';
  handle: (data: D, who: SenderKind) => R | Promise<R>;
  /** runs once the message was handled (also when it failed): badge refresh, watchdog, queued writes */
  after?: (who: SenderKind) => void;
}

/** One entry, its input and answer types inferred from its handler. */
const message = <D = undefined, R = unknown>(e: MessageEntry<D, R>): MessageEntry<D, R> => e;

export type MessageTable = ReturnType<typeof messageTable>;

export interface MessageDeps {
  sync: SyncControl;
  onJobFinished(job: Job | undefined): void;
  /** the toolbar badge's count of orders needing action changed */
  refreshBadge?(): void;
  /** a job was started: keep a stopped worker waking up until it ends */
  armJobWatchdog?(): void;
  /** an admin list is open: have the admin page reader ready before its first job reads an order */
  prepareReader?(): void;
  contentScriptCss?: string[];
}

export function messageTable(ctx: BackgroundContext, deps: MessageDeps) {
  const flushFor = createWriteFlusher(ctx);
  const badge = () => deps.refreshBadge?.();
  return {
    // overlay
    rowShipments: message({
      from: 'admin',
      handle: (data: Parameters<typeof rowShipments>[1]) => rowShipments(ctx, data),
      // an admin page is open and logged in: a good moment for writes an expired session left queued
      after: (who) => {
        if (who.kind !== 'content') return;
        flushFor(who.adminOrigin);
        deps.prepareReader?.();
      },
    }),
    /** the order page's panel: the order's parcels, their scans and its audit */
    orderParcels: message({ from: 'admin', handle: (data: Parameters<typeof orderParcels>[1]) => orderParcels(ctx, data) }),
    /** orders among these that go to one receiver (for the issue job's offer to combine them) */
    receiverGroups: message({ from: 'admin', handle: (data: Parameters<typeof receiverGroups>[1]) => receiverGroups(ctx, data) }),
    startJob: message({
      from: 'admin',
      handle: (data: Parameters<typeof startJob>[1]) => startJob(ctx, data, deps.onJobFinished),
      after: () => {
        badge();
        deps.armJobWatchdog?.();
      },
    }),
    getJob: message({
      from: 'admin',
      // `seen`: what the page already showed of the job; the answer waits for the next change (jobs/watch.ts)
      handle: async (data: { jobId: string; seen?: JobSeen }, who): Promise<Job | undefined> => {
        const job = await ctx.shipments.getJob(String(data?.jobId ?? ''), jobSeenOf(data?.seen));
        // an admin page sees only its own origin's jobs
        return who.kind === 'content' && job?.adminOrigin !== who.adminOrigin ? undefined : job;
      },
    }),
    // an admin page asks about its own origin's jobs whatever it claims (the gate refuses another's)
    runningJob: message({
      from: 'admin',
      handle: (data: Parameters<typeof runningJob>[1], who) =>
        runningJob(ctx, who.kind === 'content' ? { ...data, adminOrigin: who.adminOrigin } : data),
    }),
    reportTypedInvoices: message({
      from: 'admin',
      handle: (data: Parameters<typeof reportTypedInvoices>[1]) => reportTypedInvoices(ctx, data),
      after: badge,
    }),
    openLabels: message({ from: 'admin', handle: (data: Parameters<typeof openLabels>[0]) => openLabels(data) }),
    /** the overlay's 주문별/상품별 choice, kept for the next page */
    setIssueMode: message({ from: 'admin', handle: (data: Parameters<typeof setIssueMode>[1]) => setIssueMode(ctx, data) }),
    // popup
    dashboard: message({ from: 'extension', handle: () => dashboard(ctx, deps.sync) }),
    syncNow: message({ from: 'extension', handle: () => syncNow(deps.sync) }),
    // options
    getSettings: message({ from: 'extension', handle: () => getSettings(ctx) }),
    saveSettings: message({
      from: 'extension',
      handle: (data: Parameters<typeof saveSettingsFromPage>[1]) => saveSettingsFromPage(ctx, data),
      after: badge,
    }),
    verifyMember: message({ from: 'extension', handle: (data: Parameters<typeof verifyMember>[1]) => verifyMember(ctx, data) }),
    listContracts: message({ from: 'extension', handle: (data: Parameters<typeof listContracts>[1]) => listContracts(ctx, data) }),
    listOffices: message({ from: 'extension', handle: (data: Parameters<typeof listOffices>[1]) => listOffices(ctx, data) }),
    registerOffice: message({ from: 'extension', handle: (data: Parameters<typeof registerOffice>[1]) => registerOffice(ctx, data) }),
    /** each registered admin's 배송 업체 list, read with the operator's admin session */
    adminCouriers: message({ from: 'extension', handle: () => adminCouriers(ctx) }),
    registerAdminOrigin: message({
      from: 'extension',
      handle: (data: { origin: string }) =>
        registerAdminOrigin(String(data?.origin ?? ''), {
          granted: async () => (await ctx.loadSettings()).adminOrigins,
          saveGranted: async (adminOrigins) => {
            await ctx.saveSettings({ adminOrigins });
          },
          sandbox: ctx.sandbox,
          cssFiles: deps.contentScriptCss,
        }),
    }),
    // labels
    labelData: message({ from: 'extension', handle: (data: Parameters<typeof labelData>[1]) => labelData(ctx, data) }),
    markPrinted: message({
      from: 'extension',
      handle: (data: Parameters<typeof markPrinted>[1]) => markPrinted(ctx, data),
      after: badge,
    }),
    exportCsv: message({ from: 'extension', handle: (data: Parameters<typeof exportCsv>[1]) => exportCsv(ctx, data) }),
  };
}
