import { describe, expect, it } from 'vitest';
import { assertWriteAccepted, invoiceChangeBody, parseWriteAnswer, statusChangeBody, statusDeliveryBody } from '../../../lib/godomall/write';
import { AdminWriteError, SessionExpiredError } from '../../../lib/godomall/types';
import { iframeAnswer } from '../../sandbox/godomall/html';
import { fixture } from './parsers';

const ORDER = '2611271751531000';

describe('order_ps.php bodies', () => {
  it('combine_invoice_change names the fields by each item status letter', () => {
    const body = invoiceChangeBody(ORDER, [{ sno: '10001', status: 'g1' }, { sno: '10002', status: 'p1' }], '12', '6001234567890');
    expect([...body]).toEqual([
      ['mode', 'combine_invoice_change'],
      ['statusCheck[g][]', `${ORDER}||10001`],
      ['invoiceCompanySno[g][10001]', '12'],
      ['invoiceNo[g][10001]', '6001234567890'],
      ['statusCheck[p][]', `${ORDER}||10002`],
      ['invoiceCompanySno[p][10002]', '12'],
      ['invoiceNo[p][10002]', '6001234567890'],
    ]);
  });

  it('combine_status_change and modifyOrderStatusDelivery', () => {
    expect(statusChangeBody(ORDER, [{ sno: '10001', status: 'p1' }], 'g1').toString()).toBe(
      `mode=combine_status_change&changeStatus=g1&statusCheck%5Bp%5D%5B%5D=${ORDER}%7C%7C10001`,
    );
    const d = statusDeliveryBody(ORDER, [{ sno: '10001', status: 'g5' }], 'd1', '12', '6001234567890');
    expect(d.get('bundle[orderStatus]')).toBe('d1');
    expect(d.get('bundle[statusCheck][10001]')).toBe('10001');
    expect(d.get('bundle[statusMode][10001]')).toBe('g5');
    expect(d.get('bundle[invoiceCompanySno]')).toBe('12');
    expect(d.get('orderNo')).toBe(ORDER);
  });

  it('refuses an item without a known status', () => {
    expect(() => statusChangeBody(ORDER, [{ sno: '1', status: '' }], 'g1')).toThrow(AdminWriteError);
  });
});

describe('reading the iframe answer', () => {
  it.each([
    [iframeAnswer('주문 상태 변경이 완료되었습니다.', true), 'ok', '주문 상태 변경이 완료되었습니다.'],
    [iframeAnswer('클레임 처리 중인 주문은 상태를 변경할 수 없습니다. (주문번호 : 1)', false), 'error', '클레임 처리 중인 주문은 상태를 변경할 수 없습니다. (주문번호 : 1)'],
    [`<script>parent.dialog_alert('변경할 주문 상태를 선택해 주세요.','경고');</script>`, 'error', '변경할 주문 상태를 선택해 주세요.'],
    [`<script>parent.dialog_alert('It\\'s done: 저장이 완료되었습니다.', '확인', {isReload:true});</script>`, 'ok', "It's done: 저장이 완료되었습니다."],
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
