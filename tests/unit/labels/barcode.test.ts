// The SVG from code128() is read back bar by bar with ZXing's Code 128 reader: the bars encode the value.
import { describe, expect, it } from 'vitest';
import { BitArray, Code128Reader } from '@zxing/library';
import { code128 } from '../../../lib/labels/barcode';

/** Rasterise the SVG's vertical bars (`M x h L x 0` with a stroke width) into one scan line. */
function scanLine(svg: string, pxPerModule = 3): BitArray {
  const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
  const quiet = 12 * pxPerModule;
  const row = new BitArray(width * pxPerModule + 2 * quiet);
  for (const path of svg.matchAll(/stroke-width="([\d.]+)" d="([^"]+)"/g)) {
    const w = Number(path[1]);
    for (const m of path[2]!.matchAll(/M([\d.]+) [\d.]+L/g)) {
      const x = Number(m[1]);
      for (let px = Math.round((x - w / 2) * pxPerModule); px < Math.round((x + w / 2) * pxPerModule); px++) row.set(quiet + px);
    }
  }
  return row;
}

function decode(src: string): string {
  const svg = decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
  return new Code128Reader().decodeRow(0, scanLine(svg), new Map()).getText();
}

describe('Code 128 barcodes', () => {
  it('encode the 등기번호 and the 우편번호 exactly', () => {
    expect(decode(code128('6892122316034', { moduleMm: 0.33, heightMm: 12 }).src)).toBe('6892122316034');
    expect(decode(code128('06236', { moduleMm: 0.33, heightMm: 8 }).src)).toBe('06236');
    expect(decode(code128('TESTREGINOAPI', { moduleMm: 0.33, heightMm: 8 }).src)).toBe('TESTREGINOAPI');
  });

  it('size the image from the module count so bars keep their printed width', () => {
    const b = code128('6892122316034', { moduleMm: 0.3, heightMm: 12 });
    expect(b.modules).toBeGreaterThan(60);
    expect(b.widthMm).toBeCloseTo(b.modules * 0.3, 1);
    expect(b.heightMm).toBe(12);
    expect(decodeURIComponent(b.src)).toContain('preserveAspectRatio="none"');
  });
});
