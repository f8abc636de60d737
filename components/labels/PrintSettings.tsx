// Layout and print-offset controls (screen only). Dumb: values in, verbs out.
import { useEffect, useState } from 'preact/hooks';
import { MAX_OFFSET_MM } from '../../lib/labels/layout';
import type { LabelLayout, Settings } from '../../lib/settings';

interface Props {
  label: Settings['label'];
  onLayout(layout: LabelLayout): void;
  onOffsets(x: number, y: number): void;
}

export function PrintSettings({ label, onLayout, onOffsets }: Props) {
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
        라벨 용지{' '}
        <select name="layout" value={label.layout} onChange={(e) => onLayout(e.currentTarget.value as LabelLayout)}>
          <option value="c-type">우체국 C형 (111 × 171 mm)</option>
          <option value="thermal-100x150">감열 라벨 (100 × 150 mm)</option>
        </select>
      </label>
      <label title="+ 는 오른쪽으로 이동">
        가로 보정(mm){' '}
        <input name="offsetX" type="number" step="0.5" min={-MAX_OFFSET_MM} max={MAX_OFFSET_MM} value={x} onInput={(e) => setX(e.currentTarget.value)} />
      </label>
      <label title="+ 는 아래로 이동">
        세로 보정(mm){' '}
        <input name="offsetY" type="number" step="0.5" min={-MAX_OFFSET_MM} max={MAX_OFFSET_MM} value={y} onInput={(e) => setY(e.currentTarget.value)} />
      </label>
      <button type="submit">보정값 저장</button>
    </form>
  );
}
