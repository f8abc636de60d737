import { describe, expect, it } from 'vitest';
import { GEOMETRY, clampOffset, labelTransform, pageRule } from '../../../lib/labels/layout';

describe('label geometry', () => {
  it('one @page per stock, no margins', () => {
    expect(pageRule('c-type')).toBe('@page { size: 111mm 171mm; margin: 0; }');
    expect(pageRule('thermal-100x150')).toBe('@page { size: 100mm 150mm; margin: 0; }');
  });
  it('C형 is read landscape on portrait stock; the turned label exactly covers the page', () => {
    const g = GEOMETRY['c-type'];
    expect([g.labelWidthMm, g.labelHeightMm]).toEqual([g.pageHeightMm, g.pageWidthMm]);
    expect(labelTransform('c-type', 0, 0)).toBe('translate(0mm, 0mm) translate(111mm, 0) rotate(90deg)');
  });
  it('offsets move the print in page coordinates, clamped to ±20 mm', () => {
    expect(labelTransform('thermal-100x150', 1.25, -3)).toBe('translate(1.3mm, -3mm)');
    expect(labelTransform('c-type', 50, Number.NaN)).toBe('translate(20mm, 0mm) translate(111mm, 0) rotate(90deg)');
    expect(clampOffset(-0.04)).toBe(0);
  });
});
