import type { FastifyReply, FastifyRequest } from 'fastify';
import { prefixes } from '../namespaces.js';
import { formatFromMediaType, serializeRdf } from '../rdf/index.js';
import { graphFormats, negotiateMediaType } from '../sparql/index.js';
import { reportToJson, reportToQuads, type ValidationReport } from '../validate/index.js';
import { notAcceptable } from './HttpError.js';

const json = 'application/json';

/**
 * Answers with a validation report: JSON (`tre-atlas-report/1`) by default, or as an `sh:ValidationReport`
 * in an RDF format when the client asks for one (Turtle, N-Triples, JSON-LD, RDF/XML).
 */
export async function sendReport(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  report: ValidationReport,
): Promise<FastifyReply> {
  const offers = [json, ...graphFormats.flatMap((f) => [f.mediaType, ...f.aliases])];
  const accept = request.headers.accept;
  const chosen = negotiateMediaType(accept, offers);
  if (chosen === undefined) throw notAcceptable(accept, offers);
  reply.code(status).header('vary', 'Accept');
  if (chosen === json) return reply.type('application/json; charset=utf-8').send(reportToJson(report));
  const format = formatFromMediaType(chosen);
  const body = await serializeRdf(reportToQuads(report), format, { prefixes });
  return reply.type(`${format.mediaType}; charset=utf-8`).send(body);
}
