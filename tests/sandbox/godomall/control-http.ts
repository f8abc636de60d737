// The control surface as JSON under /__sandbox/ (for the demo and out-of-process tests).
import type { GodomallControl } from './control';
import type { ColumnId, Courier, ListKind } from './model';
import type { DetailGridKey } from './view-page';

interface Answer {
  status: number;
  body: unknown;
}

export function handleControlRequest(control: GodomallControl, path: string, method: string, query: URLSearchParams, body: string): Answer {
  let input: Record<string, unknown> = {};
  try {
    input = body ? (JSON.parse(body) as Record<string, unknown>) : Object.fromEntries(query);
  } catch {
    return { status: 400, body: { error: 'invalid JSON' } };
  }
  const str = (k: string) => String(input[k] ?? '');
  const snos = Array.isArray(input.snos) ? (input.snos as string[]) : undefined;
  try {
    switch (`${method} ${path}`) {
      case 'GET /__sandbox/orders':
        return { status: 200, body: control.orders() };
      case 'GET /__sandbox/order': {
        const order = control.order(str('orderNo'));
        return order ? { status: 200, body: order } : { status: 404, body: { error: 'no such order' } };
      }
      case 'POST /__sandbox/status':
        control.setStatus(str('orderNo'), str('status'), snos);
        return { status: 200, body: control.order(str('orderNo')) };
      case 'POST /__sandbox/invoice':
        control.setInvoice(str('orderNo'), str('companySno'), str('invoiceNo'), snos);
        return { status: 200, body: control.order(str('orderNo')) };
      case 'POST /__sandbox/exchange':
        return {
          status: 200,
          body: { replacements: control.exchange(str('orderNo'), snos ?? [], str('replacement') === 'z1' ? 'z1' : 'z2') },
        };
      case 'POST /__sandbox/claim':
        control.setClaimInProgress(str('orderNo'), input.on !== false);
        return { status: 200, body: { ok: true } };
      case 'POST /__sandbox/user-claim':
        if (input.answer === 'accept' || input.answer === 'reject')
          control.answerClaim(str('orderNo'), str('sno'), input.answer === 'accept');
        else control.requestClaim(str('orderNo'), str('sno'), str('mode') as 'b' | 'e' | 'r', input.reason ? str('reason') : undefined);
        return { status: 200, body: control.order(str('orderNo')) };
      case 'POST /__sandbox/delivery-method':
        control.setDeliveryMethod(str('orderNo'), str('method'), snos);
        return { status: 200, body: control.order(str('orderNo')) };
      case 'POST /__sandbox/detail-layout':
        control.setDetailLayout(
          str('layout') === 'fixed' ? 'fixed' : 'grid',
          Array.isArray(input.grid) ? (input.grid as DetailGridKey[]) : undefined,
        );
        return { status: 200, body: { ok: true } };
      case 'POST /__sandbox/couriers':
        control.setCouriers(Array.isArray(input.couriers) ? (input.couriers as Courier[]) : []);
        return { status: 200, body: { ok: true } };
      case 'POST /__sandbox/expire':
        control.expireSessions();
        return { status: 200, body: { ok: true } };
      case 'POST /__sandbox/grid':
        control.setGrid(str('list') as ListKind, Array.isArray(input.columns) ? (input.columns as ColumnId[]) : null);
        return { status: 200, body: { ok: true } };
      case 'POST /__sandbox/status-label':
        control.setStatusLabel(str('code'), str('label'));
        return { status: 200, body: { ok: true } };
      case 'POST /__sandbox/reset':
        control.reset();
        return { status: 200, body: { ok: true } };
      case 'GET /__sandbox/log':
        return { status: 200, body: control.store.log };
      default:
        return { status: 404, body: { error: `unknown control ${method} ${path}` } };
    }
  } catch (err) {
    return { status: 400, body: { error: err instanceof Error ? err.message : String(err) } };
  }
}
