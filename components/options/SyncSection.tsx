// 배송상태 업데이트: tracking source and keys, sync interval, 정체 days, and the admin address.
import { t } from '../common/i18n';
import { SecretField, SelectField, TextField, Toggle } from './bound';
import type { OptionsModel } from './model';

export function SyncSection({ m }: { m: OptionsModel }) {
  return (
    <section class="card" aria-labelledby="sec-sync">
      <h2 id="sec-sync">{t('optionsSecSync')}</h2>
      <div class="grid">
        <SelectField
          m={m}
          name="trackingSource"
          label={t('optionsTrackingSource')}
          options={[
            ['trace', t('optionsTrackingTrace')],
            ['datagokr', t('optionsTrackingDataGoKr')],
          ]}
        />
        <SecretField m={m} name="traceKey" label={t('optionsTraceKey')} hint={t('optionsTraceKeyHint')} />
        <SecretField m={m} name="dataGoKrKey" label={t('optionsDataGoKrKey')} hint={t('optionsDataGoKrKeyHint')} />
        <TextField
          m={m}
          name="syncIntervalMinutes"
          label={t('optionsSyncInterval')}
          inputMode="numeric"
          hint={t('optionsSyncIntervalHint')}
        />
        <TextField m={m} name="stuckDays" label={t('optionsStuckDays')} inputMode="numeric" hint={t('optionsStuckDaysHint')} />
        <TextField
          m={m}
          name="trackingDailyBudget"
          label={t('optionsTrackingBudget')}
          inputMode="numeric"
          hint={t('optionsTrackingBudgetHint')}
        />
        <TextField
          m={m}
          name="archiveAfterDays"
          label={t('optionsArchiveAfterDays')}
          inputMode="numeric"
          hint={t('optionsArchiveAfterDaysHint')}
        />
        <Toggle
          m={m}
          name="returnClaimStatus"
          label={t('optionsReturnClaimStatus')}
          on={t('optionsUse')}
          off={t('optionsNotUse')}
          hint={t('optionsReturnClaimStatusHint')}
        />
      </div>
      <h3>{t('optionsSecAdmin')}</h3>
      <div class="grid">
        <TextField
          m={m}
          name="adminOrigin"
          label={t('optionsAdminOrigin')}
          wide
          inputMode="url"
          placeholder="https://gdadmin.myshop.co.kr"
          hint={t('optionsAdminOriginHint')}
        />
      </div>
      {m.adminOrigins.value.length > 0 && (
        <ul class="origins" data-list="admin-origins">
          {m.adminOrigins.value.map((o) => {
            const check = m.couriers.value.find((c) => c.origin === o);
            return (
              <li key={o}>
                {o}
                {check && (
                  <span class={`courier courier--${check.state}`} data-courier-check={check.state}>
                    {' '}
                    {check.text}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
