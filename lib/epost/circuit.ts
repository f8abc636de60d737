// A circuit breaker for Korea Post: when it stops answering (timeouts, refused connections, 5xx), a
// 1,000-order job should not spend a minute of retries on every order. After `threshold` failures in
// a row the circuit opens: requests fail at once, unsent, with a Korean reason, for `cooldownMs`;
// then a single request probes, and an answer closes the circuit again.
import { EpostTransportError } from './errors';

export interface CircuitOptions {
  /** consecutive failures that open the circuit (default 12: three reads with their retries) */
  threshold?: number;
  cooldownMs?: number;
  now?: () => number;
}

export function createCircuit(opts: CircuitOptions = {}) {
  const threshold = opts.threshold ?? 12;
  const cooldownMs = opts.cooldownMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let failures = 0;
  let openUntil = 0;
  let probing = false;

  return {
    /** Throws (request not sent) while the circuit is open; lets one probe through after the cooldown. */
    admit(): void {
      if (failures < threshold) return;
      const t = now();
      if (t < openUntil || probing) {
        const seconds = Math.max(1, Math.ceil((Math.max(openUntil, t + 1000) - t) / 1000));
        throw new EpostTransportError(
          `우체국 서버가 응답하지 않아 요청을 잠시 멈췄습니다. ${seconds}초 후 다시 시도합니다.`,
          undefined,
          false,
          true,
        );
      }
      probing = true;
    },
    /** Korea Post answered (any 2xx, an ERR answer included). */
    succeeded(): void {
      failures = 0;
      probing = false;
    },
    /** No usable answer (timeout, connection failure, 5xx). */
    failed(): void {
      failures++;
      probing = false;
      if (failures >= threshold) openUntil = now() + cooldownMs;
    },
  };
}
