import { AtlasError, isAtlasError } from '../errors.js';
import { checkUrl, type LookupFunction } from './addressPolicy.js';

/** The `fetch` the harvester uses (the global one by default). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** Limits of every request of one source. */
export interface FetchLimits {
  /** Time limit of one request including its body and redirects, in milliseconds. */
  timeoutMs: number;
  /** Largest body, in bytes: the download is aborted past it. */
  maxBytes: number;
  /** Redirects followed (each one checked like the first URL). */
  maxRedirects: number;
}

/** Options of {@link HttpFetcher}. */
export interface HttpFetcherOptions extends FetchLimits {
  fetch: FetchFunction;
  lookup: LookupFunction;
  /** Allow private, loopback and link-local addresses. */
  allowPrivateNetwork: boolean;
  /** Extra request headers of every request. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** Validators remembered from an earlier answer, for a conditional request. */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** A request. */
export interface FetchRequest {
  url: string;
  accept: string;
  method?: 'GET' | 'POST';
  body?: string;
  contentType?: string;
  /** Sent as If-None-Match / If-Modified-Since. */
  validators?: Validators | undefined;
}

/** An answer: a body (200) or "not modified" (304). */
export type FetchResponse =
  | { status: 'ok'; url: string; body: string; contentType: string; validators: Validators; bytes: number }
  | { status: 'not-modified'; url: string; validators: Validators };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * HTTP for harvesting: http(s) only, every URL (also after each redirect, followed by hand) checked against the
 * address policy, a time limit covering the whole exchange, a streamed body aborted past `maxBytes`, and
 * conditional requests. Failures are typed: `TIMEOUT`, `TOO_LARGE`, `FORBIDDEN` (address policy), `UNAVAILABLE`
 * (connection refused, HTTP errors, too many redirects).
 */
export class HttpFetcher {
  constructor(private readonly options: HttpFetcherOptions) {}

  /** Fetches `request.url`, following redirects within the limits. */
  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      return await this.follow(request, controller.signal);
    } catch (error) {
      if (controller.signal.aborted && !isAtlasError(error, 'TOO_LARGE')) {
        throw new AtlasError(
          'TIMEOUT',
          `${request.url}: no complete answer within ${this.options.timeoutMs} ms`,
          {
            context: { url: request.url, timeoutMs: this.options.timeoutMs },
            cause: error,
          },
        );
      }
      if (isAtlasError(error)) throw error;
      const reason =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new AtlasError('UNAVAILABLE', `${request.url}: ${reason}`, {
        context: { url: request.url },
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(request: FetchRequest, signal: AbortSignal): Promise<FetchResponse> {
    let url = new URL(request.url);
    let method = request.method ?? 'GET';
    let body = request.body;
    for (let redirects = 0; ; redirects++) {
      await checkUrl(url, this.options);
      const headers: Record<string, string> = { ...this.options.headers, accept: request.accept };
      if (request.validators?.etag !== undefined) headers['if-none-match'] = request.validators.etag;
      if (request.validators?.lastModified !== undefined)
        headers['if-modified-since'] = request.validators.lastModified;
      if (body !== undefined) headers['content-type'] = request.contentType ?? 'text/plain';
      const response = await this.options.fetch(url.href, {
        method,
        headers,
        redirect: 'manual',
        signal,
        ...(body === undefined ? {} : { body }),
      });
      if (redirectStatuses.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (location === null) throw this.httpError(url, response.status, 'redirect without Location');
        if (redirects >= this.options.maxRedirects) {
          throw new AtlasError(
            'UNAVAILABLE',
            `${request.url}: more than ${this.options.maxRedirects} redirects (last to ${new URL(location, url).href})`,
            { context: { url: request.url, maxRedirects: this.options.maxRedirects } },
          );
        }
        url = new URL(location, url);
        if (
          response.status === 303 ||
          (response.status !== 307 && response.status !== 308 && method === 'POST')
        ) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      const validators: Validators = {
        etag: response.headers.get('etag') ?? request.validators?.etag,
        lastModified: response.headers.get('last-modified') ?? request.validators?.lastModified,
      };
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: 'not-modified', url: url.href, validators };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw this.httpError(url, response.status, response.statusText);
      }
      const text = await this.readBody(response, url);
      return {
        status: 'ok',
        url: url.href,
        body: text.body,
        bytes: text.bytes,
        contentType: response.headers.get('content-type') ?? '',
        validators: {
          etag: response.headers.get('etag') ?? undefined,
          lastModified: response.headers.get('last-modified') ?? undefined,
        },
      };
    }
  }

  private httpError(url: URL, status: number, reason: string): AtlasError {
    return new AtlasError('UNAVAILABLE', `${url.href}: HTTP ${status}${reason ? ` ${reason}` : ''}`, {
      context: { url: url.href, status },
    });
  }

  /** Reads the body as UTF-8, refusing it as soon as it passes `maxBytes` (also when Content-Length says so). */
  private async readBody(response: Response, url: URL): Promise<{ body: string; bytes: number }> {
    const { maxBytes } = this.options;
    const tooLarge = (): AtlasError =>
      new AtlasError('TOO_LARGE', `${url.href}: the answer is larger than ${maxBytes} bytes`, {
        context: { url: url.href, maxBytes },
      });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge();
    }
    if (response.body === null) return { body: '', bytes: 0 };
    const reader = response.body.getReader();
    const decoder = new TextDecoder('utf-8');
    const parts: string[] = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return { body: parts.join(''), bytes };
  }
}
