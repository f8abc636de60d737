// Renders the extension's icons (public/icon/{16,32,48,128}.png) in Chromium: Korea Post red with a
// white 「우」 (Noto Sans CJK). Run once after changing the design: `npx tsx scripts/make-icons.ts`.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const OUT = new URL('../public/icon/', import.meta.url).pathname;

const html = (px: number) => `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:${px}px;height:${px}px;border-radius:${Math.round(px * 0.2)}px;background:#d7262f;display:flex;
align-items:center;justify-content:center;color:#fff;font:700 ${Math.round(px * 0.7)}px 'Noto Sans CJK KR',sans-serif;
line-height:1">우</div></body></html>`;

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const px of SIZES) {
    const page = await browser.newPage({ viewport: { width: px, height: px } });
    await page.setContent(html(px));
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${OUT}${px}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written to ${OUT}`);
