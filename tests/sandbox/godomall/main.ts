// CLI: `npm run sandbox:godomall -- --port 8091 [--rows 500] [--operator shopadmin]`
import { startGodomallSandbox } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sandbox = await startGodomallSandbox({
  port: Number(arg('port') ?? 0),
  host: arg('host') ?? '127.0.0.1',
  rows: arg('rows') ? Number(arg('rows')) : undefined,
  operatorId: arg('operator'),
});
console.log(`godomall admin sandbox listening on ${sandbox.url} (login: ${sandbox.url}/__sandbox/login?operator=${sandbox.operatorId})`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
