export { startGodomallSandbox, type GodomallSandbox, type GodomallSandboxOptions } from './server';
export type { SeedOrder } from './model';
