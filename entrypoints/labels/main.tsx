// The label page (labels.html?keys=k1,k2&reprint=1 or ?calibrate=1). Thin: wires the browser
// (messages, settings, print events) into the page state and renders.
import { render } from 'preact';
import '../../components/labels/labels.css';
import { LabelsApp } from '../../components/labels/LabelsApp';
import { parseLabelQuery } from '../../lib/labels/data';
import { kstDate } from '../../lib/labels/format';
import { createLabelPageState } from '../../lib/labels/page-state';
import { background } from '../../lib/messages';
import { createTranslator } from '../../lib/overlay/i18n';
import { IS_SANDBOX_BUILD, loadSettings } from '../../lib/settings';
import { installSandboxHooks } from './sandbox-hooks';

const query = parseLabelQuery(location.search);
const state = createLabelPageState(
  {
    loadData: (keys) => background.labelData({ keys }),
    markPrinted: (keys, reprint) => background.markPrinted({ keys, reprint }),
    confirmPrinted: (count, reprint) =>
      window.confirm(
        reprint
          ? `운송장 ${count}건을 다시 출력했습니까?\n확인을 누르면 재출력으로 기록합니다.`
          : `운송장 ${count}건이 출력되었습니까?\n확인을 누르면 출력으로 기록하고, 예약된 주문은 배송중으로 변경합니다.\n인쇄를 취소했다면 「취소」를 누르세요.`,
      ),
    // through the background, like every settings write (it keeps only the fields a page may set)
    saveLabelSettings: async (label) => {
      await background.saveSettings({ settings: { label } });
    },
    // after the labels' first paint with their fonts, so the dialog's preview holds every label
    print: () => void document.fonts.ready.then(() => requestAnimationFrame(() => setTimeout(() => window.print(), 0))),
  },
  query,
);

// A print dialog closing may be a print or a cancel (Chrome does not tell): the page asks the operator.
if (!query.calibrate) window.addEventListener('afterprint', () => void state.afterPrint());

if (query.calibrate) {
  void loadSettings().then((s) => state.useLabelSettings(s.label));
} else {
  void state.load();
}
if (IS_SANDBOX_BUILD) installSandboxHooks(state);

document.title = `${browser.i18n.getMessage(query.calibrate ? 'labelsTitleCalibrate' : 'labelsTitle')} - ${browser.i18n.getMessage('extName')}`;
render(
  <LabelsApp
    state={state}
    calibrate={query.calibrate}
    reprint={query.reprint}
    today={kstDate(Date.now())}
    calibrateHref={browser.runtime.getURL('/labels.html?calibrate=1')}
    onPrint={() => window.print()}
    onExport={(fromYmd, toYmd) => background.exportCsv({ fromYmd, toYmd })}
    t={createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs))}
  />,
  document.getElementById('app')!,
);
