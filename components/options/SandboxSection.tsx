// Sandbox build only: where the Korea Post simulators listen.
import { t } from '../common/i18n';
import { TextField } from './bound';
import type { OptionsModel } from './model';

export function SandboxSection({ m }: { m: OptionsModel }) {
  return (
    <section class="card card--sandbox" aria-labelledby="sec-sandbox">
      <h2 id="sec-sandbox">{t('optionsSecSandbox')}</h2>
      <p class="hint">{t('optionsSandboxHint')}</p>
      <div class="grid">
        <TextField m={m} name="shipBaseUrl" label={t('optionsShipBaseUrl')} wide inputMode="url" />
        <TextField m={m} name="traceBaseUrl" label={t('optionsTraceBaseUrl')} wide inputMode="url" />
        <TextField m={m} name="openApiBaseUrl" label={t('optionsOpenApiBaseUrl')} wide inputMode="url" />
      </div>
    </section>
  );
}
