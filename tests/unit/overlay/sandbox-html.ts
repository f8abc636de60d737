// Admin pages as the simulator serves them, fetched over loopback with node:http (independent of the
// test environment's fetch), for the happy-dom tests and the benchmark.
import { request } from 'node:http';
import { startGodomallSandbox, type GodomallSandbox, type GodomallSandboxOptions } from '../../sandbox/godomall';

function get(url: string, cookie = ''): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface AdminPages {
  sandbox: GodomallSandbox;
  html(path: string): Promise<string>;
  close(): Promise<void>;
}

export async function adminPages(opts: GodomallSandboxOptions = {}): Promise<AdminPages> {
  const sandbox = await startGodomallSandbox({ port: 0, host: '127.0.0.1', ...opts });
  const login = await get(`${sandbox.url}/__sandbox/login?operator=${sandbox.operatorId}`);
  const setCookie = login.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
  return {
    sandbox,
    async html(path) {
      const res = await get(`${sandbox.url}${path}`, cookie);
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      return res.body;
    },
    close: () => sandbox.close(),
  };
}

/** Loads an admin page into the current (happy-dom) document without running its scripts. */
export function loadIntoDocument(html: string): void {
  // happy-dom refuses to load frames; the admin's hidden ifrmProcess plays no part here
  const doc = new DOMParser().parseFromString(html.replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, ''), 'text/html');
  document.head.replaceChildren(...Array.from(doc.head.childNodes).map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
  for (const s of Array.from(document.querySelectorAll('script'))) s.remove();
}
