import { afterEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { csvCell, csvFilename, exportShipmentsCsv, shipmentsInRange, shipmentsToCsv } from '../../../lib/export/csv';
import { shipment } from '../labels/shipment.fixture';

/** A small RFC 4180 reader, so the tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('CSV for Excel', () => {
  it('is UTF-8 with BOM, CRLF rows, a Korean header and one row per shipment', () => {
    const csv = shipmentsToCsv([
      shipment(),
      shipment({ key: 'k2', orderNo: '2311281200002', state: 'delivered', deliveredAt: Date.UTC(2019, 11, 7, 1, 0) }),
      shipment({ key: '2311281200003-R7', orderNo: '2311281200003', pickup: { claim: 'b' } }),
    ]);
    expect(csv.startsWith('\uFEFF주문번호,상품,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    const header = rows[0]!;
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(row['주문번호']).toBe('="2311281200001"'); // kept as exact text by Excel
    expect(row['상품']).toBe('유기농 쌀 10kg (백미) x2');
    expect(row['수령자']).toBe('홍길동');
    expect(row['등기번호']).toBe('68921-2231-6034');
    expect(row['상태']).toBe('예약 후');
    expect(row['발급일시']).toBe('2019-12-06 13:15');
    const delivered = Object.fromEntries(header.map((h, i) => [h, rows[2]![i]]));
    expect(delivered['상태']).toBe('배송완료');
    expect(delivered['배송완료일시']).toBe('2019-12-07 10:00');
    expect(row['구분']).toBe('배송');
    expect(header[header.length - 1]).toBe('구분');
    expect(rows[3]![header.length - 1]).toBe('반품 회수');
  });

  it('quotes commas and quotes, flattens line breaks, guards formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\r\nline2')).toBe('line1 line2');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('  =1+1')).toBe("'=1+1");
    expect(csvCell('06236')).toBe('"=""06236"""');
    expect(csvCell('2600')).toBe('2600');
  });

  it('never carries secrets or fields outside its columns', () => {
    const s = shipment({ receiver: { ...shipment().receiver, tel: '02-999-0000', mobile: '010-9999-0000' } });
    const leaky = Object.assign(s, { apiKey: 'SECRET-API-KEY-123', securityKey: 'SECRET-SEED' });
    const csv = shipmentsToCsv([leaky]);
    expect(csv).not.toContain('SECRET');
    expect(csv).not.toContain('9999');
  });

  it('selects the shop days asked for (KST), either order of dates, without pending rows', () => {
    const rows = [
      shipment({ key: 'a', reqYmd: '20261127' }),
      shipment({ key: 'b', reqYmd: '20261128' }),
      shipment({ key: 'c', reqYmd: '20261129' }),
      shipment({ key: 'd', reqYmd: '20261128', state: 'pending' }),
      shipment({ key: 'e', reqYmd: '', createdAt: Date.UTC(2026, 10, 27, 16, 0) }), // 11-28 01:00 KST
    ];
    expect(
      shipmentsInRange(rows, '2026-11-28', '2026-11-28')
        .map((s) => s.key)
        .sort(),
    ).toEqual(['b', 'e']);
    expect(
      shipmentsInRange(rows, '20261129', '20261127')
        .map((s) => s.key)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'e']);
    expect(() => shipmentsInRange(rows, '2026/11/28', '20261128')).toThrow(/날짜/);
    expect(csvFilename('2026-11-28', '20261128')).toBe('우체국택배_20261128.csv');
    expect(csvFilename('20261130', '20261101')).toBe('우체국택배_20261101-20261130.csv');
  });
});

describe('exportShipmentsCsv from the journal', () => {
  const db = openJournal(`export-test-${Math.random()}`);
  afterEach(async () => {
    await db.delete();
  });
  it('exports the day', async () => {
    await db.shipments.bulkPut([shipment({ key: 'x', reqYmd: '20261128' }), shipment({ key: 'y', reqYmd: '20261127' })]);
    const out = await exportShipmentsCsv(db, '20261128', '20261128');
    expect(out.filename).toBe('우체국택배_20261128.csv');
    expect(parseCsv(out.csv.slice(1))).toHaveLength(2);
  });
});
