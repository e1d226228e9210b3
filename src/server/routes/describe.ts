import type { FastifyPluginCallback } from 'fastify';
import { AtlasError } from '../../errors.js';
import { isSystemGraph, type GraphStore } from '../../store/index.js';
import { sendRdf } from '../sendRdf.js';

/** Options of the dereferencing route. */
export interface DescribeRoutesOptions {
  store: GraphStore;
  /** The public IRI base that request paths map to, with a trailing slash (e.g. `https://w3id.org/tre-atlas/`). */
  publicBase: string;
  /** The server's own base URL (no trailing slash), or undefined to use the request's host. */
  baseUrl?: string;
}

/**
 * Dereferenceable descriptions: `GET /{path}` answers with the description graph named
 * `{publicBase}{path}` (or `{baseUrl}/{path}`), by content negotiation; Turtle by default, and Turtle as
 * `text/plain` for browsers asking for HTML. System graphs are not served here. Registered last: any GET that
 * no other route claims lands here and gets 404 when no such description exists.
 */
export const describeRoutes: FastifyPluginCallback<DescribeRoutesOptions> = (app, options, done) => {
  const { store, publicBase } = options;
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const ownBase = options.baseUrl ?? `${request.protocol}://${request.host}`;
    const candidates = [publicBase + path.replace(/^\/+/, ''), ownBase + path];
    for (const graph of candidates) {
      if (isSystemGraph(graph)) continue;
      const quads = await store.getGraph(graph);
      if (quads.length > 0) return sendRdf(request, reply, quads, { htmlAsText: true });
    }
    throw new AtlasError('NOT_FOUND', `no description at ${path} (looked for <${candidates.join('>, <')}>)`);
  });
  done();
};
