// Layout and print-offset controls (screen only). Dumb: values in, verbs out.
import { useEffect, useState } from 'preact/hooks';
import { MAX_OFFSET_MM } from '../../lib/labels/layout';
import type { Translate } from '../../lib/overlay/i18n';
import type { LabelLayout, Settings } from '../../lib/settings';

interface Props {
  label: Settings['label'];
  onLayout(layout: LabelLayout): void;
  onOffsets(x: number, y: number): void;
  t: Translate;
}

export function PrintSettings({ label, onLayout, onOffsets, t }: Props) {
  const [x, setX] = useState(String(label.offsetXmm));
  const [y, setY] = useState(String(label.offsetYmm));
  useEffect(() => {
    setX(String(label.offsetXmm));
    setY(String(label.offsetYmm));
  }, [label.offsetXmm, label.offsetYmm]);
  return (
    <form
      class="print-settings"
      onSubmit={(e) => {
        e.preventDefault();
        onOffsets(Number(x) || 0, Number(y) || 0);
      }}
    >
      <label>
        {t('labelsStock')}{' '}
        <select name="layout" value={label.layout} onChange={(e) => onLayout(e.currentTarget.value as LabelLayout)}>
          <option value="c-type">{t('labelsStockCType')}</option>
          <option value="thermal-100x150">{t('labelsStockThermal')}</option>
        </select>
      </label>
      <label title={t('labelsOffsetXHint')}>
        {t('labelsOffsetX')}{' '}
        <input
          name="offsetX"
          type="number"
          step="0.5"
          min={-MAX_OFFSET_MM}
          max={MAX_OFFSET_MM}
          value={x}
          onInput={(e) => setX(e.currentTarget.value)}
        />
      </label>
      <label title={t('labelsOffsetYHint')}>
        {t('labelsOffsetY')}{' '}
        <input
          name="offsetY"
          type="number"
          step="0.5"
          min={-MAX_OFFSET_MM}
          max={MAX_OFFSET_MM}
          value={y}
          onInput={(e) => setY(e.currentTarget.value)}
        />
      </label>
      <button type="submit">{t('labelsSaveOffsets')}</button>
    </form>
  );
}
