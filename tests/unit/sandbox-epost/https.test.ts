// The simulator's https listener: the same API as over http, under a certificate a client can verify
// for the Korea Post host names (tls.ts), and each call counted by the scheme it came over.
import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptRegData } from '../../../lib/epost/seed128.ts';
import type { EpostSandbox } from '../../sandbox/epost/server.ts';
import { SANDBOX_TLS, sandboxSpkiHash } from '../../sandbox/epost/tls.ts';
import { startAt } from './helpers.ts';

let sb: EpostSandbox;
beforeAll(async () => {
  sb = await startAt();
});
afterAll(() => sb.close());

/** GET over https to the simulator as `servername` would be reached, trusting only the test certificate. */
function getTls(path: string, servername: string): Promise<{ status: number; text: string; peer: string; certDer: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sb.httpsUrl}${path}`, { ca: SANDBOX_TLS.cert, servername, headers: { host: servername } }, (res) => {
      const cert = (res.socket as TLSSocket).getPeerCertificate();
      const peer = cert.subjectaltname ?? '';
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), peer, certDer: cert.raw }));
    });
    req.on('error', reject);
    req.end();
  });
}

const custNoQuery = () =>
  `/api.GetCustNo.jparcel?${new URLSearchParams({ key: sb.control.keys.apiKey, regData: encryptRegData('memberID=testshop', sb.control.keys.securityKey) })}`;

describe('epost sandbox over https', () => {
  it('listens on a second port and answers the 계약소포 API under a certificate valid for ship.epost.go.kr', async () => {
    expect(sb.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.httpsPort).not.toBe(sb.port);
    const r = await getTls(custNoQuery(), 'ship.epost.go.kr');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<custNo><![CDATA[ 0005085217 ]]></custNo>');
    expect(r.peer).toContain('DNS:ship.epost.go.kr');
    expect(r.peer).toContain('DNS:biz.epost.go.kr');
  });

  it('a certificate for another name is refused: the client really verifies it', async () => {
    await expect(getTls(custNoQuery(), 'ship.example.com')).rejects.toThrow(/altnames|ship\.example\.com/);
  });

  it('counts the calls that came over https apart from those over http', async () => {
    sb.control.reset();
    await getTls(custNoQuery(), 'ship.epost.go.kr');
    await getTls(`/KpostPortal/openapi?regkey=${sb.control.keys.traceKey}&target=trace&query=6000000000000`, 'biz.epost.go.kr');
    await fetch(`${sb.url}${custNoQuery()}`);
    const { calls, httpsCalls } = sb.control.state();
    expect(calls).toEqual({ GetCustNo: 2, trace: 1 });
    expect(httpsCalls).toEqual({ GetCustNo: 1, trace: 1 });
  });

  it('the SPKI hash Chromium is given is the one of the certificate served', async () => {
    const served = new X509Certificate((await getTls(custNoQuery(), 'ship.epost.go.kr')).certDer);
    const spki = served.publicKey.export({ type: 'spki', format: 'der' });
    expect(sandboxSpkiHash()).toBe(createHash('sha256').update(spki).digest('base64'));
  });
});
