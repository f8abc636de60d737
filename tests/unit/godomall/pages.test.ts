import { describe, expect, it } from 'vitest';
import {
  adminPageKind,
  claimListOf,
  isOrderListPage,
  isOrderViewPage,
  isReshipList,
  isProviderAdmin,
  notedPageOf,
  orderBaseUrl,
  orderViewUrl,
  userClaimListOf,
} from '../../../lib/godomall/pages';

/**
 * The published tree's order pages that list orders or their parcels (bluesky1478/godomall a4e4760,
 * Asset/Admin/order/: every order_list_*.php but the download form and the user-exchange settings,
 * the CJ logistics list, the invoice upload and godomall's own 우체국택배 pages).
 */
const PUBLISHED_PARCEL_PAGES = [
  'order_list_all.php',
  'order_list_order.php',
  'order_list_pay.php',
  'order_list_goods.php',
  'order_list_delivery.php',
  'order_list_settle.php',
  'order_list_back.php',
  'order_list_exchange.php',
  'order_list_cancel.php',
  'order_list_refund.php',
  'order_list_fail.php',
  'order_list_exchange_cancel.php',
  'order_list_exchange_add.php',
  'order_list_user_back.php',
  'order_list_user_exchange.php',
  'order_list_user_refund.php',
  'logistics_order_list_goods.php',
  'order_invoice.php',
  'post_issue.php',
  'post_reserve.php',
  'post_request.php',
];

describe('every published parcel page: the overlay, or a note why not (issue 22)', () => {
  it.each(PUBLISHED_PARCEL_PAGES)('%s', (page) => {
    for (const base of ['https://gdadmin.myshop.godomall.com/order/', 'https://gdadmin.myshop.godomall.com/provider/order/']) {
      const url = base + page;
      const covered = isOrderListPage(url);
      // exactly one of the two: a page never gets both a toolbar and a note
      expect(covered !== (notedPageOf(url) !== undefined), url).toBe(true);
    }
  });

  it('names why', () => {
    expect(notedPageOf('https://a.godomall.com/order/order_list_user_exchange.php?view=exchange')).toBe('userClaim');
    expect(notedPageOf('https://a.godomall.com/order/order_list_exchange_add.php')).toBeUndefined();
    expect(notedPageOf('https://a.godomall.com/order/post_issue.php')).toBe('godoPost');
    expect(notedPageOf('https://a.godomall.com/order/order_list_pay.php')).toBeUndefined();
    expect(notedPageOf('https://a.godomall.com/goods/order_list_cancel.php')).toBeUndefined();
    // the customers' refund requests are the same page with view=refund (layout_order_search_form.php:675)
    expect(notedPageOf('https://a.godomall.com/order/order_list_user_exchange.php?view=refund')).toBe('userRefund');
  });

  it("knows which customers' request list a page is (OrderListUserExchangeController.php:74–78)", () => {
    const base = 'https://a.godomall.com/order/order_list_user_exchange.php';
    expect(userClaimListOf(`${base}?view=back`)).toBe('b');
    expect(userClaimListOf(`${base}?view=exchange&searchFl=y`)).toBe('e');
    expect(userClaimListOf(base)).toBe('e'); // exchange is the default view
    expect(userClaimListOf(`${base}?view=refund`)).toBeUndefined();
    expect(userClaimListOf('https://a.godomall.com/provider/order/order_list_user_exchange.php?view=back')).toBe('b');
    expect(userClaimListOf('https://a.godomall.com/provider/order/order_list_user_back.php')).toBe('b');
    expect(userClaimListOf('https://a.godomall.com/order/order_list_back.php')).toBeUndefined();
  });
});

describe('admin URL predicates', () => {
  it.each([
    ['https://gdadmin.myshop.godomall.com/order/order_list_all.php', 'list-all'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_order.php', 'list-order'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_pay.php?view=orderGoods', 'list-pay'],
    ['https://gdadmin.myshop.co.kr/order/order_list_goods.php?page=2&pageNum=500', 'list-goods'],
    ['https://gdadmin.myshop.co.kr/provider/order/order_list_goods.php', 'list-goods'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_delivery.php', 'list-delivery'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_delivery_ok.php', 'list-delivery-ok'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_settle.php', 'list-settle'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_back.php', 'list-back'],
    ['https://gdadmin.myshop.godomall.com/provider/order/order_list_exchange.php?page=2', 'list-exchange'],
    ['https://gdadmin.myshop.godomall.com/order/order_list_exchange_add.php', 'list-exchange-add'],
    ['https://gdadmin.myshop.godomall.com/order/order_view.php?orderNo=2611271751531000', 'order-view'],
    ['https://gdadmin.myshop.godomall.com/provider/order/order_view.php?orderNo=2611271751531000', 'order-view'],
    ['https://gdadmin.myshop.godomall.com/order/order_ps.php', 'other'],
    ['https://gdadmin.myshop.godomall.com/goods/goods_list.php', 'other'],
    ['https://gdadmin.myshop.godomall.com/base/login.php', 'other'],
    ['http://127.0.0.1:8091/order/order_list_pay.php', 'list-pay'],
    ['not a url', 'other'],
  ])('%s → %s', (url, kind) => {
    expect(adminPageKind(url)).toBe(kind);
    expect(isOrderListPage(url)).toBe(kind.startsWith('list-'));
    expect(isOrderViewPage(url)).toBe(kind === 'order-view');
    expect(claimListOf(url)).toBe(kind === 'list-back' ? 'b' : kind === 'list-exchange' ? 'e' : undefined);
    expect(isReshipList(url)).toBe(kind === 'list-exchange-add');
  });

  it('knows the supplier admin and the view', () => {
    expect(isProviderAdmin('https://gdadmin.x.godomall.com/provider/order/order_list_all.php')).toBe(true);
    expect(isProviderAdmin('https://gdadmin.x.godomall.com/order/order_list_all.php')).toBe(false);
  });

  it('derives the order base path from a page or an origin', () => {
    expect(orderBaseUrl('https://gdadmin.x.godomall.com')).toBe('https://gdadmin.x.godomall.com/order/');
    expect(orderBaseUrl('https://gdadmin.x.co.kr/provider/order/order_list_all.php?x=1')).toBe('https://gdadmin.x.co.kr/provider/order/');
    expect(orderBaseUrl('https://gdadmin.x.co.kr/provider/')).toBe('https://gdadmin.x.co.kr/provider/order/');
    expect(orderViewUrl('http://127.0.0.1:9/order/order_list_pay.php', '2611271751531000')).toBe(
      'http://127.0.0.1:9/order/order_view.php?orderNo=2611271751531000',
    );
  });
});
