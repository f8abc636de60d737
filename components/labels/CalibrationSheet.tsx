// The calibration test page: mm rulers along the top and left edges and a crosshair at the page
// centre, drawn in paper coordinates with only the print offset applied. The operator prints it on
// the label stock, measures where the crosshair landed, and corrects the offset.
import { GEOMETRY, clampOffset } from '../../lib/labels/layout';
import type { Settings } from '../../lib/settings';

export function CalibrationSheet({ label }: { label: Settings['label'] }) {
  const g = GEOMETRY[label.layout];
  const [w, h] = [g.pageWidthMm, g.pageHeightMm];
  const [cx, cy] = [w / 2, h / 2];
  const ticksX = Array.from({ length: Math.floor(w) + 1 }, (_, i) => i);
  const ticksY = Array.from({ length: Math.floor(h) + 1 }, (_, i) => i);
  const tick = (i: number) => (i % 10 === 0 ? 6 : i % 5 === 0 ? 4 : 2);
  return (
    <section class="sheet calibration" style={{ width: `${w}mm`, height: `${h}mm` }}>
      <div
        class="label"
        style={{
          width: `${w}mm`,
          height: `${h}mm`,
          transform: `translate(${clampOffset(label.offsetXmm)}mm, ${clampOffset(label.offsetYmm)}mm)`,
        }}
      >
        <svg width={`${w}mm`} height={`${h}mm`} viewBox={`0 0 ${w} ${h}`} role="img" aria-label="인쇄 위치 보정 페이지">
          <rect x={0.1} y={0.1} width={w - 0.2} height={h - 0.2} fill="none" stroke="#000" stroke-width={0.2} />
          {ticksX.map((i) => (
            <line key={`x${i}`} x1={i} y1={0} x2={i} y2={tick(i)} stroke="#000" stroke-width={0.15} />
          ))}
          {ticksY.map((i) => (
            <line key={`y${i}`} x1={0} y1={i} x2={tick(i)} y2={i} stroke="#000" stroke-width={0.15} />
          ))}
          {ticksX
            .filter((i) => i % 10 === 0 && i > 0)
            .map((i) => (
              <text key={`tx${i}`} x={i} y={9} font-size={2.6} text-anchor="middle">
                {i}
              </text>
            ))}
          {ticksY
            .filter((i) => i % 10 === 0 && i > 10)
            .map((i) => (
              <text key={`ty${i}`} x={8} y={i + 0.9} font-size={2.6}>
                {i}
              </text>
            ))}
          <line x1={cx - 15} y1={cy} x2={cx + 15} y2={cy} stroke="#000" stroke-width={0.2} />
          <line x1={cx} y1={cy - 15} x2={cx} y2={cy + 15} stroke="#000" stroke-width={0.2} />
          <circle cx={cx} cy={cy} r={5} fill="none" stroke="#000" stroke-width={0.2} />
          <circle cx={cx} cy={cy} r={10} fill="none" stroke="#000" stroke-width={0.2} />
          <text x={cx} y={cy + 22} font-size={3.2} text-anchor="middle">
            십자선 중심 = 왼쪽에서 {cx}mm, 위에서 {cy}mm
          </text>
          <text x={cx} y={cy + 27} font-size={3.2} text-anchor="middle">
            현재 보정값 X {signed(label.offsetXmm)}mm · Y {signed(label.offsetYmm)}mm
          </text>
          <text x={cx} y={cy - 20} font-size={3.6} text-anchor="middle" font-weight="bold">
            {g.layout === 'c-type' ? '우체국 C형 라벨' : '감열 라벨'} ({w} × {h} mm)
          </text>
        </svg>
      </div>
    </section>
  );
}

function signed(n: number): string {
  const v = clampOffset(n);
  return v > 0 ? `+${v}` : String(v);
}
