// 「우체국택배 신청/관리」: the whole options page. Dumb: renders the model, calls its verbs.
import { t } from '../common/i18n';
import { CompanySection } from './CompanySection';
import { ConnectionSection } from './ConnectionSection';
import { ContractOfficeSection } from './ContractOfficeSection';
import type { OptionsModel } from './model';
import { SandboxSection } from './SandboxSection';
import { ShippingSection } from './ShippingSection';
import { SyncSection } from './SyncSection';

export function OptionsPage({ m }: { m: OptionsModel }) {
  if (!m.form.value) return <p class="loading">{t('optionsLoading')}</p>;
  const notice = m.notice.value;
  return (
    <form
      class="page"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void m.save();
      }}
    >
      <header class="page__head">
        <h1>{t('optionsTitle')}</h1>
        <p>{t('optionsSubtitle')}</p>
        {m.form.value.testMode && <p class="banner banner--test">{t('optionsTestBanner')}</p>}
      </header>
      <ConnectionSection m={m} />
      <ContractOfficeSection m={m} />
      <CompanySection m={m} />
      <ShippingSection m={m} />
      <SyncSection m={m} />
      {m.sandbox && <SandboxSection m={m} />}
      <footer class="savebar">
        <div class="savebar__msg" aria-live="polite">
          {m.busy.value && <span class="busy">{m.busy.value}</span>}
          {!m.busy.value && notice && (
            <span class={`notice notice--${notice.kind}`} data-notice={notice.kind}>
              {notice.text}
            </span>
          )}
        </div>
        <button type="submit" class="btn btn--primary" data-action="save" disabled={!!m.busy.value}>
          {t('optionsSave')}
        </button>
      </footer>
    </form>
  );
}
