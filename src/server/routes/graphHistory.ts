import type { Quad } from '@rdfjs/types';
import type { FastifyPluginCallback } from 'fastify';
import { AtlasError } from '../../errors.js';
import type { Ingestor } from '../../ingest/index.js';
import { rdfFormats, serializeRdf } from '../../rdf/index.js';
import { requireInteger, requireIri, searchParams } from '../requestParams.js';
import { sendRdf } from '../sendRdf.js';

/** Options of the history routes. */
export interface GraphHistoryRoutesOptions {
  ingestor: Ingestor;
}

/** Quads as sorted N-Triples lines. */
async function ntriplesLines(quads: readonly Quad[]): Promise<string[]> {
  const text = await serializeRdf(quads, rdfFormats.ntriples);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .sort();
}

/**
 * The history of a description: `GET /graphs/versions?graph=IRI` lists its versions (JSON),
 * `&version=N` fetches one (RDF, content negotiation), `GET /graphs/diff?graph=IRI&from=A&to=B` returns
 * `{ graph, from, to, added, removed }` with N-Triples lines.
 */
export const graphHistoryRoutes: FastifyPluginCallback<GraphHistoryRoutesOptions> = (
  app,
  { ingestor },
  done,
) => {
  app.get('/graphs/versions', async (request, reply) => {
    const params = searchParams(request);
    const graph = requireIri(params, 'graph');
    if (params.has('version')) {
      const version = requireInteger(params, 'version');
      const quads = await ingestor.getVersion(graph, version);
      if (quads === undefined) throw new AtlasError('NOT_FOUND', `no version ${version} of <${graph}>`);
      return sendRdf(request, reply, quads);
    }
    const versions = await ingestor.listVersions(graph);
    if (versions.length === 0) throw new AtlasError('NOT_FOUND', `no description <${graph}>`);
    return reply.type('application/json; charset=utf-8').send({ graph, versions });
  });

  app.get('/graphs/diff', async (request, reply) => {
    const params = searchParams(request);
    const graph = requireIri(params, 'graph');
    const from = requireInteger(params, 'from');
    const to = requireInteger(params, 'to');
    const known = new Set((await ingestor.listVersions(graph)).map((v) => v.version));
    for (const version of [from, to]) {
      if (!known.has(version)) throw new AtlasError('NOT_FOUND', `no version ${version} of <${graph}>`);
    }
    const diff = await ingestor.diffVersions(graph, from, to);
    const [added, removed] = await Promise.all([ntriplesLines(diff.added), ntriplesLines(diff.removed)]);
    return reply.type('application/json; charset=utf-8').send({ graph, from, to, added, removed });
  });
  done();
};
