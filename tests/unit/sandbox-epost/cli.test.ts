import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptRegData } from '../../../lib/epost/seed128.ts';
import { get } from 'node:https';
import { SANDBOX_TLS } from '../../sandbox/epost/tls.ts';

/** A GET over https trusting only the simulator's test certificate. */
const getTls = (url: string) =>
  new Promise<string>((resolve, reject) => {
    get(url, { ca: SANDBOX_TLS.cert }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

function run(args: string[]): { firstLine: Promise<string>; exit: Promise<number | null>; output: () => string } {
  child = spawn(TSX, ['tests/sandbox/epost/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const proc = child;
  const firstLine = new Promise<string>((res, rej) => {
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) res(out.split('\n')[0]!);
    });
    proc.on('exit', () => rej(new Error(`exited: ${out}`)));
  });
  firstLine.catch(() => undefined); // a run that is meant to fail never prints its line
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exit = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  return { firstLine, exit, output: () => out };
}

describe('epost sandbox CLI', () => {
  it('prints one line when listening and serves with the given keys and member id', async () => {
    const key = 'K'.repeat(30);
    const seckey = 'S1234567890abcdefghijk';
    const { firstLine, output } = run([
      '--',
      '--port',
      '0',
      '--https-port',
      '0',
      '--key',
      key,
      '--seckey',
      seckey,
      '--member-id',
      'cli-shop',
    ]);
    const line = await firstLine;
    expect(line).toMatch(
      new RegExp(`^epost sandbox listening on http://127\\.0\\.0\\.1:\\d+ key=${key} seckey=${seckey} member-id=cli-shop`),
    );
    const url = /on (http:\/\/\S+)/.exec(line)![1]!;
    const params = new URLSearchParams({ key, regData: encryptRegData('memberID=cli-shop', seckey) });
    const text = await (await fetch(`${url}/api.GetCustNo.jparcel?${params}`)).text();
    expect(text).toContain('0005085217');
    // and over https on its second port (--https-port, ephemeral here)
    const httpsUrl = / https=(https:\/\/127\.0\.0\.1:\d+)$/.exec(line)![1]!;
    expect(await getTls(`${httpsUrl}/api.GetCustNo.jparcel?${params}`)).toContain('0005085217');
    expect(output().trim().split('\n')).toHaveLength(1);
  });

  it('refuses unknown flags with a Korean message and exit code 1', async () => {
    const { exit, output } = run(['--bogus', '1']);
    expect(await exit).toBe(1);
    expect(output()).toContain('알 수 없는 옵션: --bogus');
  });
});
