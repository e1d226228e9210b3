/** An HTTP-only refusal that no lower layer raises (e.g. 406 Not Acceptable). */
export class HttpError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** A short machine-readable code sent as `error` in the body. */
  readonly code: string;
  /** Headers to send with the response. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** A 406 naming the media types on offer. */
export function notAcceptable(accept: string | undefined, offered: readonly string[]): HttpError {
  return new HttpError(
    406,
    'NOT_ACCEPTABLE',
    `none of the accepted media types (${accept ?? ''}) is available; available: ${offered.join(', ')}`,
  );
}
