// Errors of the Korea Post API, typed so callers can decide what is safe to retry.

/** Korea Post answered with <error><error_code>ERR-xxx</error_code><message>…</message></error>. */
export class EpostError extends Error {
  override readonly name = 'EpostError';
  constructor(
    /** e.g. `ERR-311` */
    readonly code: string,
    /** Korea Post's Korean message, verbatim (trimmed) */
    readonly koreanMessage: string,
  ) {
    super(`${code} ${koreanMessage}`);
  }
  /** ERR-131: Korea Post's load block — back off and retry later. */
  get isLoadBlock(): boolean {
    return this.code === 'ERR-131';
  }
}

/** No usable answer: network failure, timeout, 5xx, or unparseable XML. */
export class EpostTransportError extends Error {
  override readonly name = 'EpostTransportError';
  constructor(
    message: string,
    /** HTTP status when there was one */
    readonly status?: number,
    /** true when the request may have reached Korea Post (timeout, reset, 5xx after sending) */
    readonly maybeCommitted = true,
    /** refused locally by the circuit breaker: retrying right away is pointless */
    readonly circuitOpen = false,
  ) {
    super(message);
  }
}

export function isRetryable(err: unknown): boolean {
  if (err instanceof EpostError) return err.isLoadBlock;
  return err instanceof EpostTransportError && !err.circuitOpen;
}

/**
 * The 인증키 is missing, invalid or expired (Korea Post expires it after 30 days without a call).
 * ERR-123 is also used for a wrong 승인번호, so the message decides.
 */
export function isApiKeyError(err: unknown): boolean {
  return err instanceof EpostError && (err.code === 'ERR-111' || /인증키/.test(err.koreanMessage));
}
