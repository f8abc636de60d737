// 인터넷우체국 ID + OpenAPI keys, 「연동 확인」 and the connection state (미설정 → 확인 중 → 연동 완료 / 오류).
import type { ConnectionState } from '../../lib/settings';
import { t } from '../common/i18n';
import { SecretField, TextField } from './bound';
import type { OptionsModel } from './model';

function ConnectionBadge({ state }: { state: ConnectionState }) {
  const text = {
    unset: t('optionsConnUnset'),
    checking: t('optionsConnChecking'),
    connected: t('optionsConnConnected'),
    error: t('optionsConnError'),
  }[state.state];
  return (
    <div class={`conn conn--${state.state}`} data-connection={state.state} role="status">
      <span class="conn__dot" aria-hidden="true" />
      <strong>{text}</strong>
      {state.state === 'error' && <span class="conn__message">{state.message}</span>}
      {state.state === 'connected' && <span class="conn__when">{new Date(state.at).toLocaleString('ko-KR')}</span>}
    </div>
  );
}

export function ConnectionSection({ m }: { m: OptionsModel }) {
  const f = m.form.value!;
  return (
    <section class="card" aria-labelledby="sec-conn">
      <div class="card__head">
        <h2 id="sec-conn">{t('optionsSecConnection')}</h2>
        <ConnectionBadge state={m.connection.value} />
      </div>
      <p class="lead">{t('optionsConnectionLead')}</p>
      <div class="grid">
        <TextField m={m} name="memberId" label={t('optionsMemberId')} required maxLength={15} hint={t('optionsMemberIdHint')} />
        <div class="field field--static" data-field="custNo">
          <span class="label">{t('optionsCustNo')}</span>
          <output data-value="custNo">{f.custNo || '—'}</output>
          {m.errors.value.custNo && (
            <p class="error" role="alert" data-error-for="custNo">
              {m.errors.value.custNo}
            </p>
          )}
        </div>
        <SecretField m={m} name="apiKey" label={t('optionsApiKey')} length={30} required />
        <SecretField m={m} name="securityKey" label={t('optionsSecurityKey')} length={22} required />
      </div>
      <p class="hint">{t('optionsNoPasswordHint')}</p>
      <div class="actions">
        <button type="button" class="btn btn--primary" data-action="verify" disabled={!!m.busy.value} onClick={() => void m.verify()}>
          {t('optionsVerify')}
        </button>
      </div>
    </section>
  );
}
