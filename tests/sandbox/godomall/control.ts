// The simulator's control surface: what an operator would do by hand, plus test helpers.
// The same operations are served as JSON under /__sandbox/ (see server.ts).
import type { ColumnId, Courier, ListKind, SeedOrder, UserHandle } from './model';
import type { DetailGridKey, DetailLayout } from './view-page';
import type { Store } from './store';

export interface GodomallControl {
  readonly store: Store;
  order(orderNo: string): SeedOrder | undefined;
  orders(): SeedOrder[];
  /** changes item statuses as an operator would by hand (claims don't stop an operator) */
  setStatus(orderNo: string, status: string, snos?: string[]): void;
  setInvoice(orderNo: string, companySno: string, invoiceNo: string, snos?: string[]): void;
  setClaimInProgress(orderNo: string, on: boolean): void;
  /** a new order arrives (its number and item numbers must be new to the shop) */
  addOrder(order: SeedOrder): void;
  /** a customer asks, from the shop's front, to return / exchange / refund an item (고객 신청, waiting) */
  requestClaim(orderNo: string, sno: string, mode: UserHandle['mode'], reason?: string): void;
  /**
   * the shop answers a customer's request: 승인 moves the item to `<mode>1` (OrderAdmin.php:5792–5794,
   * 반품접수/교환접수/환불접수), 거절 leaves it where it was
   */
  answerClaim(orderNo: string, sno: string, accept: boolean): void;
  /**
   * An exchange as godomall records it: the exchanged items go to 교환접수 (e1) and a replacement of each
   * is added to the same order as a new item (its own sno, no invoice) in `replacement` (z1 추가입금대기 or
   * z2 추가결제완료; the published code's 동일상품교환, ReOrderCalculation.php:6244–6265, 6300–6302,
   * copies the item under a handle of mode z; the z status itself is the 교환추가 list's, statusMode z).
   * `p1`: the newer 동일상품교환, whose replacement is an ordinary 결제완료 item of the order
   * (ReOrderCalculation.php:6265, 10682–10694). Returns the replacements' snos.
   */
  exchange(orderNo: string, snos: string[], replacement?: 'z1' | 'z2' | 'p1'): string[];
  /** godomall's deliveryMethodFl of items (`visit` 방문수령, `quick` 퀵배송 …) */
  setDeliveryMethod(orderNo: string, method: string, snos?: string[]): void;
  /** the detail goods table: the grid layout with the given columns, or the older fixed columns */
  setDetailLayout(layout: DetailLayout, grid?: DetailGridKey[]): void;
  /** the shop's courier list (배송 업체 관리), e.g. one without 우체국택배 */
  setCouriers(couriers: Courier[]): void;
  /** the order now goes to exactly where `like` goes (a repeat customer's second order) */
  sameReceiverAs(orderNo: string, like: string): void;
  /** 「묶음배송처리」: these orders share `packetCode` (an empty code unbundles them) */
  setPacket(orderNos: string[], packetCode: string): void;
  setReceiver(
    orderNo: string,
    fields: Partial<Pick<SeedOrder, 'receiverCellPhone' | 'receiverPhone' | 'receiverZonecode' | 'receiverAddress'>>,
  ): void;
  expireSessions(): void;
  /** the list's grid for every session (null = the admin default) */
  setGrid(list: ListKind, columns: ColumnId[] | null): void;
  setStatusLabel(code: string, label: string): void;
  /** creates a session and returns the cookie header value (`GD5SESSID=…`) */
  login(operatorId: string): string;
  reset(): void;
}

export const SESSION_COOKIE = 'GD5SESSID';

export function createControl(store: Store): GodomallControl {
  const mustOrder = (orderNo: string) => {
    const o = store.orders.get(orderNo);
    if (!o) throw new Error(`no such order ${orderNo}`);
    return o;
  };
  const pick = (o: SeedOrder, snos?: string[]) => (snos?.length ? o.items.filter((i) => snos.includes(i.sno)) : o.items);
  return {
    store,
    order: (orderNo) => structuredClone(store.orders.get(orderNo)),
    orders: () => structuredClone(store.orderList()),
    setStatus(orderNo, status, snos) {
      const o = mustOrder(orderNo);
      store.changeStatus(
        pick(o, snos).map((i) => ({ orderNo, sno: i.sno })),
        status,
        'operator',
        true,
      );
    },
    setInvoice(orderNo, companySno, invoiceNo, snos) {
      for (const i of pick(mustOrder(orderNo), snos)) {
        i.invoiceCompanySno = companySno === '0' ? '' : companySno;
        i.invoiceNo = invoiceNo;
      }
    },
    setClaimInProgress(orderNo, on) {
      mustOrder(orderNo).claimInProgress = on;
    },
    addOrder(order) {
      const snos = new Set(store.orderList().flatMap((o) => o.items.map((i) => i.sno)));
      if (store.orders.has(order.orderNo) || order.items.some((i) => snos.has(i.sno))) throw new Error(`order ${order.orderNo} is not new`);
      store.orders.set(order.orderNo, structuredClone(order));
    },
    requestClaim(orderNo, sno, mode, reason = '단순변심') {
      const item = store.item(orderNo, sno).item;
      const taken = store.orderList().flatMap((o) => o.items.map((i) => Number(i.userHandle?.sno ?? 0)));
      const regDt = new Date(Date.now() + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 19); // KST
      item.userHandle = { sno: String(Math.max(0, ...taken) + 1), mode, fl: 'r', reason, regDt, goodsCnt: item.goodsCnt };
    },
    answerClaim(orderNo, sno, accept) {
      const { item } = store.item(orderNo, sno);
      const h = item.userHandle;
      if (!h || h.fl !== 'r') throw new Error(`no waiting request on ${orderNo}/${sno}`);
      if (accept) store.changeStatus([{ orderNo, sno }], `${h.mode}1`, 'operator', true);
      h.fl = accept ? 'y' : 'n';
      h.actDt = new Date(Date.now() + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    },
    exchange(orderNo, snos, replacement = 'z2') {
      const o = mustOrder(orderNo);
      // es_orderGoods.sno is one sequence over every order
      let next = Math.max(...store.orderList().flatMap((x) => x.items.map((i) => Number(i.sno) || 0)));
      const added = pick(o, snos).map((i) => {
        i.status = 'e1';
        return { ...structuredClone(i), sno: String(++next), status: replacement, invoiceCompanySno: '', invoiceNo: '' };
      });
      o.items.push(...added);
      return added.map((i) => i.sno);
    },
    setDeliveryMethod(orderNo, method, snos) {
      for (const i of pick(mustOrder(orderNo), snos)) i.deliveryMethodFl = method;
    },
    setDetailLayout(layout, grid) {
      store.detailLayout = layout;
      if (grid) store.detailGrid = grid;
    },
    sameReceiverAs(orderNo, like) {
      const [o, from] = [mustOrder(orderNo), mustOrder(like)];
      for (const f of [
        'receiverName',
        'receiverPhone',
        'receiverCellPhone',
        'receiverZonecode',
        'receiverAddress',
        'receiverAddressSub',
      ] as const)
        o[f] = from[f];
    },
    setPacket(orderNos, packetCode) {
      for (const orderNo of orderNos) {
        const o = mustOrder(orderNo);
        if (packetCode) o.packetCode = packetCode;
        else delete o.packetCode;
      }
    },
    setCouriers(couriers) {
      store.couriers = couriers;
    },
    setReceiver(orderNo, fields) {
      Object.assign(mustOrder(orderNo), fields);
    },
    expireSessions: () => store.expireSessions(),
    setGrid(list, columns) {
      if (columns) store.defaultGrids[list] = columns;
      else delete store.defaultGrids[list];
      for (const s of store.sessions.values()) delete s.grids[list];
    },
    setStatusLabel(code, label) {
      store.statusLabels[code] = label;
    },
    login: (operatorId) => `${SESSION_COOKIE}=${store.login(operatorId).id}`,
    reset: () => store.reset(),
  };
}
