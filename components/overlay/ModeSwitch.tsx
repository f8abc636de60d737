// 주문별 / 상품별: the issue mode's two buttons, the same on the lists' toolbar and the order page's panel.
import type { IssueMode } from '../../lib/db/types';
import type { Translate } from '../../lib/overlay/i18n';

export function ModeSwitch(props: { mode: IssueMode; busy: boolean; choose: (mode: IssueMode) => void; t: Translate; btn: string }) {
  const { mode, busy, choose, t, btn } = props;
  return (
    <span class="btn-group">
      {(['order', 'item'] as const).map((value) => (
        <button
          type="button"
          class={`${btn}${mode === value ? ' epg-btn--on' : ''}`}
          aria-pressed={mode === value}
          data-epg-mode={value}
          disabled={busy}
          onClick={() => choose(value)}
        >
          {t(value === 'order' ? 'overlayModeOrder' : 'overlayModeItem')}
        </button>
      ))}
    </span>
  );
}
