// The simulator's data model: what one godomall5 shop holds about its orders.

export interface SeedItem {
  /** 상품주문번호 */
  sno: string;
  goodsNm: string;
  optionText: string;
  goodsCnt: number;
  price: number;
  /** full status code (p1, g1, g5, d1 …) */
  status: string;
  /** 배송번호: items of one delivery group share the fee and 선불/착불 */
  deliverySno: string;
  collect: 'pre' | 'later';
  deliveryFee: number;
  supplier: string;
  gifts: string[];
  /** '' when none; otherwise the courier's sno */
  invoiceCompanySno: string;
  invoiceNo: string;
  /** godomall's deliveryMethodFl: `delivery` (택배) unless set (`visit` 방문수령, `quick` 퀵배송 …) */
  deliveryMethodFl?: string;
  /** the customer's own 반품/교환/환불 request on this item (es_orderUserHandle) */
  userHandle?: UserHandle;
}

/** A customer's request from the shop's front (마이페이지): it waits for the shop's 승인/거절. */
export interface UserHandle {
  /** the request's own sno (ouh.sno, the list's `userHandleNo`) */
  sno: string;
  /** 반품 b, 교환 e, 환불 r (userHandleMode) */
  mode: 'b' | 'e' | 'r';
  /** userHandleFl: r 신청 (waiting), y 승인, n 거절 */
  fl: 'r' | 'y' | 'n';
  reason: string;
  /** yyyy-MM-dd HH:mm:ss */
  regDt: string;
  /** when the shop answered */
  actDt?: string;
  goodsCnt: number;
}

export interface SeedOrder {
  orderNo: string;
  /** yyyy-MM-dd HH:mm:ss */
  orderDate: string;
  orderName: string;
  orderCellPhone: string;
  receiverName: string;
  receiverPhone: string;
  receiverCellPhone: string;
  /** 안심번호 that replaces the receiver's phone on the detail page when set */
  receiverSafeNumber?: string;
  /** 5-digit 우편번호 ('' on old orders) */
  receiverZonecode: string;
  /** old 6-digit zipcode (`123-456`) */
  receiverZipcode: string;
  receiverAddress: string;
  receiverAddressSub: string;
  orderMemo: string;
  /** order_view.php:1109 `orderChannelFl` (shop unless set: naverpay, etc …) */
  orderChannelFl?: string;
  /** a claim (취소/반품/교환 요청) is being handled: status changes are refused */
  claimInProgress?: boolean;
  /** 묶음배송: orders combined by 「묶음배송처리」 share one packetCode */
  packetCode?: string;
  items: SeedItem[];
}

export interface Courier {
  sno: string;
  name: string;
}

/** Order of options as the admin prints them: the first active courier is preselected for empty rows. */
export function defaultCouriers(epostSno = '12'): Courier[] {
  return [
    { sno: '8', name: 'CJ대한통운' },
    { sno: epostSno, name: '우체국택배' },
    { sno: '5', name: '한진택배' },
    { sno: '4', name: '롯데택배' },
    { sno: '6', name: '로젠택배' },
    { sno: '9', name: '경동택배' },
    { sno: '3', name: '대신택배' },
  ];
}

export type ListKind = 'all' | 'order' | 'pay' | 'goods' | 'delivery' | 'delivery_ok' | 'settle' | 'back' | 'exchange' | 'exchange_add';

/**
 * The claim lists (반품, 교환, 교환추가): rows always per item by layout_order_goods_list.php
 * (OrderListBackController.php:110, OrderListExchangeAddController.php:110).
 */
export const CLAIM_LISTS: ReadonlySet<ListKind> = new Set(['back', 'exchange', 'exchange_add']);

export const LIST_FILES: Record<string, ListKind> = {
  'order_list_all.php': 'all',
  'order_list_order.php': 'order',
  'order_list_pay.php': 'pay',
  'order_list_goods.php': 'goods',
  'order_list_delivery.php': 'delivery',
  'order_list_delivery_ok.php': 'delivery_ok',
  'order_list_settle.php': 'settle',
  'order_list_back.php': 'back',
  'order_list_exchange.php': 'exchange',
  // OrderListExchangeAddController.php:31, 71, 125: statusMode z, rendered by order_list_exchange.php's template
  'order_list_exchange_add.php': 'exchange_add',
};

export type ColumnId =
  | 'check'
  | 'no'
  | 'orderDt'
  | 'orderNo'
  | 'orderName'
  | 'goodsSno'
  | 'goodsNm'
  | 'gift'
  | 'goodsCnt'
  | 'settlePrice'
  | 'status'
  | 'deliverySno'
  | 'invoice'
  | 'supplier'
  | 'receiver';

export const COLUMN_TITLES: Record<ColumnId, string> = {
  check: '선택',
  no: '번호',
  orderDt: '주문일시',
  orderNo: '주문번호',
  orderName: '주문자',
  goodsSno: '상품주문번호',
  goodsNm: '주문상품',
  gift: '사은품',
  goodsCnt: '수량',
  settlePrice: '결제금액',
  status: '처리상태',
  deliverySno: '배송번호',
  invoice: '송장번호',
  supplier: '공급사',
  receiver: '수령자',
};

/** The admin's default grids. The 결제완료 grid has neither 주문번호 nor 수령자. */
export const DEFAULT_GRIDS: Record<ListKind, ColumnId[]> = {
  all: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsNm', 'goodsCnt', 'settlePrice', 'status', 'invoice', 'receiver'],
  order: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsNm', 'settlePrice', 'status', 'receiver'],
  pay: [
    'check',
    'no',
    'orderDt',
    'orderName',
    'goodsSno',
    'goodsNm',
    'gift',
    'goodsCnt',
    'settlePrice',
    'status',
    'deliverySno',
    'supplier',
  ],
  goods: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsSno', 'goodsNm', 'goodsCnt', 'status', 'invoice', 'supplier', 'receiver'],
  delivery: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsNm', 'status', 'invoice', 'receiver'],
  delivery_ok: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsNm', 'status', 'invoice', 'receiver'],
  settle: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsNm', 'status', 'invoice', 'receiver'],
  // OrderAdminGrid.php:1375–1398 list_back_order (and :1148 list_exchange_order), the columns we render
  back: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsSno', 'goodsNm', 'goodsCnt', 'status'],
  exchange: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsSno', 'goodsNm', 'goodsCnt', 'status'],
  // OrderAdminGrid.php:1301–1322 list_exchange_add_order, the columns we render
  exchange_add: ['check', 'no', 'orderDt', 'orderNo', 'orderName', 'goodsSno', 'goodsNm', 'goodsCnt', 'status'],
};

/** Which item statuses each list shows (by group letter or exact code). */
export function listShowsStatus(list: ListKind, status: string): boolean {
  switch (list) {
    case 'all':
      return true;
    case 'order':
      return status.startsWith('o');
    case 'pay':
      return status.startsWith('p');
    case 'goods':
      return status.startsWith('g');
    case 'delivery':
      return status === 'd1';
    case 'delivery_ok':
      return status === 'd2';
    case 'settle':
      return status.startsWith('s');
    // OrderAdmin.php:492–510 statusMode b / e: every code of the claim's group
    case 'back':
      return status.startsWith('b');
    case 'exchange':
      return status.startsWith('e');
    // OrderAdmin.php:1463–1470 statusMode z: og.orderStatus LIKE 'z%'
    case 'exchange_add':
      return status.startsWith('z');
  }
}

/** 주문 상태 설정: labels as this shop renamed them, plus its own g5+ statuses. */
export const DEFAULT_SHOP_STATUS_LABELS: Record<string, string> = {
  o1: '입금대기',
  p1: '결제확인', // renamed from 결제완료
  g1: '상품준비중',
  g2: '구매발주',
  g3: '상품입고',
  g4: '상품출고',
  g5: '포장완료', // shop-defined
  g6: '출고대기(창고)', // shop-defined
  d1: '배송중',
  d2: '배송완료',
  s1: '구매확정',
  c1: '자동취소',
  c3: '관리자취소',
  c4: '고객취소요청',
  // claim steps (OrderStatusController.php:241–293; b2/b3, e2–e4 are optional steps this shop uses)
  b1: '반품접수',
  b2: '반송중',
  b3: '반품보류',
  b4: '반품회수완료',
  e1: '교환접수',
  e2: '반송중',
  e3: '재배송중',
  e4: '교환보류',
  e5: '교환완료',
  // 교환추가 (an exchange's replacement items), OrderStatusGlobalController.php:306–326
  z1: '추가입금대기',
  z2: '추가결제완료',
  z3: '추가배송중',
  z4: '추가배송완료',
  z5: '교환추가완료',
  r1: '환불접수',
};

/** The supplier the simulated 공급사 admin (`/provider/…`) is logged in as. */
export const PROVIDER_SUPPLIER = '(주)한빛물산';
