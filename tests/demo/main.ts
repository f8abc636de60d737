// `npm run demo` (after `npm run build:sandbox`): both simulators with seeded data and the built sandbox
// extension in Chromium.
// - With a display ($DISPLAY): a visible Chromium on the simulated admin's 결제완료 list, the options
//   already connected to the Korea Post simulator; runs until Ctrl-C.
// - Without one: the scripted walk-through (tests/e2e/walkthrough-flow.ts, then 묶음배송 and 반품 회수 with
//   the customers' request list, tests/e2e/walkthrough-claims.ts) headless, screenshots to
//   tests/demo/screenshots/; exit code 0 only when every step held.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from '../e2e/harness';
import { connectOptions, type Walk } from '../e2e/walkthrough';
import { connect, STAGES } from '../e2e/walkthrough-flow';
import { CLAIM_STAGES } from '../e2e/walkthrough-claims';
import { portOrEphemeral } from './ports';

const SHOTS = resolve(import.meta.dirname, 'screenshots');
const EPOST_PORT = 8780;
const GODOMALL_PORT = 8781;

async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

function printWhereThingsAre(x: ExtensionSession): void {
  const k = x.epost!.control.keys;
  console.log(`
우체국 (Korea Post) 시뮬레이터: ${x.epost!.url}
  인터넷우체국 ID ${k.memberId} · 인증키 ${k.apiKey} · 보안키 ${k.securityKey}
  배송조회 regkey ${k.traceKey} · 승인번호 7002080923 (후납) / 7002080922 (즉납) · 공급지 01
고도몰 관리자 시뮬레이터: ${x.godomall!.url}/order/order_list_pay.php
  로그인: ${x.godomall!.url}/__sandbox/login?operator=${x.godomall!.operatorId}
확장 프로그램 옵션: chrome-extension://${x.extensionId}/options.html
`);
}

async function headed(x: ExtensionSession, w: Walk): Promise<void> {
  await connectOptions(w);
  await x.extensionPage('/options.html');
  const list = await x.openAdmin('/order/order_list_pay.php');
  await list.bringToFront();
  console.log('Chromium이 열렸습니다: 결제완료 리스트에서 바로 발급해 보세요. 끝내려면 Ctrl-C.');
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    x.context.once('close', () => done());
  });
}

async function headless(w: Walk): Promise<boolean> {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  try {
    console.log('▶ 옵션 연동');
    const st = await connect(w);
    for (const [title, stage] of [...STAGES, ...CLAIM_STAGES]) {
      console.log(`▶ ${title}`);
      await stage(w, st);
    }
    console.log(`\n✔ 전체 흐름 통과 (${Math.round((Date.now() - started) / 1000)}초). 스크린샷: ${SHOTS}`);
    return true;
  } catch (e) {
    console.error(`\n✘ 실패: ${e instanceof Error ? e.message : String(e)}`);
    console.error(`스크린샷 (실패 직전까지): ${SHOTS}`);
    return false;
  }
}

async function main(): Promise<number> {
  const withDisplay = !!process.env.DISPLAY;
  const x = await launchExtension({
    headed: withDisplay,
    epost: { port: await portOrEphemeral(EPOST_PORT) },
    godomall: { port: await portOrEphemeral(GODOMALL_PORT) },
  });
  printWhereThingsAre(x);
  const w: Walk = { x, shot: withDisplay ? async () => '' : shot, log: (line) => console.log(`  ${line}`) };
  try {
    if (withDisplay) {
      await headed(x, w);
      return 0;
    }
    return (await headless(w)) ? 0 : 1;
  } finally {
    await x.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
