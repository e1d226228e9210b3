import type { FastifyRequest } from 'fastify';
import { AtlasError } from '../errors.js';

/** The query-string parameters of a request, repeated keys kept. */
export function searchParams(request: FastifyRequest): URLSearchParams {
  const index = request.url.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : request.url.slice(index + 1));
}

/** True when `value` is an absolute IRI (has a scheme and no spaces). */
export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(value);
}

/** A required absolute-IRI parameter; missing or relative -> `USAGE`. */
export function requireIri(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '')
    throw new AtlasError('USAGE', `missing parameter ${name} (an absolute IRI)`);
  if (!isAbsoluteIri(value))
    throw new AtlasError('USAGE', `parameter ${name} is not an absolute IRI: ${value}`);
  return value;
}

/** A required non-negative integer parameter; missing or malformed -> `USAGE`. */
export function requireInteger(params: URLSearchParams, name: string): number {
  const value = params.get(name);
  if (value === null || !/^\d+$/.test(value)) {
    throw new AtlasError(
      'USAGE',
      `parameter ${name} must be a non-negative integer, got ${value ?? 'nothing'}`,
    );
  }
  return Number(value);
}

/** Every value of a repeatable IRI parameter; a relative one -> `USAGE`. */
export function iriList(params: URLSearchParams, name: string): string[] {
  const values = params.getAll(name).filter((v) => v !== '');
  const bad = values.find((v) => !isAbsoluteIri(v));
  if (bad !== undefined) throw new AtlasError('USAGE', `parameter ${name} is not an absolute IRI: ${bad}`);
  return values;
}
