// 박스 지정 발급: the parcels the next issue job would send, one line each with its box, so an order
// that needs a bigger (or colder) box gets it without a job of its own. Nothing is sent from here
// until 「이대로 발급」, which asks the same questions as every issue job.
import type { Translate } from '../../lib/overlay/i18n';
import { previewKey, type OverlayModel } from '../../lib/overlay/model';

export function IssuePreview({
  model: m,
  t,
  isOperatorClick,
}: {
  model: OverlayModel;
  t: Translate;
  isOperatorClick: (e: Event) => boolean;
}) {
  const p = m.preview.value;
  if (!p) return null;
  const toolbarBox = m.box.value || t('overlayBoxDefault');
  return (
    <div class="epg-preview" data-epg-preview>
      <div class="epg-preview__title">{t('overlayPreviewTitle', p.targets.length)}</div>
      <table class="table table-rows epg-preview__table">
        <thead>
          <tr>
            <th>{t('overlayPreviewOrder')}</th>
            <th>{t('overlayBoxLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {p.targets.map((x) => {
            const key = previewKey(x);
            return (
              <tr key={key} data-epg-preview-row={key}>
                <td class="font-num">
                  {x.orderNo}
                  {x.itemSnos.length ? ` (${x.itemSnos.join(', ')})` : ''}
                </td>
                <td>
                  <select
                    class="form-control input-sm epg-select"
                    data-epg-preview-box={key}
                    value={p.boxes[key] ?? ''}
                    onChange={(e) => m.choosePreviewBox(key, (e.currentTarget as HTMLSelectElement).value)}
                  >
                    <option value="">{t('overlayPreviewToolbarBox', toolbarBox)}</option>
                    {m.boxes.map((b) => (
                      <option value={b}>{b}</option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        class="btn btn-sm btn-red epg-btn"
        data-epg-action="issuePreview"
        disabled={m.busy.value}
        onClick={(e) => isOperatorClick(e) && void m.issuePreview()}
      >
        {t('overlayPreviewIssue')}
      </button>{' '}
      <button type="button" class="btn btn-sm btn-white epg-btn" onClick={() => m.closePreview()}>
        {t('overlayClose')}
      </button>
    </div>
  );
}
