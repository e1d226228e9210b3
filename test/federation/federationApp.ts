import Fastify, { type FastifyInstance } from 'fastify';
import type { FederationSettings } from '../../src/federation/index.js';
import { registerErrorHandler } from '../../src/server/httpErrors.js';
import { sparqlRoutes } from '../../src/server/routes/sparql.js';
import type { GraphStore } from '../../src/store/index.js';

/** A loopback server with the `/sparql` route of TRE Atlas given federation settings (as `serve` would pass them). */
export interface FederationApp {
  url: string;
  close(): Promise<void>;
}

/** Starts the `/sparql` route over `store` with `federation` settings, with the server's error handler. */
export async function startFederationApp(
  store: GraphStore,
  federation: FederationSettings,
): Promise<FederationApp> {
  const app: FastifyInstance = Fastify({ logger: false });
  registerErrorHandler(app);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  await app.register(sparqlRoutes, { store, queryTimeoutMs: 10_000, federation });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
