import { afterEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../lib/db/db';
import { loadLabelData, parseLabelQuery, shapeLabelData } from '../../../lib/labels/data';
import { SENDER, shipment } from './shipment.fixture';

const settings = { sender: SENDER, companyName: '햇살농장', label: { layout: 'c-type' as const, offsetXmm: 1, offsetYmm: -2 } };

describe('labelData shaping', () => {
  it('keeps the asked order, skips what cannot be printed with a Korean reason', () => {
    const rows = [
      shipment({ key: 'A', orderNo: 'A' }),
      shipment({ key: 'B', orderNo: 'B', state: 'void' }),
      shipment({ key: 'C', orderNo: 'C', state: 'delivered' }),
      shipment({ key: 'D', orderNo: 'D', source: 'typed' }),
    ];
    const d = shapeLabelData(['C', 'A', 'B', 'D', 'Z', 'A'], rows, rows, settings);
    expect(d.shipments.map((s) => s.key)).toEqual(['C', 'A']);
    expect(d.skipped!.map((s) => s.key)).toEqual(['B', 'D', 'Z']);
    expect(d.skipped![0]!.reason).toContain('취소');
    expect(d.label).toEqual(settings.label);
  });

  it('counts n/N over the order’s live numbers, not over the batch', () => {
    const order = [
      shipment({ key: 'O-1', orderNo: 'O', state: 'reserved' }),
      shipment({ key: 'O-2', orderNo: 'O', state: 'issued' }),
      shipment({ key: 'O-3', orderNo: 'O', state: 'void' }),
      shipment({ key: 'O-4', orderNo: 'O', state: 'shipping' }),
    ];
    const d = shapeLabelData(['O-4'], [order[3]!], order, settings);
    expect(d.parcels).toEqual({ 'O-4': { index: 3, total: 3 } });
    const single = shapeLabelData(['O-1'], [order[0]!], [order[0]!], settings);
    expect(single.parcels).toEqual({});
  });
});

describe('loadLabelData from the journal', () => {
  const db = openJournal(`labels-test-${Math.random()}`);
  afterEach(async () => {
    await db.delete();
  });
  it('reads the rows and their order siblings', async () => {
    await db.shipments.bulkPut([
      shipment({ key: 'X-1', orderNo: 'X' }),
      shipment({ key: 'X-2', orderNo: 'X' }),
      shipment({ key: 'Y', orderNo: 'Y' }),
    ]);
    const d = await loadLabelData(db, ['X-2', 'Y'], settings);
    expect(d.shipments.map((s) => s.key)).toEqual(['X-2', 'Y']);
    expect(d.parcels).toEqual({ 'X-2': { index: 2, total: 2 } });
  });
});

describe('label page URL', () => {
  it('reads keys, reprint and calibrate', () => {
    expect(parseLabelQuery('?keys=a,%20b,,a&reprint=1')).toEqual({ keys: ['a', 'b'], reprint: true, calibrate: false, print: false });
    expect(parseLabelQuery('?calibrate=1')).toEqual({ keys: [], reprint: false, calibrate: true, print: false });
    expect(parseLabelQuery('?keys=a&print=1').print).toBe(true);
  });
});
