export { startGodomallSandbox, type GodomallSandbox, type GodomallSandboxOptions } from './server';
export { loginFetch } from './login-fetch';
export type { GodomallControl } from './control';
export type { SeedOrder, SeedItem, ColumnId, ListKind } from './model';
export { seedOrders } from './seed';
