// Everything the simulator remembers, in one place so reset() can start over cleanly.
import { seedAccount, type SandboxAccount } from './account.ts';
import { SandboxClock } from './clock.ts';
import { FaultInjector } from './faults.ts';
import { ParcelStore } from './store.ts';

export interface SandboxKeys {
  apiKey: string;
  securityKey: string;
  memberId: string;
  traceKey: string;
  dataGoKrKey: string;
}

export class SandboxState {
  account: SandboxAccount;
  store = new ParcelStore();
  readonly clock: SandboxClock;
  readonly faults: FaultInjector;
  /** calls per message name, for the control API and the bench */
  calls = new Map<string, number>();
  /** the same, counting only the calls that came over https */
  httpsCalls = new Map<string, number>();
  /** the same, counting only the calls that came on a connection an earlier call had used (kept alive) */
  reusedCalls = new Map<string, number>();

  constructor(
    readonly keys: SandboxKeys,
    now: () => number,
    private readonly seed: number,
  ) {
    this.account = seedAccount(keys.memberId);
    this.clock = new SandboxClock(now);
    this.faults = new FaultInjector(seed);
  }

  countCall(message: string, how: { overHttps: boolean; reused: boolean }): void {
    const add = (counts: Map<string, number>) => counts.set(message, (counts.get(message) ?? 0) + 1);
    add(this.calls);
    if (how.overHttps) add(this.httpsCalls);
    if (how.reused) add(this.reusedCalls);
  }

  reset(): void {
    this.account = seedAccount(this.keys.memberId);
    this.store = new ParcelStore();
    this.clock.reset();
    this.faults.clear();
    this.faults.reseed(this.seed);
    this.calls.clear();
    this.httpsCalls.clear();
    this.reusedCalls.clear();
  }
}
