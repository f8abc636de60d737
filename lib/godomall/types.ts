// Typed values read from the godomall5 admin (selectors.ts says where each comes from). Nothing here knows Korea Post.

/** Full status code, e.g. `p1`, `g1`, `g5`, `d1`. The first letter is the status group. */
export type StatusCode = string;

/** The detail page's goods tabs we read: 주문내역, 반품내역, 교환내역, 교환추가내역 (an exchange's replacement items). */
export type OrderTab = 'order' | 'back' | 'exchange' | 'exchangeAdd';

export type AdminPageKind =
  | 'list-all' // order_list_all.php 주문통합
  | 'list-order' // order_list_order.php 입금대기
  | 'list-pay' // order_list_pay.php 결제완료
  | 'list-goods' // order_list_goods.php 상품준비중
  | 'list-delivery' // order_list_delivery.php 배송중
  | 'list-delivery-ok'
  | 'list-settle'
  | 'list-back' // order_list_back.php 반품 (claims b1–b4)
  | 'list-exchange' // order_list_exchange.php 교환 (claims e1–e5)
  | 'list-exchange-add' // order_list_exchange_add.php 교환추가 (an exchange's replacement items, z1–z5)
  | 'order-view'
  | 'other';

/** One checkbox row of an admin order list (an order in grouped views, an item in per-item views). */
export interface ListRow {
  /** the checkbox value as the admin wrote it (`orderNo`, `orderNo||sno`, `orderNo||sno||…`) */
  key: string;
  orderNo: string;
  /** item sno when the row is an item; absent for an order row */
  sno?: string;
  /** status group letter used in the form names (`statusCheck[<m>][]`) */
  statusGroup: string;
  status: StatusCode;
  /** courier as currently shown/selected, and the invoice number (empty when none) */
  courier: string;
  invoiceNo: string;
  /** the courier's option value / delivery_trace company sno ('0' = none chosen; '' when unknown) */
  courierSno?: string;
  /** godomall's deliveryMethodFl of the row (`delivery`, `packet`, `visit` …) when the list prints it */
  deliveryMethod?: string;
  /** the 수령자 column's name, on the order's first row, when the operator's grid shows it (a hint: see rows.ts) */
  receiverName?: string;
}

export interface OrderItem {
  sno: string;
  goodsName: string;
  optionText: string;
  quantity: number;
  status: StatusCode;
  /** 배송번호 / delivery group */
  deliveryGroup: string;
  /** 착불 when the item's delivery group collects the fee on delivery */
  collectOnDelivery: boolean;
  /** godomall's `deliveryMethodFl`: `delivery` (택배; also '' on old orders), `packet`, `visit` 방문수령, `quick` … */
  deliveryMethod: string;
  isGift: boolean;
  courier: string;
  /** the item's saved courier sno (`bundle[defaultInvoiceCompanySno]`; '' when none) */
  courierSno: string;
  invoiceNo: string;
  /** what the goods table did not show for this item (a Korean list); such an item is never sent anywhere */
  unreadable?: string[];
  /** a customer's claim waiting for the shop (환불신청, 반품신청, 교환신청): not shipped until it is handled */
  userClaims?: string[];
}

/** One option of a courier select: the courier's sno in this shop and its name. */
export interface CourierOption {
  value: string;
  text: string;
}

export interface OrderDetail {
  orderNo: string;
  receiverName: string;
  receiverPhone: string;
  receiverCellPhone: string;
  /** 5-digit 우편번호, or empty when missing (older orders may carry only a 6-digit zipcode) */
  receiverZonecode: string;
  /** the old 6-digit zipcode (`123-456`) when the order has one; for the operator's message only */
  receiverZipcode?: string;
  receiverAddress: string;
  receiverAddressSub: string;
  orderMemo: string;
  orderName: string;
  orderCellPhone: string;
  items: OrderItem[];
  /** the detail page's `orderChannelFl` (shop, naverpay, etc …) when it shows one */
  orderChannel?: string;
  /** 묶음배송: the other orders of this order's packet (order_view.php's 「묶음배송」 list); absent when none */
  packetOrders?: string[];
  /** the goods table's courier select (`select#applyDeliverySno`), as printed; absent when not read */
  courierOptions?: CourierOption[];
  /** hidden fields of the page's form that no writer sets, sent back unchanged with a write */
  carriedFields?: Array<[string, string]>;
}

/** Thrown by readers and writers when the admin answers with its login page. */
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
  constructor(readonly origin: string) {
    super('고도몰 관리자 로그인이 만료되었습니다. 관리자에 다시 로그인해 주세요.');
  }
}

/** The admin refused a write (its iframe answer carried an error message). */
export class AdminWriteError extends Error {
  override readonly name = 'AdminWriteError';
  constructor(readonly adminMessage: string) {
    super(`고도몰 저장 실패: ${adminMessage}`);
  }
}

/**
 * What lib/shipments needs from the admin, bound to one admin (the shop's `/order/` or a supplier's
 * `/provider/order/` pages) and its session cookie. Writes take the order as `fetchOrder` read it, so a
 * write costs one POST; items are the order's real (non-gift) items, or those of `itemSnos`.
 */
export interface GodomallAdmin {
  readonly origin: string;
  /** order_view.php + inc_order_view.php (the 주문내역 tab, or a claim tab's items), parsed */
  fetchOrder(orderNo: string, tab?: OrderTab): Promise<OrderDetail>;
  /** courier 「우체국택배」 + invoice number for the items; no status change */
  saveInvoice(order: OrderDetail, invoiceNo: string, itemSnos?: string[]): Promise<void>;
  /** clears courier + invoice */
  clearInvoice(order: OrderDetail, itemSnos?: string[]): Promise<void>;
  /** the items' status */
  changeStatus(order: OrderDetail, itemSnos: string[], to: StatusCode): Promise<void>;
  /**
   * The shop's 배송 업체 list as its 상품준비중 list prints it (one invoice select per order row), or
   * undefined when that list has no row to show it on.
   */
  courierList(): Promise<CourierOption[] | undefined>;
}
