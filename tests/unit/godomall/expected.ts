// What a list should show, computed from the seed (not from the HTML), to check the readers against.
import { seedOrders } from '../../sandbox/godomall/seed';
import { defaultCouriers, listShowsStatus, PROVIDER_SUPPLIER, type ListKind, type SeedItem } from '../../sandbox/godomall/model';

export const SEED = seedOrders();
const couriers = defaultCouriers();
const courierName = (sno: string) => couriers.find((c) => c.sno === sno)?.name ?? '';

export interface ExpectedRow {
  key: string;
  orderNo: string;
  sno?: string;
  status: string;
  courier: string;
  invoiceNo: string;
}

function invoiceOf(item: SeedItem, inputs: boolean) {
  // inputs preselect the first courier (CJ대한통운) for empty rows; text lists show nothing
  if (!item.invoiceNo) return { courier: inputs ? 'CJ대한통운' : '', invoiceNo: '' };
  return { courier: courierName(item.invoiceCompanySno), invoiceNo: item.invoiceNo };
}

export function expectedRows(list: ListKind, view: 'order' | 'orderGoods', provider = false): ExpectedRow[] {
  const orders = [...SEED].sort((a, b) => b.orderDate.localeCompare(a.orderDate));
  const out: ExpectedRow[] = [];
  for (const o of orders) {
    const items = o.items.filter((i) => listShowsStatus(list, i.status) && (!provider || i.supplier === PROVIDER_SUPPLIER));
    if (!items.length) continue;
    if (view === 'orderGoods') {
      items.forEach((i, idx) =>
        out.push({ key: `${o.orderNo}||${i.sno}||0||${idx + 1}||${i.goodsCnt}`, orderNo: o.orderNo, sno: i.sno, status: i.status, ...invoiceOf(i, list === 'goods') }),
      );
      continue;
    }
    const first = items[0]!;
    const multiSupplier = new Set(items.map((i) => i.supplier)).size > 1;
    const withInvoice = items.find((i) => i.invoiceNo);
    const inv =
      list === 'goods' && !multiSupplier ? invoiceOf(first, true) : withInvoice ? invoiceOf(withInvoice, false) : { courier: '', invoiceNo: '' };
    out.push({ key: o.orderNo, orderNo: o.orderNo, status: first.status, ...inv });
  }
  return out;
}
