// Every message of lib/messages.ts, one entry each: who may send it, what handles it, and what the
// background does after it. The router (gate + dispatch) and the post-message effects are derived from
// this table, and `MessageTable` makes the compiler check it against the protocol type: a message
// without an entry, or with a handler of the wrong shape, does not build.
import type { Job } from '../../db/types';
import type { ProtocolMap } from '../../messages';
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
  receiverGroups,
  reportTypedInvoices,
  rowShipments,
  runningJob,
  startJob,
} from './overlay';
import { getSettings, saveSettingsFromPage, setIssueMode } from './settings';

type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]>[0],
  who: SenderKind,
) => Promise<ReturnType<ProtocolMap[K]>> | ReturnType<ProtocolMap[K]>;

export interface MessageEntry<K extends keyof ProtocolMap> {
  /**
   * `extension`: the extension's own pages only (popup, options, labels). `admin`: also the overlay's
   * content script on an admin page, and then only about its own admin origin (sender-gate.ts).
   */
  from: 'extension' | 'admin';
  handle: Handler<K>;
  /** runs once the message was handled (also when it failed): badge refresh, watchdog, queued writes */
  after?: (who: SenderKind) => void;
}

export type MessageTable = { [K in keyof ProtocolMap]: MessageEntry<K> };

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

export function messageTable(ctx: BackgroundContext, deps: MessageDeps): MessageTable {
  const flushFor = createWriteFlusher(ctx);
  const badge = () => deps.refreshBadge?.();
  return {
    rowShipments: {
      from: 'admin',
      handle: (data) => rowShipments(ctx, data),
      // an admin page is open and logged in: a good moment for writes an expired session left queued
      after: (who) => {
        if (who.kind !== 'content') return;
        flushFor(who.adminOrigin);
        deps.prepareReader?.();
      },
    },
    receiverGroups: { from: 'admin', handle: (data) => receiverGroups(ctx, data) },
    startJob: {
      from: 'admin',
      handle: (data) => startJob(ctx, data, deps.onJobFinished),
      after: () => {
        badge();
        deps.armJobWatchdog?.();
      },
    },
    getJob: {
      from: 'admin',
      handle: async (data, who) => {
        const job = await ctx.shipments.getJob(String(data?.jobId ?? ''), jobSeenOf(data?.seen));
        // an admin page sees only its own origin's jobs
        return who.kind === 'content' && job?.adminOrigin !== who.adminOrigin ? undefined : job;
      },
    },
    // an admin page asks about its own origin's jobs whatever it claims (the gate refuses another's)
    runningJob: {
      from: 'admin',
      handle: (data, who) => runningJob(ctx, who.kind === 'content' ? { ...data, adminOrigin: who.adminOrigin } : data),
    },
    reportTypedInvoices: { from: 'admin', handle: (data) => reportTypedInvoices(ctx, data), after: badge },
    openLabels: { from: 'admin', handle: (data) => openLabels(data) },
    setIssueMode: { from: 'admin', handle: (data) => setIssueMode(ctx, data) },
    dashboard: { from: 'extension', handle: () => dashboard(ctx, deps.sync) },
    syncNow: { from: 'extension', handle: () => syncNow(deps.sync) },
    getSettings: { from: 'extension', handle: () => getSettings(ctx) },
    saveSettings: { from: 'extension', handle: (data) => saveSettingsFromPage(ctx, data), after: badge },
    verifyMember: { from: 'extension', handle: (data) => verifyMember(ctx, data) },
    listContracts: { from: 'extension', handle: (data) => listContracts(ctx, data) },
    listOffices: { from: 'extension', handle: (data) => listOffices(ctx, data) },
    registerOffice: { from: 'extension', handle: (data) => registerOffice(ctx, data) },
    adminCouriers: { from: 'extension', handle: () => adminCouriers(ctx) },
    registerAdminOrigin: {
      from: 'extension',
      handle: (data) =>
        registerAdminOrigin(String(data?.origin ?? ''), {
          granted: async () => (await ctx.loadSettings()).adminOrigins,
          saveGranted: async (adminOrigins) => {
            await ctx.saveSettings({ adminOrigins });
          },
          sandbox: ctx.sandbox,
          cssFiles: deps.contentScriptCss,
        }),
    },
    labelData: { from: 'extension', handle: (data) => labelData(ctx, data) },
    markPrinted: { from: 'extension', handle: (data) => markPrinted(ctx, data), after: badge },
    exportCsv: { from: 'extension', handle: (data) => exportCsv(ctx, data) },
  };
}
