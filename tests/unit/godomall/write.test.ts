import { describe, expect, it } from 'vitest';
import { assertWriteAccepted, clearInvoiceBody, detailWriteBody, parseWriteAnswer } from '../../../lib/godomall/write';
import { AdminWriteError, SessionExpiredError } from '../../../lib/godomall/types';
import { iframeAnswer } from '../../sandbox/godomall/html';
import { fixture } from './parsers';

const ORDER = '2611271751531000';

describe('order_ps.php bodies', () => {
  it('modifyOrderStatusDelivery as order_view.php:1810–1836 builds it: invoice only', () => {
    const items = [
      { sno: '10001', status: 'g1', deliveryMethod: 'delivery', courierSno: '' },
      { sno: '10002', status: 'p1', deliveryMethod: 'delivery', courierSno: '8' },
    ];
    const body = detailWriteBody(ORDER, items, { orderChannel: 'shop', invoice: { courierSno: '12', invoiceNo: '6001234567890' } });
    expect([...body]).toEqual([
      ['mode', 'modifyOrderStatusDelivery'],
      ['orderInvoiceUpdateFl', 'y'],
      ['changeStatus', ''],
      ['orderChannelFl', 'shop'],
      ['statusMode[g][]', 'g'],
      ['statusCheck[g][]', `${ORDER}||10001`],
      ['invoiceCompanySno[g][10001]', '12'],
      ['deliveryMethodFl[g][10001]', 'delivery'],
      ['defaultInvoiceCompanySno[g][10001]', ''],
      ['invoiceNo[g][10001]', '6001234567890'],
      ['statusMode[p][]', 'p'],
      ['statusCheck[p][]', `${ORDER}||10002`],
      ['invoiceCompanySno[p][10002]', '12'],
      ['deliveryMethodFl[p][10002]', 'delivery'],
      ['defaultInvoiceCompanySno[p][10002]', '8'],
      ['invoiceNo[p][10002]', '6001234567890'],
    ]);
  });

  it('status only: orderStatusUpdateFl, the item keeps its own courier and no number', () => {
    const body = detailWriteBody(ORDER, [{ sno: '10001', status: 'g5', courierSno: '12' }], { status: 'd1' });
    expect(body.get('orderStatusUpdateFl')).toBe('y');
    expect(body.has('orderInvoiceUpdateFl')).toBe(false);
    expect(body.get('changeStatus')).toBe('d1');
    expect(body.get('orderChannelFl')).toBe('shop');
    expect(body.get('statusCheck[g][]')).toBe(`${ORDER}||10001`);
    expect(body.get('invoiceCompanySno[g][10001]')).toBe('12');
    expect(body.get('invoiceNo[g][10001]')).toBe('');
  });

  it('clearing goes through combine_invoice_change (the detail page cannot post an empty number)', () => {
    expect(clearInvoiceBody(ORDER, [{ sno: '10001', status: 'g1' }]).toString()).toBe(
      `mode=combine_invoice_change&statusCheck%5Bg%5D%5B%5D=${ORDER}%7C%7C10001&invoiceCompanySno%5Bg%5D%5B10001%5D=0&invoiceNo%5Bg%5D%5B10001%5D=`,
    );
  });

  it('refuses an item without a known status, an empty number and a write with nothing to write', () => {
    expect(() => detailWriteBody(ORDER, [{ sno: '1', status: '' }], { status: 'g1' })).toThrow(AdminWriteError);
    expect(() => detailWriteBody(ORDER, [{ sno: '1', status: 'p1' }], { invoice: { courierSno: '12', invoiceNo: '' } })).toThrow(
      AdminWriteError,
    );
    expect(() =>
      detailWriteBody(ORDER, [{ sno: '1', status: 'p1' }], { invoice: { courierSno: '0', invoiceNo: '6001234567890' } }),
    ).toThrow(AdminWriteError);
    expect(() => detailWriteBody(ORDER, [{ sno: '1', status: 'p1' }], {})).toThrow(AdminWriteError);
  });
});

describe('reading the iframe answer', () => {
  it.each([
    [iframeAnswer('주문 상태 변경이 완료되었습니다.', true), 'ok', '주문 상태 변경이 완료되었습니다.'],
    [
      iframeAnswer('클레임 처리 중인 주문은 상태를 변경할 수 없습니다. (주문번호 : 1)', false),
      'error',
      '클레임 처리 중인 주문은 상태를 변경할 수 없습니다. (주문번호 : 1)',
    ],
    [`<script>parent.dialog_alert('변경할 주문 상태를 선택해 주세요.','경고');</script>`, 'error', '변경할 주문 상태를 선택해 주세요.'],
    [
      `<script>parent.dialog_alert('It\\'s done: 저장이 완료되었습니다.', '확인', {isReload:true});</script>`,
      'ok',
      "It's done: 저장이 완료되었습니다.",
    ],
    [`<script>alert("존재하지 않는 배송 업체입니다.");</script>`, 'error', '존재하지 않는 배송 업체입니다.'],
    [`<script>parent.location.reload();</script>`, 'ok', ''],
    [`<html><body>Fatal error</body></html>`, 'error', '관리자 응답을 해석할 수 없습니다.'],
    [`<script>parent.dialog_alert('처리 결과를 확인하세요.', '알림');</script>`, 'error', '처리 결과를 확인하세요.'],
  ])('%#: %s', (html, kind, message) => {
    expect(parseWriteAnswer(html)).toEqual({ kind, message });
  });

  it('the login page means the session expired', () => {
    expect(parseWriteAnswer(fixture('login.html'))).toEqual({ kind: 'login' });
    expect(() => assertWriteAccepted(fixture('login.html'), 'https://gdadmin.x.godomall.com')).toThrow(SessionExpiredError);
    expect(() => assertWriteAccepted(iframeAnswer('선택된 주문이 없습니다.', false), 'o')).toThrow(/선택된 주문이 없습니다/);
    expect(assertWriteAccepted(iframeAnswer('송장번호 저장이 완료되었습니다.', true), 'o')).toBe('송장번호 저장이 완료되었습니다.');
  });
});
