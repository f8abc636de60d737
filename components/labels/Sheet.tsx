// One printed page: the paper (page size) and the label on it, turned and offset as the settings say.
import type { ComponentChildren } from 'preact';
import { GEOMETRY, labelTransform } from '../../lib/labels/layout';
import type { Settings } from '../../lib/settings';

export function Sheet({ label, children }: { label: Settings['label']; children: ComponentChildren }) {
  const g = GEOMETRY[label.layout];
  return (
    <section class={`sheet layout-${g.layout}`} style={{ width: `${g.pageWidthMm}mm`, height: `${g.pageHeightMm}mm` }}>
      <div
        class="label"
        style={{
          width: `${g.labelWidthMm}mm`,
          height: `${g.labelHeightMm}mm`,
          transform: labelTransform(label.layout, label.offsetXmm, label.offsetYmm),
        }}
      >
        {children}
      </div>
    </section>
  );
}
