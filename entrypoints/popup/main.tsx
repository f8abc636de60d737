import { render } from 'preact';
import '../../components/popup/popup.css';
import { installTranslator } from '../../components/common/i18n';
import { createPopupModel } from '../../components/popup/model';
import { Popup } from '../../components/popup/Popup';
import { background } from '../../lib/messages';
import { createTranslator } from '../../lib/overlay/i18n';
import { unissuedInActiveTab } from './view-count';
import { workerIsStale } from '../../lib/build-stamp';

installTranslator(createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs)));
const model = createPopupModel({
  dashboard: () => background.dashboard(),
  syncNow: () => background.syncNow(),
  openOptions: () => browser.runtime.openOptionsPage(),
  openUrl: async (url) => {
    await browser.tabs.create({ url });
  },
  unissuedInView: unissuedInActiveTab,
  workerIsStale,
});
render(<Popup m={model} />, document.getElementById('app')!);
model.start();
addEventListener('pagehide', () => model.stop());
