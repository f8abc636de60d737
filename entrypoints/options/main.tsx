import { render } from 'preact';
import '../../components/options/options.css';
import { installTranslator } from '../../components/common/i18n';
import { createOptionsModel } from '../../components/options/model';
import { OptionsPage } from '../../components/options/OptionsPage';
import { createTranslator } from '../../lib/overlay/i18n';
import { IS_SANDBOX_BUILD } from '../../lib/settings';
import { optionsApi } from './api';

installTranslator(createTranslator((key, subs) => browser.i18n.getMessage(key as never, subs)));
const model = createOptionsModel(optionsApi, IS_SANDBOX_BUILD);
render(<OptionsPage m={model} />, document.getElementById('app')!);
model.load().catch((err: unknown) => {
  model.notice.value = { kind: 'error', text: err instanceof Error ? err.message : String(err) };
});
