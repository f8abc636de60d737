// Page geometry of the two label stocks, and the print-offset calibration as a CSS transform.
import type { LabelLayout } from '../settings';

export interface LabelGeometry {
  layout: LabelLayout;
  /** the paper as it goes through the printer */
  pageWidthMm: number;
  pageHeightMm: number;
  /** the label as it is read (C형: landscape on portrait stock) */
  labelWidthMm: number;
  labelHeightMm: number;
  /** true when the label is drawn turned 90° on the page */
  rotated: boolean;
}

export const GEOMETRY: Record<LabelLayout, LabelGeometry> = {
  // 우체국 C형 (about 111 × 171 mm): fed portrait, read landscape.
  'c-type': { layout: 'c-type', pageWidthMm: 111, pageHeightMm: 171, labelWidthMm: 171, labelHeightMm: 111, rotated: true },
  // 100 × 150 mm thermal label, portrait.
  'thermal-100x150': {
    layout: 'thermal-100x150',
    pageWidthMm: 100,
    pageHeightMm: 150,
    labelWidthMm: 100,
    labelHeightMm: 150,
    rotated: false,
  },
};

/** Offsets beyond this are surely a typo (the printable area itself is ~100 mm wide). */
export const MAX_OFFSET_MM = 20;

export function clampOffset(mm: number): number {
  if (!Number.isFinite(mm)) return 0;
  return Math.round(Math.min(MAX_OFFSET_MM, Math.max(-MAX_OFFSET_MM, mm)) * 10) / 10 || 0; // no -0
}

/** The one @page rule for the document: one label per sheet, no printer-added margins. */
export function pageRule(layout: LabelLayout): string {
  const g = GEOMETRY[layout];
  return `@page { size: ${g.pageWidthMm}mm ${g.pageHeightMm}mm; margin: 0; }`;
}

/**
 * Transform of the label box (transform-origin: top left) on its sheet. The offset moves the whole
 * print in page coordinates — x to the right, y down, as the operator measures on the paper — and is
 * applied before the C형 turn so calibration means the same for both layouts. The C형 label is turned
 * clockwise: its top edge runs along the sheet's right edge.
 */
export function labelTransform(layout: LabelLayout, offsetXmm: number, offsetYmm: number): string {
  const g = GEOMETRY[layout];
  const offset = `translate(${clampOffset(offsetXmm)}mm, ${clampOffset(offsetYmm)}mm)`;
  return g.rotated ? `${offset} translate(${g.pageWidthMm}mm, 0) rotate(90deg)` : offset;
}
