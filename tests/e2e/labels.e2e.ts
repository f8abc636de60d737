// The label page in real Chromium with the built sandbox extension: both layouts to PNG and PDF,
// pages sized as the stock, every box inside its page, and the barcodes read back from the pixels.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import type { Shipment } from '../../lib/db/types';
import type { LabelData } from '../../lib/messages';
import type { LabelLayout } from '../../lib/settings';
import { SENDER, shipment } from '../unit/labels/shipment.fixture';
import { SCREENSHOT_DIR, launchExtension, type ExtensionSession } from './harness';

const OUT = SCREENSHOT_DIR; // PNG/PDF for a human to look at (gitignored)
const DSF = 3; // device pixels per CSS px: ~11 px per mm, a 0.33 mm bar is ~3.7 px
const MM_PER_PT = 25.4 / 72;

let session: ExtensionSession;

async function labelsPage(query: string): Promise<Page> {
  const page = await session.extensionPage(`/labels.html${query}`);
  await page.waitForFunction(() => !!window.__epostLabels);
  return page;
}

const LONG = '가나다라마바사아자차'.repeat(30); // 300 characters
const HOSTILE = shipment({
  key: 'H1',
  orderNo: '2311289999999',
  regiNo: '6000000000017',
  receiver: {
    name: `${LONG}\n<b id="inj">굵게</b>`,
    zip: '06236',
    addr1: `${LONG}\r\n<script>window.__pwned=1</script>`,
    addr2: LONG,
    tel: '',
    mobile: '010-0000-0000',
  },
  goods: [
    { sno: '1', name: `<img src=x onerror="window.__pwned=1">${LONG}`, option: LONG, quantity: 99 },
    { sno: '2', name: 'B', option: '', quantity: 1 },
  ],
  delivMsg: `${LONG}\n\n\n${LONG}`,
});
const SHIPMENTS: Shipment[] = [
  shipment({
    key: 'N1-1',
    orderNo: 'N1',
    regiNo: '6892122316034',
    receiver: { ...shipment().receiver, zip: '55423' },
    vTelNo: '05055832695',
  }),
  shipment({ key: 'N1-2', orderNo: 'N1', regiNo: '6892122316041', payType: '2', receiver: { ...shipment().receiver, zip: '01234' } }),
  HOSTILE,
  shipment({ key: 'T1', orderNo: 'T1', test: true, regiNo: 'TESTREGINOAPI' }),
];

function labelData(layout: LabelLayout): LabelData {
  return { shipments: SHIPMENTS, sender: SENDER, companyName: '햇살농장', label: { layout, offsetXmm: 0, offsetYmm: 0 } };
}

/** Read one Code 128 from a crop of the PNG (turned upright when the label is turned). */
function readBarcode(png: PNG, box: { x: number; y: number; w: number; h: number }): string {
  const [x0, y0] = [Math.max(0, Math.floor(box.x)), Math.max(0, Math.floor(box.y))];
  const [x1, y1] = [Math.min(png.width, Math.ceil(box.x + box.w)), Math.min(png.height, Math.ceil(box.y + box.h))];
  const vertical = y1 - y0 > x1 - x0;
  const [cw, ch] = vertical ? [y1 - y0, x1 - x0] : [x1 - x0, y1 - y0];
  const pad = 40;
  const [w, h] = [cw + 2 * pad, ch + 2 * pad];
  const lum = new Uint8ClampedArray(w * h).fill(255);
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const g = (png.data[i]! * 299 + png.data[i + 1]! * 587 + png.data[i + 2]! * 114) / 1000;
      // vertical (C형, turned clockwise): rotate back counter-clockwise
      const [u, v] = vertical ? [y - y0, x1 - 1 - x] : [x - x0, y - y0];
      lum[(v + pad) * w + (u + pad)] = g;
    }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, w, h)));
  return reader.decode(bitmap, hints).getText();
}

/** Pages of a Chromium PDF: count and MediaBox sizes in mm. */
function pdfPages(pdf: Buffer): Array<{ w: number; h: number }> {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page[^s]/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => ({
    w: Number(m[1]) * MM_PER_PT,
    h: Number(m[2]) * MM_PER_PT,
  }));
  expect(boxes.length).toBe(pages);
  return boxes;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // the label page needs only the extension: no admin, no Korea Post
  session = await launchExtension({ godomall: false, epost: false, deviceScaleFactor: DSF, viewport: { width: 1100, height: 900 } });
});

afterAll(async () => {
  await session?.close();
});

const PAGE_MM: Record<LabelLayout, { w: number; h: number }> = {
  'c-type': { w: 111, h: 171 },
  'thermal-100x150': { w: 100, h: 150 },
};

describe.each(['c-type', 'thermal-100x150'] as const)('labels, %s', (layout) => {
  let page: Page;
  beforeAll(async () => {
    page = await labelsPage(''); // no keys: nothing loads behind our back
    await page.evaluate((d) => window.__epostLabels!.show(d), labelData(layout));
    await page.waitForSelector('.sheet .label-body');
    await page.evaluate(() => document.fonts.ready);
  });
  afterAll(async () => {
    await page.close();
  });

  it('prints one page per label at the stock size (PDF)', async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUT, `labels-${layout}.pdf`), pdf);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(SHIPMENTS.length);
    for (const p of pages) {
      expect(p.w).toBeCloseTo(PAGE_MM[layout].w, 0);
      expect(p.h).toBeCloseTo(PAGE_MM[layout].h, 0);
    }
  });

  it('keeps every box and text inside its page, order data as text only', async () => {
    await page.emulateMedia({ media: 'print' });
    const report = await page.evaluate(() => {
      const out: string[] = [];
      for (const sheet of document.querySelectorAll('.sheet')) {
        const s = sheet.getBoundingClientRect();
        for (const el of sheet.querySelectorAll('.label-body, .box, .barcode, .sort-code, .regi-no')) {
          const r = el.getBoundingClientRect();
          if (r.left < s.left - 1 || r.top < s.top - 1 || r.right > s.right + 1 || r.bottom > s.bottom + 1)
            out.push(`${(sheet.querySelector('.label-body') as HTMLElement).dataset.key} ${el.className} outside`);
        }
        // text boxes must clip: an address taller than its box is cut, never spilling into the next box
        for (const box of sheet.querySelectorAll<HTMLElement>('.box')) {
          const b = box.getBoundingClientRect();
          for (const child of box.querySelectorAll<HTMLElement>('.address, .goods-line, .message, .who')) {
            const c = child.getBoundingClientRect();
            if (c.bottom > b.bottom + 1 && getComputedStyle(box).overflow !== 'hidden') out.push(`${box.className} spills`);
            if (child.scrollHeight > child.clientHeight + 1 && getComputedStyle(child).overflow !== 'hidden')
              out.push(`${child.className} overflows`);
          }
        }
      }
      return {
        out,
        sheets: document.querySelectorAll('.sheet').length,
        injected: document.querySelectorAll('.label-body b, .label-body script, #inj, .label-body img:not(.barcode)').length,
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
        hostileName: document.querySelector('[data-key="H1"] .receiver .name')?.textContent ?? '',
        toolbarHidden: getComputedStyle(document.querySelector('.toolbar')!).display === 'none',
      };
    });
    expect(report.out).toEqual([]);
    expect(report.sheets).toBe(SHIPMENTS.length);
    expect(report.injected).toBe(0);
    expect(report.pwned).toBe(0);
    expect(report.hostileName.endsWith('…')).toBe(true);
    expect(report.toolbarHidden).toBe(true);
  });

  it('renders PNGs whose barcodes read back the exact 등기번호 and 우편번호', async () => {
    await page.emulateMedia({ media: 'print' });
    const sheets = await page.$$('.sheet');
    const read: Array<[string, string]> = [];
    for (const [i, sheet] of sheets.entries()) {
      const png = PNG.sync.read(await sheet.screenshot({ animations: 'disabled' }));
      writeFileSync(join(OUT, `labels-${layout}-${i + 1}.png`), PNG.sync.write(png));
      const boxes = await sheet.evaluate((el) => {
        const s = el.getBoundingClientRect();
        return [...el.querySelectorAll<HTMLImageElement>('img.barcode')].map((img) => {
          const r = img.getBoundingClientRect();
          return { value: img.dataset.value!, x: r.left - s.left, y: r.top - s.top, w: r.width, h: r.height };
        });
      });
      expect(boxes).toHaveLength(2);
      for (const b of boxes) read.push([b.value, readBarcode(png, { x: b.x * DSF, y: b.y * DSF, w: b.w * DSF, h: b.h * DSF })]);
    }
    expect(read).toEqual([
      ['6892122316034', '6892122316034'],
      ['55423', '55423'],
      ['6892122316041', '6892122316041'],
      ['01234', '01234'],
      ['6000000000017', '6000000000017'],
      ['06236', '06236'],
      ['TESTREGINOAPI', 'TESTREGINOAPI'],
      ['55423', '55423'],
    ]);
  });

  it('shows 5-4-4, n/N, 착불, 안심번호 and the 테스트 watermark', async () => {
    const t = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.label-body')].map((el) => ({
        key: el.dataset.key,
        regi: el.querySelector('.regi-no')?.textContent,
        parcel: el.querySelector('.parcel')?.textContent ?? '',
        pay: el.querySelector('.pay')?.textContent,
        phone: el.querySelector('.receiver .phone')?.textContent,
        watermark: el.querySelector('.watermark')?.textContent ?? '',
      })),
    );
    expect(t[0]).toMatchObject({ regi: '68921-2231-6034', parcel: '1/2', pay: '선불', phone: '0505-583-2695 (안심번호)' });
    expect(t[1]).toMatchObject({ parcel: '2/2', pay: '착불' });
    expect(t[3]!.watermark).toBe('테스트');
    expect(t[0]!.watermark).toBe('');
  });
});

describe('print offsets and calibration', () => {
  it('moves the label by the saved offset (mm, page coordinates)', async () => {
    const page = await labelsPage('');
    await page.evaluate((d) => window.__epostLabels!.show(d), {
      ...labelData('thermal-100x150'),
      label: { layout: 'thermal-100x150' as const, offsetXmm: 5, offsetYmm: -3 },
    });
    const shift = await page.evaluate(() => {
      const s = document.querySelector('.sheet')!.getBoundingClientRect();
      const l = document.querySelector('.sheet .label')!.getBoundingClientRect();
      const pxPerMm = s.width / 100;
      return { x: (l.left - s.left) / pxPerMm, y: (l.top - s.top) / pxPerMm };
    });
    expect(shift.x).toBeCloseTo(5, 1);
    expect(shift.y).toBeCloseTo(-3, 1);
    await page.close();
  });

  it('calibration page: one sheet at the stock size; offsets and stock saved to settings from the page', async () => {
    const page = await labelsPage('?calibrate=1');
    await page.waitForSelector('.sheet.calibration svg');
    await page.selectOption('select[name=layout]', 'thermal-100x150');
    await page.fill('input[name=offsetX]', '1.5');
    await page.fill('input[name=offsetY]', '-2');
    await page.click('.print-settings button[type=submit]');
    await page.waitForFunction(() => window.__epostLabels!.notice().includes('저장'));
    const stored = await page.evaluate(async () => {
      const storage = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { label?: unknown }>> } } } }
      ).chrome.storage;
      return (await storage.local.get('settings')).settings?.label;
    });
    expect(stored).toEqual({ layout: 'thermal-100x150', offsetXmm: 1.5, offsetYmm: -2 });

    // a fresh page reads them back, and draws the crosshair moved by the offset
    await page.reload();
    await page.waitForSelector('.sheet.calibration svg');
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[name=layout]')?.value === 'thermal-100x150');
    const shift = await page.evaluate(() => {
      const s = document.querySelector('.sheet')!.getBoundingClientRect();
      const l = document.querySelector('.sheet svg')!.getBoundingClientRect();
      return { x: (l.left - s.left) / (s.width / 100), y: (l.top - s.top) / (s.width / 100), wMm: s.width / (96 / 25.4) };
    });
    expect(shift.wMm).toBeCloseTo(100, 0);
    expect(shift.x).toBeCloseTo(1.5, 1);
    expect(shift.y).toBeCloseTo(-2, 1);

    await page.emulateMedia({ media: 'print' });
    writeFileSync(join(OUT, 'labels-calibration-thermal.png'), await page.locator('.sheet').screenshot());
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUT, 'labels-calibration-thermal.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.w).toBeCloseTo(100, 0);
    expect(pages[0]!.h).toBeCloseTo(150, 0);
    await page.close();
  });
});

describe('through the background: journal → labelData → afterprint → markPrinted', () => {
  it('prints reserved shipments from the journal and records the print, then a reprint', async () => {
    const setup = await labelsPage('');
    const now = Date.now();
    const rows = [
      shipment({
        key: 'BG-1',
        baseKey: 'BG-1',
        orderNo: 'BG-1',
        state: 'reserved',
        test: true,
        regiNo: '6892122316058',
        createdAt: now,
        updatedAt: now,
      }),
      shipment({ key: 'BG-2', baseKey: 'BG-2', orderNo: 'BG-2', state: 'void', regiNo: '6892122316065', createdAt: now, updatedAt: now }),
    ];
    await setup.evaluate((r) => window.__epostLabels!.putShipments(r), rows);
    await setup.close();

    const page = await labelsPage('?keys=BG-1,BG-2');
    await page.waitForFunction(() => window.__epostLabels!.status() !== 'loading');
    expect(await page.evaluate(() => window.__epostLabels!.status())).toBe('ready');
    expect(await page.locator('.sheet').count()).toBe(1);
    expect(await page.locator('.skipped li').innerText()).toContain('BG-2');
    expect(await page.locator('.regi-no').innerText()).toBe('68921-2231-6058');

    // the print dialog was cancelled: 「출력되었습니까?」 → 취소, nothing recorded
    page.once('dialog', (d) => void d.dismiss());
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(() => window.__epostLabels!.notice().includes('기록하지 않았습니다'));
    const [untouched] = await page.evaluate(() => window.__epostLabels!.getShipments(['BG-1']));
    expect(untouched!.printedAt).toBeUndefined();
    expect(untouched!.state).toBe('reserved');

    page.on('dialog', (d) => void d.accept());
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(() => window.__epostLabels!.notice().includes('기록했습니다'));
    const [printed] = await page.evaluate(() => window.__epostLabels!.getShipments(['BG-1']));
    expect(printed!.printedAt).toBeGreaterThanOrEqual(now);
    expect(printed!.state).toBe('shipping');

    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction(() => window.__epostLabels!.notice().includes('재출력'));

    // the day's CSV through the background's exportCsv, as the browser downloads it
    await page.fill('.export-panel input[name=from]', '2019-12-06');
    await page.fill('.export-panel input[name=to]', '2019-12-06');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-panel button[type=submit]')]);
    expect(download.suggestedFilename()).toBe('우체국택배_20191206.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^주문번호,상품,/);
    const row = lines.find((l) => l.includes('68921-2231-6058'));
    expect(row).toContain('배송중');
    expect(lines.some((l) => l.includes('68921-2231-6065'))).toBe(true); // the void one is listed as such
    await page.close();
  });
});
