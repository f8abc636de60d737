// The seed's whole flow in Chromium with the built SANDBOX extension against both simulators, driven
// through the real UI; each stage (tests/e2e/walkthrough-flow.ts) checks the simulators' state —
// godomall invoices and statuses, Korea Post registrations and parcels — and the popup's counts.
// `npm run demo` runs the same stages headless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { connect, STAGES, type FlowState } from './walkthrough-flow';
import type { Walk } from './walkthrough';

let x: ExtensionSession;
let w: Walk;
let st: FlowState | undefined;
let failed: string | undefined;

beforeAll(async () => {
  x = await launchExtension();
  w = { x, shot: (page, name) => x.screenshot(page, name), log: () => undefined };
});
afterAll(async () => {
  await x?.close();
});

describe('the whole flow (seed): 발급 → 예약 → 출력 → 배송상태', () => {
  it('connects in the options page', async () => {
    st = await connect(w);
    expect(st.cast.C).toMatch(/^\d{16}$/);
  });

  // stages depend on each other: a failed one makes the rest fail at once with the reason
  for (const [title, stage] of STAGES) {
    it(title, async () => {
      if (!st || failed) throw new Error(`앞 단계가 실패했습니다: ${failed ?? '옵션 연동'}`);
      try {
        await stage(w, st);
      } catch (e) {
        failed = title;
        throw e;
      }
    });
  }

  it('no order key was ever registered twice at Korea Post', () => {
    const counts = new Map<string, number>();
    for (const p of x.epost!.control.state().parcels) counts.set(p.orderNo, (counts.get(p.orderNo) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    // every registration is one of ours: the flow's numbers plus the 일괄 발급's, one per key
    expect(x.epost!.control.registrationCount()).toBe(counts.size);
    expect(counts.size).toBeGreaterThan(st!.numbers.size);
  });
});
