import type { Quad } from '@rdfjs/types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { prefixes } from '../namespaces.js';
import { formatFromMediaType, serializeRdf } from '../rdf/index.js';
import { graphFormats, negotiateMediaType } from '../sparql/index.js';
import { notAcceptable } from './HttpError.js';

const html = 'text/html';

/**
 * Answers with `quads` in the RDF format the client accepts (Turtle by default, N-Triples, JSON-LD, RDF/XML),
 * graph terms dropped. With `htmlAsText`, a browser asking for HTML gets the Turtle as `text/plain`, which it
 * shows instead of downloading. Nothing acceptable -> 406.
 */
export async function sendRdf(
  request: FastifyRequest,
  reply: FastifyReply,
  quads: readonly Quad[],
  options: { htmlAsText?: boolean } = {},
): Promise<FastifyReply> {
  const offers = graphFormats.flatMap((f) => [f.mediaType, ...f.aliases]);
  if (options.htmlAsText === true) offers.push(html);
  const accept = request.headers.accept;
  const chosen = negotiateMediaType(accept, offers);
  if (chosen === undefined) throw notAcceptable(accept, offers);
  const asText = chosen === html;
  const format = formatFromMediaType(asText ? 'text/turtle' : chosen);
  const body = await serializeRdf(quads, format, { prefixes });
  return reply
    .header('vary', 'Accept')
    .type(`${asText ? 'text/plain' : format.mediaType}; charset=utf-8`)
    .send(body);
}
