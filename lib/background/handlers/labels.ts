// Messages from the label page: what to print, that it was printed, and the day's CSV.
import { exportShipmentsCsv } from '../../export/csv';
import { loadLabelData } from '../../labels/data';
import type { LabelData } from '../../message-data';
import type { BackgroundContext } from '../context';
import { lastOperatorId } from './overlay';

const keysOf = (data: { keys: string[] }) => (Array.isArray(data?.keys) ? data.keys.map(String).filter(Boolean) : []);

export async function labelData(ctx: BackgroundContext, data: { keys: string[] }): Promise<LabelData> {
  const keys = keysOf(data);
  const refused = await ctx.shipments.reconcileForLabels(keys, await lastOperatorId(ctx));
  const out = await loadLabelData(
    ctx.db,
    keys.filter((k) => !refused.some((r) => r.key === k)),
    await ctx.loadSettings(),
  );
  return refused.length ? { ...out, skipped: [...(out.skipped ?? []), ...refused] } : out;
}

export async function markPrinted(ctx: BackgroundContext, data: { keys: string[]; reprint: boolean }): Promise<{ moved: number }> {
  return ctx.shipments.markPrinted(keysOf(data), data.reprint === true, await lastOperatorId(ctx));
}

export async function exportCsv(ctx: BackgroundContext, data: { fromYmd: string; toYmd: string }) {
  return exportShipmentsCsv(ctx.db, String(data?.fromYmd ?? ''), String(data?.toYmd ?? ''));
}
