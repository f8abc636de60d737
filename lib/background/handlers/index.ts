// The handler table for every message of lib/messages.ts.
import type { Job } from '../../db/types';
import { registerAdminOrigin } from '../admin-registration';
import type { BackgroundContext } from '../context';
import type { Handlers } from '../router';
import type { SyncControl } from '../sync';
import { verifyMember, listContracts, listOffices, registerOffice } from './connection';
import { dashboard, syncNow } from './dashboard';
import { exportCsv, labelData, markPrinted } from './labels';
import { createWriteFlusher, openLabels, reportTypedInvoices, rowShipments, startJob } from './overlay';
import { getSettings, saveSettingsFromPage } from './settings';

export function createHandlers(
  ctx: BackgroundContext,
  opts: { sync: SyncControl; onJobFinished(job: Job | undefined): void; contentScriptCss?: string[] },
): Handlers {
  const flushFor = createWriteFlusher(ctx);
  return {
    rowShipments: (data, who) => {
      if (who.kind === 'content') flushFor(who.adminOrigin);
      return rowShipments(ctx, data);
    },
    startJob: (data) => startJob(ctx, data, opts.onJobFinished),
    getJob: async (data, who) => {
      const job = await ctx.shipments.getJob(String(data?.jobId ?? ''));
      // an admin page sees only its own origin's jobs
      return who.kind === 'content' && job?.adminOrigin !== who.adminOrigin ? undefined : job;
    },
    reportTypedInvoices: (data) => reportTypedInvoices(ctx, data),
    openLabels: (data) => openLabels(data),
    dashboard: () => dashboard(ctx, opts.sync),
    syncNow: () => syncNow(opts.sync),
    getSettings: () => getSettings(ctx),
    saveSettings: (data) => saveSettingsFromPage(ctx, data),
    verifyMember: (data) => verifyMember(ctx, data),
    listContracts: (data) => listContracts(ctx, data),
    listOffices: (data) => listOffices(ctx, data),
    registerOffice: (data) => registerOffice(ctx, data),
    registerAdminOrigin: (data) =>
      registerAdminOrigin(String(data?.origin ?? ''), {
        granted: async () => (await ctx.loadSettings()).adminOrigins,
        saveGranted: async (adminOrigins) => {
          await ctx.saveSettings({ adminOrigins });
        },
        sandbox: ctx.sandbox,
        cssFiles: opts.contentScriptCss,
      }),
    labelData: (data) => labelData(ctx, data),
    markPrinted: (data) => markPrinted(ctx, data),
    exportCsv: (data) => exportCsv(ctx, data),
  };
}
