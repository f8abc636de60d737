// The godomall5 admin simulator: a plain Node http server on loopback.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SeedOrder } from './model';
import { LIST_FILES } from './model';
import { Store, type Session } from './store';
import { createControl, SESSION_COOKIE, type GodomallControl } from './control';
import { renderLoginPage } from './login-page';
import { renderListPage } from './list-page';
import { renderUserClaimPage } from './user-claim-page';
import { renderOrderView, renderIncOrderView } from './view-page';
import { handleOrderPs } from './order-ps';
import { renderStatusSettings } from './status-settings';
import { handleControlRequest } from './control-http';

export interface GodomallSandboxOptions {
  port?: number;
  host?: string;
  orders?: SeedOrder[];
  /** generate this many orders instead of the default ~40 */
  rows?: number;
  /** operator id used by the login helper when none is given */
  operatorId?: string;
  /** the 우체국택배 option value in this shop (default 12) */
  epostCourierSno?: string;
  /** forms carry a per-session hidden token that order_ps.php requires (the spec's "hidden inputs you don't know") */
  formToken?: boolean;
  /** every admin request (not the control API) is answered this much later: a shop's admin over the internet */
  latencyMs?: number;
}

export interface GodomallSandbox {
  url: string;
  port: number;
  control: GodomallControl;
  operatorId: string;
  /** `METHOD /path?query` of every admin request (not the control API), newest last; tests may empty it */
  requests: string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sessionOf(store: Store, req: IncomingMessage): Session | undefined {
  const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([0-9a-f]+)`).exec(req.headers.cookie ?? '');
  return m ? store.sessions.get(m[1]!) : undefined;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** No SameSite attribute (like the admin), HttpOnly. */
function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly`;
}

export async function startGodomallSandbox(opts: GodomallSandboxOptions = {}): Promise<GodomallSandbox> {
  const store = Store.fromOptions(opts);
  const control = createControl(store);
  const defaultOperator = opts.operatorId ?? 'shopadmin';
  const requests: string[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, `<pre>${String(err)}</pre>`));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname;
    const body = req.method === 'POST' ? await readBody(req) : '';

    if (!path.startsWith('/__sandbox/')) {
      requests.push(`${req.method} ${path}${url.search}`);
      if (requests.length > 10_000) requests.splice(0, 5_000);
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    }
    if (path.startsWith('/__sandbox/')) {
      if (path === '/__sandbox/login') {
        const s = store.login(url.searchParams.get('operator') || defaultOperator);
        const to = url.searchParams.get('redirect') || '/order/order_list_all.php';
        send(res, 302, '', 'text/plain', { location: to.startsWith('/') ? to : '/', 'set-cookie': sessionCookie(s.id) });
        return;
      }
      const answer = handleControlRequest(control, path, req.method ?? 'GET', url.searchParams, body);
      send(res, answer.status, JSON.stringify(answer.body), 'application/json; charset=utf-8');
      return;
    }
    if (path === '/base/login_ps.php' && req.method === 'POST') {
      const id = new URLSearchParams(body).get('managerId')?.trim();
      if (!id) return send(res, 200, renderLoginPage('아이디를 입력해 주세요.'));
      const s = store.login(id);
      send(res, 302, '', 'text/plain', { location: '/order/order_list_all.php', 'set-cookie': sessionCookie(s.id) });
      return;
    }
    if (path === '/base/login.php') return send(res, 200, renderLoginPage());
    if (path === '/' || path === '/favicon.ico')
      return send(res, path === '/' ? 302 : 404, '', 'text/plain', { location: '/order/order_list_all.php' });

    const session = sessionOf(store, req);
    if (!session) return send(res, 200, renderLoginPage());

    if (path === '/policy/order_status.php') return send(res, 200, renderStatusSettings(store, session));
    const m = /^\/(provider\/)?order\/([a-z_]+\.php)$/.exec(path);
    if (!m) return send(res, 404, '<h1>404</h1>');
    const provider = !!m[1];
    const file = m[2]!;
    const list = LIST_FILES[file];
    if (list) return send(res, 200, renderListPage({ store, session, list, file, provider, params: url.searchParams }));
    if (file === 'order_list_user_exchange.php' || (provider && file === 'order_list_user_back.php'))
      return send(res, 200, renderUserClaimPage(store, session, file, url.searchParams, provider));
    if (file === 'order_view.php') return send(res, 200, renderOrderView(store, session, url.searchParams.get('orderNo') ?? '', provider));
    if (file === 'inc_order_view.php') {
      const form = new URLSearchParams(body || url.search);
      return send(res, 200, renderIncOrderView(store, form.get('orderNo') ?? '', form.get('orderStatusMode') ?? '', provider));
    }
    if (file === 'order_ps.php' && req.method === 'POST') return send(res, 200, handleOrderPs(store, session, new URLSearchParams(body)));
    send(res, 404, '<h1>404</h1>');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    port,
    control,
    operatorId: defaultOperator,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
