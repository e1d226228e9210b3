import { createHash } from 'node:crypto';

/** A weak entity tag over every input that shapes a response: equal inputs, equal tags. */
export function weakEtag(parts: readonly string[]): string {
  return `W/"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32)}"`;
}

/** `date` truncated to whole seconds, the resolution of HTTP dates. */
export function toHttpSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** What a conditional GET sent. */
export interface ConditionalHeaders {
  ifNoneMatch?: string | undefined;
  ifModifiedSince?: string | undefined;
}

/**
 * True when a GET may be answered 304 Not Modified (RFC 9110 section 13): `If-None-Match` (weak comparison, `*`
 * matches any) decides when present; otherwise `If-Modified-Since`, when the resource has not changed after it.
 * An unparseable date is ignored.
 */
export function notModified(
  headers: ConditionalHeaders,
  current: { etag: string; lastModified?: Date | undefined },
): boolean {
  const inm = headers.ifNoneMatch;
  if (inm !== undefined && inm.trim() !== '') {
    if (inm.trim() === '*') return true;
    const wanted = opaque(current.etag);
    return inm.split(',').some((tag) => opaque(tag) === wanted);
  }
  const ims = headers.ifModifiedSince;
  if (ims === undefined || current.lastModified === undefined) return false;
  const since = Date.parse(ims);
  if (Number.isNaN(since)) return false;
  return toHttpSecond(current.lastModified).getTime() <= since;
}
