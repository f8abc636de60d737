// A fetch for Node tests that carries an admin session cookie (Node's fetch keeps no cookies).
import type { GodomallSandbox } from './server';

export async function loginFetch(sandbox: GodomallSandbox, operatorId = sandbox.operatorId): Promise<typeof fetch> {
  const res = await fetch(`${sandbox.url}/__sandbox/login?operator=${encodeURIComponent(operatorId)}`, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie) throw new Error('sandbox login gave no session cookie');
  return ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return fetch(input, { ...init, headers });
  }) as typeof fetch;
}
