// 발급 기본값: weight, volume, 내용품코드 (contCd), 포장재, 발급방법, 배송 메시지, label layout and offsets.
import { t } from '../common/i18n';
import { SelectField, TextField, Toggle } from './bound';
import type { OptionsModel } from './model';

/** contCd values of InsertOrder with their Korean names (epost-openapi.md). */
const CONT_CODES: Array<[string, string]> = [
  ['021', '농수축산물 (일반)'],
  ['022', '농수축산물 (냉동/냉장)'],
  ['023', '전자제품'],
  ['024', '서적'],
  ['025', '의류/패션잡화'],
  ['026', '미용/화장품'],
  ['027', '의료/건강식품'],
  ['028', '생활용품'],
  ['029', '기타'],
];

const PACKING_CODES: Array<[string, string]> = [
  ['01', '종이상자'],
  ['03', '폴리백'],
  ['05', '아이스박스'],
  ['09', '기타'],
];

export function ShippingSection({ m }: { m: OptionsModel }) {
  const f = m.form.value!;
  return (
    <section class="card" aria-labelledby="sec-shipping">
      <h2 id="sec-shipping">{t('optionsSecShipping')}</h2>
      <div class="grid">
        <SelectField
          m={m}
          name="issueMode"
          label={t('optionsIssueMode')}
          options={[
            ['order', t('optionsIssueModeOrder')],
            ['item', t('optionsIssueModeItem')],
          ]}
        />
        <Toggle
          m={m}
          name="reserveAfterIssue"
          label={t('optionsReserveAfterIssue')}
          on={t('optionsUse')}
          off={t('optionsNotUse')}
          hint={t('optionsReserveAfterIssueHint')}
        />
        <TextField m={m} name="weight" label={t('optionsWeight')} inputMode="numeric" hint="1~30" />
        <TextField m={m} name="volume" label={t('optionsVolume')} inputMode="numeric" hint={t('optionsVolumeHint')} />
        <SelectField m={m} name="contCd" label={t('optionsContCd')} options={CONT_CODES.map(([c, n]) => [c, `${n} (${c})`])} />
        <SelectField m={m} name="packngMtrCd" label={t('optionsPacking')} options={PACKING_CODES} />
        <TextField
          m={m}
          name="boxes"
          label={t('optionsBoxes')}
          wide
          rows={4}
          placeholder="중형, 5, 100, 029"
          hint={t('optionsBoxesHint')}
        />
        <SelectField
          m={m}
          name="deliveryMessageSource"
          label={t('optionsDelivMsg')}
          options={[
            ['orderMemo', t('optionsDelivMsgMemo')],
            ['fixed', t('optionsDelivMsgFixed')],
            ['none', t('optionsDelivMsgNone')],
          ]}
        />
        {f.deliveryMessageSource === 'fixed' && (
          <TextField m={m} name="deliveryMessageFixed" label={t('optionsDelivMsgText')} wide maxLength={100} />
        )}
      </div>
      <h3>{t('optionsSecLabel')}</h3>
      <div class="grid">
        <SelectField
          m={m}
          name="labelLayout"
          label={t('optionsLabelLayout')}
          options={[
            ['c-type', t('optionsLayoutC')],
            ['thermal-100x150', t('optionsLayoutThermal')],
          ]}
        />
        <TextField m={m} name="offsetXmm" label={t('optionsOffsetX')} inputMode="numeric" hint="-20~20" />
        <TextField m={m} name="offsetYmm" label={t('optionsOffsetY')} inputMode="numeric" hint="-20~20" />
      </div>
    </section>
  );
}
