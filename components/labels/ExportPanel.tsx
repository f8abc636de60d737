// 「발송 내역 내려받기」: a date range and a download button. The caller supplies the export (the
// background's exportCsv); this component only turns the CSV text into a file download.
import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/overlay/i18n';

interface Props {
  /** dates as YYYY-MM-DD (KST shop days), inclusive */
  onExport(fromYmd: string, toYmd: string): Promise<{ filename: string; csv: string }>;
  /** today's date (YYYY-MM-DD, KST) as the default range */
  today: string;
  t: Translate;
}

export function ExportPanel({ onExport, today, t }: Props) {
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function download(e: Event) {
    e.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const { filename, csv } = await onExport(from, to);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const rows = csv.split('\r\n').filter(Boolean).length - 1;
      setMessage(t('labelsExportDone', filename, rows));
    } catch (err) {
      setMessage(t('labelsExportFailed', err instanceof Error ? err.message : String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="export-panel" onSubmit={download}>
      <strong>{t('labelsExportTitle')}</strong>{' '}
      <input name="from" type="date" value={from} required onInput={(e) => setFrom(e.currentTarget.value)} /> ~{' '}
      <input name="to" type="date" value={to} required onInput={(e) => setTo(e.currentTarget.value)} />{' '}
      <button type="submit" disabled={busy}>
        {busy ? t('labelsExportBusy') : t('labelsExportButton')}
      </button>
      {message && (
        <span class="export-message" role="status">
          {' '}
          {message}
        </span>
      )}
    </form>
  );
}
