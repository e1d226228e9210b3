import type { Logger } from 'pino';
import { AtlasError } from '../../errors.js';
import { DigestSession, parseChallenges, supportedDigest } from './digestAuth.js';

/** Options of a `SparqlHttp` client. */
export interface SparqlHttpOptions {
  /** User for HTTP basic or digest authentication (whichever the server asks for). */
  user?: string;
  /** Password of `user`. */
  password?: string;
  /** Attempts after the first for transient failures (network errors, 502, 503, 504); default 2. */
  retries?: number;
  /** Delay before the first retry, doubled each time (default 250 ms). */
  retryDelayMs?: number;
  /** The fetch implementation (default the global one). */
  fetch?: typeof fetch;
  logger: Logger;
}

/** One HTTP request. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * True when repeating the request cannot change the outcome (queries; writes that replace or delete graphs).
   * A request that is not idempotent is repeated only when it certainly never reached the server.
   */
  idempotent: boolean;
}

/** An HTTP answer with its body read as text. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

const TRANSIENT_STATUS = new Set([502, 503, 504]);
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function networkCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * HTTP for the SPARQL store: authentication (basic, or digest per RFC 7616 with the nonce kept between
 * requests), a time limit per request, abort signals, and retries that never repeat a non-idempotent write
 * whose outcome is unknown.
 */
export class SparqlHttp {
  private readonly sessions = new Map<string, DigestSession | 'basic'>();
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SparqlHttpOptions) {
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Sends a request; resolves with any HTTP status except 401 (-> `UNAUTHORIZED`). */
  async send(request: HttpRequest): Promise<HttpAnswer> {
    const deadline = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.authenticated(request, signal);
        if (!TRANSIENT_STATUS.has(answer.status) || !request.idempotent || attempt >= this.retries)
          return answer;
        this.options.logger.warn({ url: request.url, status: answer.status, attempt }, 'retrying');
      } catch (error) {
        if (signal.aborted) throw this.abortError(request, error);
        if (error instanceof AtlasError) throw error;
        const code = networkCode(error);
        const retry = request.idempotent || (code !== undefined && NOT_SENT.has(code));
        if (!retry || attempt >= this.retries) {
          throw new AtlasError(
            'UNAVAILABLE',
            `${request.method} ${request.url} failed: ${code ?? String(error)}`,
            {
              context: { url: request.url, code, outcome: request.idempotent ? 'failed' : 'unknown' },
              cause: error,
            },
          );
        }
        this.options.logger.warn({ url: request.url, code, attempt }, 'retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** attempt));
      if (signal.aborted) throw this.abortError(request, signal.reason);
    }
  }

  private abortError(request: HttpRequest, cause: unknown): AtlasError {
    const aborted = request.signal?.aborted === true;
    return new AtlasError(
      'TIMEOUT',
      aborted
        ? `${request.method} ${request.url} was aborted`
        : `${request.method} ${request.url} took longer than ${request.timeoutMs} ms`,
      { context: { url: request.url, timeoutMs: request.timeoutMs, ...(aborted ? { aborted } : {}) }, cause },
    );
  }

  /** One exchange, answering an authentication challenge (or a stale nonce) once. */
  private async authenticated(request: HttpRequest, signal: AbortSignal): Promise<HttpAnswer> {
    const url = new URL(request.url);
    const space = url.origin + url.pathname;
    for (let round = 0; ; round++) {
      const headers: Record<string, string> = { ...request.headers };
      const session = this.sessions.get(space);
      if (session === 'basic') {
        const token = Buffer.from(`${this.options.user}:${this.options.password ?? ''}`).toString('base64');
        headers['authorization'] = `Basic ${token}`;
      } else if (session) {
        headers['authorization'] = session.authorization(request.method, url);
      }
      const response = await this.fetch(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal,
      });
      const body = await response.text();
      if (response.status !== 401) return { status: response.status, headers: response.headers, body };
      if (this.options.user === undefined || round >= 2) {
        throw new AtlasError('UNAUTHORIZED', `${request.url} refused the credentials (401)`, {
          context: { url: request.url, user: this.options.user },
        });
      }
      this.sessions.set(
        space,
        this.chooseScheme(response.headers.get('www-authenticate') ?? '', request.url),
      );
    }
  }

  private chooseScheme(header: string, url: string): DigestSession | 'basic' {
    const challenges = parseChallenges(header);
    const digests = challenges.filter(supportedDigest);
    const digest =
      digests.find((c) => c.params['algorithm']?.toLowerCase().startsWith('sha-256')) ?? digests[0];
    if (digest) return new DigestSession(digest, this.options.user!, this.options.password ?? '');
    if (challenges.some((c) => c.scheme === 'basic')) return 'basic';
    throw new AtlasError('UNAUTHORIZED', `${url} asks for an unsupported authentication scheme: ${header}`, {
      context: { url },
    });
  }
}
