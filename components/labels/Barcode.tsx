import { useMemo } from 'preact/hooks';
import { code128 } from '../../lib/labels/barcode';

interface Props {
  value: string;
  moduleMm: number;
  heightMm: number;
  /** what a screen reader (and the e2e test) calls it */
  label: string;
}

/** A Code 128 barcode as an <img> of bwip-js SVG; white quiet zones come from the padding. */
export function Barcode({ value, moduleMm, heightMm, label }: Props) {
  // encoding is the costly part of a 300-label batch: do it once per value, not on every notice change
  const b = useMemo(() => (value ? code128(value, { moduleMm, heightMm }) : undefined), [value, moduleMm, heightMm]);
  if (!b) return null;
  return (
    <img
      class="barcode"
      src={b.src}
      alt={label}
      data-value={value}
      style={{ width: `${b.widthMm}mm`, height: `${b.heightMm}mm`, padding: `0 ${moduleMm * 10}mm` }}
    />
  );
}
