import type { Quad } from '@rdfjs/types';
import type { FastifyRequest } from 'fastify';
import { AtlasError } from '../errors.js';
import { formatFromMediaType, parseRdf } from '../rdf/index.js';

/**
 * Parses the request body as RDF in the format its `Content-Type` names. No Content-Type or an unknown one
 * -> `UNSUPPORTED_FORMAT` (415); malformed -> `SYNTAX` (400) with line and column.
 */
export async function readRdfBody(request: FastifyRequest, baseIri?: string): Promise<Quad[]> {
  const contentType = request.headers['content-type'];
  if (contentType === undefined || contentType.trim() === '') {
    throw new AtlasError('UNSUPPORTED_FORMAT', 'the request has no Content-Type; send an RDF media type');
  }
  const format = formatFromMediaType(contentType);
  const body = typeof request.body === 'string' ? request.body : '';
  return parseRdf(body, { format, source: 'request body', ...(baseIri === undefined ? {} : { baseIri }) });
}
