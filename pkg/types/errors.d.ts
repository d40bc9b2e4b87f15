// The error class every failure of the package is an instance of.

/** The `code` of every error this package throws. */
export type StreamErrorCode =
  | 'INVALID_ARGUMENT' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION'
  | 'RATE_LIMITED' | 'SERVER' | 'NETWORK' | 'TIMEOUT' | 'DECODE' | 'INVALID_SIGNATURE';

/** Every failure of this package: `err instanceof StreamError`, in every build and runtime. */
export declare class StreamError extends Error {
  constructor(code: StreamErrorCode, message: string, details?: Partial<StreamError>);
  name: 'StreamError';
  code: StreamErrorCode;
  /** HTTP status, when there was a response. */
  status?: number;
  /** Whether trying again may help. */
  retryable: boolean;
  /** From the `x-request-id` response header, when present. */
  requestId?: string;
  /** The parsed error body, when there was one. */
  body?: unknown;
  /** The API's own error code (`PAYMENT_FINALIZED`), from a flat `{ code }` or a nested
   *  `{ error: { code } }` body. */
  streamCode?: string;
  /** Refund refused because the payment was paid together with these (code CONFLICT). */
  paymentIds?: string[];
  /** Their total, as a decimal string. */
  totalAmount?: string;
}
