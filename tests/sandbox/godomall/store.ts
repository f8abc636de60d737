// The shop's state and the admin's rules for changing it. Writes are all-or-nothing: a refused
// request (empty status, claim in progress, unknown courier) changes nothing.
import { randomBytes } from 'node:crypto';
import type { ColumnId, Courier, ListKind, SeedOrder } from './model';
import { defaultCouriers, DEFAULT_SHOP_STATUS_LABELS } from './model';
import { sampleOrders } from './sample-orders';
import { DEFAULT_DETAIL_GRID, type DetailGridKey, type DetailLayout } from './view-page';

export interface Session {
  id: string;
  operatorId: string;
  grids: Partial<Record<ListKind, ColumnId[]>>;
  /** a per-session hidden form token, when the shop's admin uses one (opts.formToken) */
  formToken?: string;
}

/** The hidden input a token-protected admin puts in its forms and checks on order_ps.php. */
export const FORM_TOKEN_FIELD = 'godoFormToken';

export class WriteRefused extends Error {}

export interface ItemChange {
  orderNo: string;
  sno: string;
}

export class Store {
  orders = new Map<string, SeedOrder>();
  sessions = new Map<string, Session>();
  statusLabels: Record<string, string> = { ...DEFAULT_SHOP_STATUS_LABELS };
  couriers: Courier[];
  /** grids set through control apply to every session that has not chosen its own */
  defaultGrids: Partial<Record<ListKind, ColumnId[]>> = {};
  /** the detail goods table's shape (inc_order_view.php grid, or the older fixed columns) and its grid */
  detailLayout: DetailLayout = 'grid';
  detailGrid: DetailGridKey[] = [...DEFAULT_DETAIL_GRID];
  /** every accepted write, for the demo and for debugging (tests assert on order state instead) */
  log: Array<{ at: number; operatorId: string; mode: string; detail: string }> = [];

  constructor(
    private readonly initial: () => SeedOrder[],
    private readonly epostCourierSno = '12',
    private readonly formTokens = false,
  ) {
    this.couriers = defaultCouriers(epostCourierSno);
    this.reset();
  }

  static fromOptions(opts: { orders?: SeedOrder[]; rows?: number; epostCourierSno?: string; formToken?: boolean }): Store {
    const make = () => structuredClone(opts.orders ?? sampleOrders(opts.rows));
    return new Store(make, opts.epostCourierSno, opts.formToken);
  }

  reset(): void {
    this.orders = new Map(this.initial().map((o) => [o.orderNo, o]));
    this.statusLabels = { ...DEFAULT_SHOP_STATUS_LABELS };
    this.defaultGrids = {};
    this.detailLayout = 'grid';
    this.detailGrid = [...DEFAULT_DETAIL_GRID];
    this.couriers = defaultCouriers(this.epostCourierSno);
    this.log = [];
  }

  login(operatorId: string): Session {
    const s: Session = { id: randomBytes(16).toString('hex'), operatorId, grids: {} };
    if (this.formTokens) s.formToken = randomBytes(8).toString('hex');
    this.sessions.set(s.id, s);
    return s;
  }

  expireSessions(): void {
    this.sessions.clear();
  }

  courierName(sno: string): string {
    return this.couriers.find((c) => c.sno === sno)?.name ?? '';
  }

  /** The orders, newest first. */
  orderList(): SeedOrder[] {
    return [...this.orders.values()].sort((a, b) => b.orderDate.localeCompare(a.orderDate));
  }

  item(orderNo: string, sno: string) {
    const order = this.orders.get(orderNo);
    const item = order?.items.find((i) => i.sno === sno);
    if (!order || !item) throw new WriteRefused(`주문 정보를 찾을 수 없습니다. (${orderNo} / ${sno})`);
    return { order, item };
  }

  /** Items addressed by list keys (`orderNo` = every item of the order, `orderNo||sno…` = one item). */
  itemsOfKeys(keys: string[]): ItemChange[] {
    const out: ItemChange[] = [];
    for (const key of keys) {
      const [orderNo = '', sno] = key.split('||');
      const order = this.orders.get(orderNo);
      if (!order) throw new WriteRefused(`주문 정보를 찾을 수 없습니다. (${orderNo})`);
      if (sno) {
        this.item(orderNo, sno);
        out.push({ orderNo, sno });
      } else out.push(...order.items.map((i) => ({ orderNo, sno: i.sno })));
    }
    return out;
  }

  /** combine_status_change / modifyOrderStatusDelivery / control: all items or none. */
  changeStatus(changes: ItemChange[], to: string, operatorId: string, byHand = false): number {
    if (!to) throw new WriteRefused('변경할 주문 상태를 선택해 주세요.');
    if (!/^[a-z]\d{1,2}$/.test(to) || !(to in this.statusLabels)) throw new WriteRefused('존재하지 않는 주문 상태입니다.');
    if (changes.length === 0) throw new WriteRefused('선택된 주문이 없습니다.');
    for (const c of changes) {
      const { order, item } = this.item(c.orderNo, c.sno);
      if (order.claimInProgress && !byHand) {
        throw new WriteRefused(`클레임 처리 중인 주문은 상태를 변경할 수 없습니다. (주문번호 : ${c.orderNo})`);
      }
      // a 교환추가 item moves only within z (Order.php:610–612, checked at OrderAdmin.php:7350)
      if (item.status.startsWith('z') && !to.startsWith('z') && !byHand) {
        throw new WriteRefused(`교환추가 상품은 교환추가 상태로만 변경할 수 있습니다. (주문번호 : ${c.orderNo})`);
      }
    }
    // OrderAdmin.php:6307–6311, 6355–6372: 반품회수완료 opens the refund at once (the item lands in r1 환불접수;
    // naverpay orders excepted, which this shop does not have)
    for (const c of changes) this.item(c.orderNo, c.sno).item.status = to === 'b4' && !byHand ? 'r1' : to;
    this.log.push({ at: Date.now(), operatorId, mode: 'status', detail: `${to} ${changes.map((c) => `${c.orderNo}/${c.sno}`).join(',')}` });
    return changes.length;
  }

  /** combine_invoice_change: courier '0' with an empty number clears the invoice. */
  changeInvoices(changes: Array<ItemChange & { companySno: string; invoiceNo: string }>, operatorId: string): number {
    if (changes.length === 0) throw new WriteRefused('선택된 주문이 없습니다.');
    for (const c of changes) {
      this.item(c.orderNo, c.sno);
      const none = c.companySno === '0' || c.companySno === '';
      if (!none && !this.courierName(c.companySno)) throw new WriteRefused('존재하지 않는 배송 업체입니다.');
      if (none && c.invoiceNo) throw new WriteRefused('배송 업체를 선택해 주세요.');
      if (c.invoiceNo && !/^[0-9A-Za-z-]{4,30}$/.test(c.invoiceNo)) throw new WriteRefused('송장번호 형식이 올바르지 않습니다.');
    }
    for (const c of changes) {
      const { item } = this.item(c.orderNo, c.sno);
      const none = c.companySno === '0' || c.companySno === '';
      item.invoiceCompanySno = none ? '' : c.companySno;
      item.invoiceNo = none ? '' : c.invoiceNo;
    }
    this.log.push({
      at: Date.now(),
      operatorId,
      mode: 'invoice',
      detail: changes.map((c) => `${c.orderNo}/${c.sno}=${c.companySno}:${c.invoiceNo}`).join(','),
    });
    return changes.length;
  }
}
