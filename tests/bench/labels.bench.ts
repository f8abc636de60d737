// A busy day's print batch: 300 labels → view models, and their 600 Code 128 barcodes; the CSV of 3,000 rows.
import { bench, describe } from 'vitest';
import { code128 } from '../../lib/labels/barcode';
import { toLabelViews } from '../../lib/labels/model';
import { shipmentsToCsv } from '../../lib/export/csv';
import { SENDER, shipment } from '../unit/labels/shipment.fixture';

const batch = Array.from({ length: 300 }, (_, i) =>
  shipment({
    key: `O${i}`,
    orderNo: `O${Math.floor(i / 2)}`,
    regiNo: String(6892122300000 + i),
    receiver: { ...shipment().receiver, zip: String(10000 + i) },
  }),
);
const day = Array.from({ length: 3000 }, (_, i) => shipment({ key: `D${i}`, orderNo: `2311280000${i}` }));

describe('labels', () => {
  bench('300 label view models', () => {
    toLabelViews(batch, { sender: SENDER, companyName: '햇살농장' });
  });
  bench('300 labels × 2 Code 128 SVGs', () => {
    for (const s of batch) {
      code128(s.regiNo, { moduleMm: 0.33, heightMm: 12 });
      code128(s.receiver.zip, { moduleMm: 0.3, heightMm: 7 });
    }
  });
  bench('CSV of 3,000 shipments', () => {
    shipmentsToCsv(day);
  });
});
