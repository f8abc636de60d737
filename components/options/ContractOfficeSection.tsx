// The contract (승인번호, 계약 우체국명, 즉납/후납) and the 공급지 (sender) chosen from Korea Post's
// lists, or a new 공급지 registered with InsertOffice from the address below.
import { t } from '../common/i18n';
import { TextField } from './bound';
import { contractUsable, type OptionsModel } from './model';

export function ContractOfficeSection({ m }: { m: OptionsModel }) {
  const f = m.form.value!;
  const contracts = m.contracts.value;
  const offices = m.offices.value;
  return (
    <section class="card" aria-labelledby="sec-contract">
      <h2 id="sec-contract">{t('optionsSecContract')}</h2>
      {!contracts && !f.apprNo && <p class="hint">{t('optionsContractAfterVerify')}</p>}
      {f.apprNo && (
        <p class="chosen" data-chosen="contract">
          {t('optionsChosenContract', f.apprNo, f.postNm || '-', f.payTypeNm || '-')}
        </p>
      )}
      {m.errors.value.apprNo && (
        <p class="error" role="alert" data-error-for="apprNo">
          {m.errors.value.apprNo}
        </p>
      )}
      {contracts && (
        <table class="choices" data-list="contracts">
          <thead>
            <tr>
              <th />
              <th>{t('optionsApprNo')}</th>
              <th>{t('optionsPostNm')}</th>
              <th>{t('optionsPayType')}</th>
              <th>{t('optionsContractStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {contracts.length === 0 && (
              <tr>
                <td colSpan={5}>{t('optionsNoContracts')}</td>
              </tr>
            )}
            {contracts.map((c) => (
              <tr key={c.apprNo} class={contractUsable(c) ? '' : 'disabled'}>
                <td>
                  <input
                    type="radio"
                    name="contract"
                    value={c.apprNo}
                    aria-label={c.apprNo}
                    checked={f.apprNo === c.apprNo}
                    disabled={!contractUsable(c)}
                    onChange={() => m.chooseContract(c)}
                  />
                </td>
                <td class="mono">{c.apprNo}</td>
                <td>{c.postNm}</td>
                <td>{c.payTypeNm}</td>
                <td>
                  {c.statusNm}
                  {c.closedYmd ? ` (${c.closedYmd})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('optionsSecOffice')}</h3>
      {offices && (
        <table class="choices" data-list="offices">
          <thead>
            <tr>
              <th />
              <th>{t('optionsOfficeSer')}</th>
              <th>{t('optionsOfficeNm')}</th>
              <th>{t('optionsAddress')}</th>
              <th>{t('optionsTel')}</th>
            </tr>
          </thead>
          <tbody>
            {offices.length === 0 && (
              <tr>
                <td colSpan={5}>{t('optionsNoOffices')}</td>
              </tr>
            )}
            {offices.map((o) => (
              <tr key={o.officeSer}>
                <td>
                  <input
                    type="radio"
                    name="office"
                    value={o.officeSer}
                    aria-label={o.officeNm}
                    checked={f.officeSer === o.officeSer}
                    onChange={() => m.chooseOffice(o)}
                  />
                </td>
                <td class="mono">{o.officeSer}</td>
                <td>{o.officeNm}</td>
                <td>
                  ({o.officeZip}) {o.officeAddr}
                </td>
                <td>{o.officeTelno}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="grid">
        <TextField m={m} name="officeSer" label={t('optionsOfficeSer')} required maxLength={20} hint={t('optionsOfficeSerHint')} />
        <TextField m={m} name="officeNm" label={t('optionsOfficeNm')} required maxLength={50} />
      </div>
      <div class="actions">
        <button
          type="button"
          class="btn"
          data-action="register-office"
          disabled={!!m.busy.value || !f.custNo}
          onClick={() => void m.registerOffice()}
        >
          {t('optionsRegisterOffice')}
        </button>
        <span class="hint">{t('optionsRegisterOfficeHint')}</span>
      </div>
    </section>
  );
}
