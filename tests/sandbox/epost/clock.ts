// The simulator clock: the host clock (or an injected one) plus an offset that tests advance,
// so parcels move through their tracking states without waiting real hours.

export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  now(): number {
    return this.base() + this.offsetMs;
  }

  advanceHours(hours: number): number {
    return this.advanceMs(hours * 3600_000);
  }

  advanceMs(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the simulator clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
