// Simulates a service worker killed mid-job. Calls already on the wire when kill() happens still
// reach the simulator (and may commit there), but their answers are never delivered; calls made
// after kill() are never sent. Every pending promise is simply abandoned, as in a dead worker.
import type { EpostApi } from '../../../lib/epost/types';
import type { GodomallAdmin } from '../../../lib/godomall/types';

export interface KillSwitch {
  kill(): void;
  /** resolves once the switch has been thrown */
  killed: Promise<void>;
  /** resolves when every call that was on the wire at kill() has finished at the server */
  settled(): Promise<void>;
  epost(api: EpostApi): EpostApi;
  admin(make: (origin: string) => GodomallAdmin): (origin: string) => GodomallAdmin;
}

/**
 * `at`: die right after the n-th call of `method` went on the wire (its answer is then lost); with
 * `before`, just before it would have gone (nothing of it is sent).
 */
export function createKillSwitch(at?: { method: string; count: number; before?: boolean }): KillSwitch {
  let dead = false;
  let calls = 0;
  let markKilled!: () => void;
  const killed = new Promise<void>((resolve) => (markKilled = resolve));
  const kill = () => {
    dead = true;
    markKilled();
  };
  const onWire = new Set<Promise<unknown>>();
  const never = new Promise<never>(() => undefined);
  function wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get(obj, prop, recv) {
        const v = Reflect.get(obj, prop, recv);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          if (dead) return never;
          if (at?.before && prop === at.method && ++calls === at.count) {
            kill();
            return never;
          }
          const call = Promise.resolve().then(() => (v as (...a: unknown[]) => Promise<unknown>).apply(obj, args));
          const tracked = call.catch(() => undefined);
          onWire.add(tracked);
          void tracked.finally(() => onWire.delete(tracked));
          if (at && !at.before && prop === at.method && ++calls === at.count) kill();
          return call.then(
            (r) => (dead ? never : r),
            (e: unknown) => (dead ? never : Promise.reject(e)),
          );
        };
      },
    });
  }
  return {
    kill,
    killed,
    settled: async () => {
      while (onWire.size) await Promise.all([...onWire]);
    },
    epost: (api) => wrap(api),
    admin: (make) => (origin) => wrap(make(origin)),
  };
}
