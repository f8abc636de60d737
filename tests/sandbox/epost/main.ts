// CLI: npm run sandbox:epost -- --port <p> --key <인증키 30> --seckey <보안키 22> --member-id <id>
//      [--https-port <p>] [--host 127.0.0.1] [--trace-key <k>] [--datagokr-key <k>] [--seed <n>]
// Prints exactly one line once listening; stops on SIGINT/SIGTERM.
import { startEpostSandbox, type EpostSandboxOptions } from './server.ts';

const FLAGS: Record<string, keyof EpostSandboxOptions> = {
  '--port': 'port',
  '--https-port': 'httpsPort',
  '--host': 'host',
  '--key': 'apiKey',
  '--seckey': 'securityKey',
  '--member-id': 'memberId',
  '--trace-key': 'traceKey',
  '--datagokr-key': 'dataGoKrKey',
  '--seed': 'seed',
};

function parseArgs(argv: string[]): EpostSandboxOptions {
  const opts: Record<string, string | number> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = FLAGS[flag];
    if (!name) throw new Error(`알 수 없는 옵션: ${arg} (지원: ${Object.keys(FLAGS).join(' ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag}: 값이 없습니다.`);
    opts[name] = name === 'port' || name === 'httpsPort' || name === 'seed' ? Number(value) : value;
    if (typeof opts[name] === 'number' && !Number.isInteger(opts[name])) throw new Error(`${flag}: 정수가 아닙니다.`);
  }
  return opts as EpostSandboxOptions;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const sandbox = await startEpostSandbox({ port: 8780, ...opts });
  const k = sandbox.control.keys;
  console.log(
    `epost sandbox listening on ${sandbox.url} key=${k.apiKey} seckey=${k.securityKey} member-id=${k.memberId} trace-key=${k.traceKey} datagokr-key=${k.dataGoKrKey} https=${sandbox.httpsUrl}`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
