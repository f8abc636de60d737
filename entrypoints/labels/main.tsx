// The label page (labels.html?keys=k1,k2&reprint=1 or ?calibrate=1). Thin: wires the browser
// (messages, settings, print events) into the page state and renders.
import { render } from 'preact';
import '../../components/labels/labels.css';
import { LabelsApp } from '../../components/labels/LabelsApp';
import { parseLabelQuery } from '../../lib/labels/data';
import { kstDate } from '../../lib/labels/format';
import { createLabelPageState } from '../../lib/labels/page-state';
import { sendMessage } from '../../lib/messages';
import { createTranslator } from '../../lib/overlay/i18n';
import { IS_SANDBOX_BUILD, loadSettings, saveSettings } from '../../lib/settings';
import { installSandboxHooks } from './sandbox-hooks';

const query = parseLabelQuery(location.search);
const state = createLabelPageState(
  {
    loadData: (keys) => sendMessage('labelData', { keys }),
    markPrinted: (keys, reprint) => sendMessage('markPrinted', { keys, reprint }),
    saveLabelSettings: async (label) => {
      await saveSettings({ label });
    },
  },
  query,
);

// A print dialog closing is the print (Chrome does not tell printed from cancelled).
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
    onExport={(fromYmd, toYmd) => sendMessage('exportCsv', { fromYmd, toYmd })}
    t={createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs))}
  />,
  document.getElementById('app')!,
);
