// What a list should show, computed from the seed (not from the HTML), to check the readers against.
import { sampleOrders } from '../../sandbox/godomall/sample-orders';
import { defaultCouriers, listShowsStatus, PROVIDER_SUPPLIER, type ListKind, type SeedItem } from '../../sandbox/godomall/model';

export const SEED = sampleOrders();
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

/** The first active courier is preselected on empty 택배 rows of lists with inputs; text lists show nothing. */
function invoiceOf(item: SeedItem, inputs: boolean) {
  const parcel = (item.deliveryMethodFl ?? 'delivery') === 'delivery';
  if (!item.invoiceNo) return { courier: inputs && parcel ? 'CJ대한통운' : '', invoiceNo: '' };
  return { courier: courierName(item.invoiceCompanySno), invoiceNo: item.invoiceNo };
}

/** Rows as layout_order_goods_simple_list.php / layout_order_goods_list.php print them for the seed. */
export function expectedRows(list: ListKind, view: 'order' | 'orderGoods', provider = false): ExpectedRow[] {
  const orders = [...SEED].sort((a, b) => b.orderDate.localeCompare(a.orderDate));
  const out: ExpectedRow[] = [];
  for (const o of orders) {
    const items = o.items.filter((i) => listShowsStatus(list, i.status) && (!provider || i.supplier === PROVIDER_SUPPLIER));
    if (!items.length) continue;
    if (view === 'orderGoods') {
      for (const i of items) {
        out.push({
          key: `${o.orderNo}||${i.sno}||||${i.goodsCnt}||${i.goodsCnt}`,
          orderNo: o.orderNo,
          sno: i.sno,
          status: i.status,
          ...invoiceOf(i, list === 'goods'),
        });
      }
      continue;
    }
    if (list !== 'goods' && list !== 'order') {
      // one checkbox per item (`orderNo||sno`), but 입금대기 items stay per order on every list
      for (const i of items) {
        const key = i.status.startsWith('o') ? o.orderNo : `${o.orderNo}||${i.sno}`;
        out.push({ key, orderNo: o.orderNo, ...(key === o.orderNo ? {} : { sno: i.sno }), status: i.status, ...invoiceOf(i, false) });
      }
      continue;
    }
    const first = items[0]!;
    const prevented =
      new Set(items.map((i) => i.supplier)).size > 1 || new Set(items.map((i) => i.deliveryMethodFl ?? 'delivery')).size > 1;
    const differ = new Set(items.map((i) => i.invoiceCompanySno)).size > 1 || new Set(items.map((i) => i.invoiceNo)).size > 1;
    let inv = { courier: '', invoiceNo: '' };
    if (list === 'goods' && !prevented) inv = differ ? { ...invoiceOf({ ...first, invoiceNo: '' }, true) } : invoiceOf(first, true);
    out.push({ key: o.orderNo, orderNo: o.orderNo, status: first.status, ...inv });
  }
  return out;
}
