// 사업자 정보: 상호명 (→ ordCompNm), 대표자명, 사업자번호, contacts, the 공급지 address, 라벨프린터, 테스트 모드.
import { t } from '../common/i18n';
import { TextField, Toggle } from './bound';
import type { OptionsModel } from './model';

const ZIP_SEARCH_URL = 'https://www.epost.go.kr/search.RetrieveIntegrationNewZipCdList.comm';

export function CompanySection({ m }: { m: OptionsModel }) {
  return (
    <section class="card" aria-labelledby="sec-company">
      <h2 id="sec-company">{t('optionsSecCompany')}</h2>
      <div class="grid">
        <TextField m={m} name="companyName" label={t('optionsCompanyName')} required maxLength={100} hint={t('optionsCompanyNameHint')} />
        <TextField m={m} name="ceoName" label={t('optionsCeoName')} required maxLength={40} />
        <TextField m={m} name="bizNo" label={t('optionsBizNo')} required inputMode="numeric" placeholder="123-45-67890" maxLength={12} />
        <TextField m={m} name="email" label={t('optionsEmail')} required inputMode="email" placeholder="shop@example.com" />
        <TextField m={m} name="tel" label={t('optionsTel')} required inputMode="tel" placeholder="02-123-4567" />
        <TextField m={m} name="mobile" label={t('optionsMobile')} required inputMode="tel" placeholder="010-1234-5678" />
      </div>
      <div class="grid grid--address">
        <div class="zip-row">
          <TextField m={m} name="zip" label={t('optionsZip')} required inputMode="numeric" maxLength={5} placeholder="06236" />
          <a class="btn btn--link" href={ZIP_SEARCH_URL} target="_blank" rel="noreferrer">
            {t('optionsZipSearch')}
          </a>
        </div>
        <TextField m={m} name="addr1" label={t('optionsAddr1')} required wide maxLength={150} />
        <TextField m={m} name="addr2" label={t('optionsAddr2')} wide maxLength={150} />
      </div>
      <div class="grid">
        <Toggle
          m={m}
          name="labelPrinter"
          label={t('optionsLabelPrinter')}
          on={t('optionsUse')}
          off={t('optionsNotUse')}
          hint={t('optionsLabelPrinterHint')}
        />
        <Toggle
          m={m}
          name="testMode"
          label={t('optionsTestMode')}
          on={t('optionsUse')}
          off={t('optionsNotUse')}
          hint={t('optionsTestModeHint')}
        />
      </div>
    </section>
  );
}
