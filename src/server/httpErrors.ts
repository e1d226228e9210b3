import type { FastifyError, FastifyInstance } from 'fastify';
import { AtlasError, type ErrorCode } from '../errors.js';
import { HttpError } from './HttpError.js';

const statusByCode: Record<ErrorCode, number> = {
  SYNTAX: 400,
  USAGE: 400,
  REMOTE_CONTEXT: 400,
  UNSAFE_INPUT: 400,
  UNSUPPORTED_FORMAT: 415,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  TOO_LARGE: 413,
  INVALID: 422,
  TIMEOUT: 503,
  UNAVAILABLE: 503,
  CORRUPT: 500,
  IO: 500,
  INTERNAL: 500,
};

/** The body of every error response. */
export interface ErrorBody {
  /** A short code: an AtlasError code, `NOT_ACCEPTABLE`, or a fastify code. */
  error: string;
  /** What went wrong, naming the subject and location. */
  message: string;
  /** Line and column of a syntax error, when known (1-based). */
  line?: number;
  column?: number;
}

/** The realm sent in `WWW-Authenticate` on 401. */
export const authChallenge = 'Bearer realm="tre-atlas"';

/** Maps any thrown value to an HTTP status, headers and body. The one place errors become HTTP. */
export function toHttpError(error: unknown): {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
} {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      headers: { ...error.headers },
      body: { error: error.code, message: error.message },
    };
  }
  if (error instanceof AtlasError) {
    const status = statusByCode[error.code];
    const body: ErrorBody = { error: error.code, message: error.message };
    const { line, column } = error.context;
    if (typeof line === 'number') body.line = line;
    if (typeof column === 'number') body.column = column;
    const headers: Record<string, string> = status === 401 ? { 'www-authenticate': authChallenge } : {};
    return { status, headers, body };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    const message =
      status === 413
        ? `request body too large: ${fastifyError.message ?? ''}`
        : (fastifyError.message ?? 'bad request');
    return { status, headers: {}, body: { error: fastifyError.code ?? 'BAD_REQUEST', message } };
  }
  return { status: 500, headers: {}, body: { error: 'INTERNAL', message: 'internal error' } };
}

/** Installs the error handler that answers every error with `toHttpError`, logging server-side failures. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const { status, headers, body } = toHttpError(error);
    if (status >= 500 && status !== 503) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, error: body.error }, body.message);
    return reply.code(status).headers(headers).type('application/json; charset=utf-8').send(body);
  });
}
