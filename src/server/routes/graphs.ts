import type { Quad } from '@rdfjs/types';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { TokenStore } from '../../auth/index.js';
import { AtlasError } from '../../errors.js';
import type { Ingestor } from '../../ingest/index.js';
import { unionGraphQuery } from '../../sparql/index.js';
import { isSystemGraph, type GraphStore } from '../../store/index.js';
import { authenticate } from '../authenticate.js';
import { mergeQuads } from '../mergeQuads.js';
import { readRdfBody } from '../readRdfBody.js';
import { requireIri, searchParams } from '../requestParams.js';
import { sendRdf } from '../sendRdf.js';
import { sendReport } from '../sendReport.js';

/** Options of the Graph Store Protocol routes. */
export interface GraphRoutesOptions {
  store: GraphStore;
  ingestor: Ingestor;
  tokens: TokenStore;
  queryTimeoutMs: number;
}

/** The graph a write addresses: `?graph=IRI` of a description (never `?default`, never a system graph). */
function writableGraph(request: FastifyRequest): string {
  const params = searchParams(request);
  if (params.has('default')) {
    throw new AtlasError(
      'USAGE',
      'the default graph is the union of all descriptions and is read-only; use ?graph=IRI',
    );
  }
  const graph = requireIri(params, 'graph');
  if (isSystemGraph(graph)) throw new AtlasError('FORBIDDEN', `system graph <${graph}> is read-only`);
  return graph;
}

/**
 * The Graph Store Protocol at `/graphs`: GET `?graph=IRI` or `?default` (content negotiation); PUT replaces,
 * POST merges into the existing description, DELETE removes it. Writes need a bearer token, go through the
 * Ingestor (ownership, SHACL) and change nothing when refused (422 with the report, 403).
 */
export const graphRoutes: FastifyPluginCallback<GraphRoutesOptions> = (app, options, done) => {
  const { store, ingestor, tokens } = options;

  app.get('/graphs', async (request, reply) => {
    const params = searchParams(request);
    if (params.has('default') && !params.has('graph')) {
      const result = await store.query(unionGraphQuery, { timeoutMs: options.queryTimeoutMs });
      return sendRdf(request, reply, result.kind === 'quads' ? result.quads : []);
    }
    const graph = requireIri(params, 'graph');
    const quads = await store.getGraph(graph);
    if (quads.length === 0) throw new AtlasError('NOT_FOUND', `no graph <${graph}>`);
    return sendRdf(request, reply, quads);
  });

  const write = async (
    request: FastifyRequest,
    reply: FastifyReply,
    merge: boolean,
  ): Promise<FastifyReply> => {
    const principal = authenticate(request, tokens);
    const graph = writableGraph(request);
    const body = await readRdfBody(request, graph);
    const existing = await store.getGraph(graph);
    const quads: Quad[] = merge ? mergeQuads(existing, body) : body;
    const outcome = await ingestor.ingest([{ quads, source: graph, graph }], {
      submitter: principal.provider,
      provider: principal.provider,
      admin: principal.admin,
    });
    const document = outcome.documents[0];
    if (document?.refused === 'FORBIDDEN') {
      const reason = document.reason ?? "it describes another provider's resources";
      throw new AtlasError(
        'FORBIDDEN',
        `provider <${principal.provider}> may not write <${graph}>: ${reason}`,
      );
    }
    if (document === undefined || !outcome.committed || document.refused === 'INVALID') {
      const report = document?.report ?? { conforms: false, results: [] };
      return sendReport(request, reply, 422, report);
    }
    if (existing.length === 0)
      return reply
        .code(201)
        .header('location', `/graphs?graph=${encodeURIComponent(graph)}`)
        .send();
    return reply.code(204).send();
  };

  app.put('/graphs', async (request, reply) => write(request, reply, false));
  app.post('/graphs', async (request, reply) => write(request, reply, true));

  app.delete('/graphs', async (request, reply) => {
    const principal = authenticate(request, tokens);
    const graph = writableGraph(request);
    if (!(await store.hasGraph(graph))) throw new AtlasError('NOT_FOUND', `no graph <${graph}>`);
    const deleted = await ingestor.deleteDescription(graph, {
      submitter: principal.provider,
      provider: principal.provider,
      admin: principal.admin,
    });
    if (!deleted) throw new AtlasError('NOT_FOUND', `no description <${graph}>`);
    return reply.code(204).send();
  });
  done();
};
