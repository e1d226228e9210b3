import cors from '@fastify/cors';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { TokenStore } from '../auth/index.js';
import type { Ingestor } from '../ingest/index.js';
import { id } from '../namespaces.js';
import type { NamedQueries } from '../sparql/index.js';
import type { GraphqlLimits } from '../graphql/index.js';
import type { GraphStore } from '../store/index.js';
import { ShaclValidator, type ValidationProfile } from '../validate/index.js';
import { registerErrorHandler } from './httpErrors.js';
import { Readiness } from './Readiness.js';
import { catalogRoutes } from './routes/catalog.js';
import { describeRoutes } from './routes/describe.js';
import { graphHistoryRoutes } from './routes/graphHistory.js';
import { graphRoutes } from './routes/graphs.js';
import { healthRoutes } from './routes/health.js';
import { graphqlRoutes } from './routes/graphql.js';
import { queryRoutes } from './routes/queries.js';
import { sparqlRoutes } from './routes/sparql.js';
import type { FederationSettings } from '../federation/index.js';
import { validateRoutes } from './routes/validate.js';

/** The settings the HTTP server uses (a subset of `AtlasConfig`). */
export interface ServerConfig {
  /** Time limit of a SPARQL query, in milliseconds. */
  queryTimeout: number;
  /** Largest accepted request body, in bytes (413 beyond). */
  bodyLimit: number;
  /** The server's public base URL without trailing slash; undefined: taken from each request's Host. */
  baseUrl?: string | undefined;
  /** The IRI base request paths map to for dereferencing; default `https://w3id.org/tre-atlas/`. */
  publicBase?: string | undefined;
  /** Limits of the GraphQL facade (depth, cost, page size); defaults when absent. */
  graphql?: Partial<GraphqlLimits> | undefined;
  /** Provider sources `/sparql?federated=true` may query live, and the address policy; absent: none. */
  federation?: FederationSettings | undefined;
}

/** Options of {@link createServer}. */
export interface CreateServerOptions {
  config: ServerConfig;
  store: GraphStore;
  ingestor: Ingestor;
  /** The validator of the write path; `/validate?profile=` builds the other profiles on first use. */
  validator: ShaclValidator;
  tokens: TokenStore;
  logger: Logger;
  /** Start-up state reported by `/ready`; default: ready at once. */
  readiness?: Readiness;
  /** Named queries served at `/queries`; none when absent. */
  queries?: NamedQueries;
}

/** The IRI base of the project's instance data (`https://w3id.org/tre-atlas/`). */
const defaultPublicBase = new URL('..', id.iri).href;

function validatorCache(validator: ShaclValidator): (profile: ValidationProfile) => Promise<ShaclValidator> {
  const cache = new Map<ValidationProfile, Promise<ShaclValidator>>([
    [validator.profile, Promise.resolve(validator)],
  ]);
  return (profile) => {
    let found = cache.get(profile);
    if (found === undefined) {
      found = ShaclValidator.create({ profile });
      cache.set(profile, found);
      found.catch(() => cache.delete(profile));
    }
    return found;
  };
}

/**
 * Builds the HTTP server (not listening): health, SPARQL 1.1 Protocol, named queries, Graph Store Protocol with
 * history, validation, and dereferenceable descriptions; CORS open to any origin; errors mapped once by `httpErrors`.
 */
export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const { config, store, ingestor, tokens } = options;
  const logger: FastifyBaseLogger = options.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimit,
  });
  registerErrorHandler(app);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: config.bodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Accept', 'Authorization', 'Content-Type'],
    exposedHeaders: ['Content-Type', 'Location', 'Vary', 'WWW-Authenticate'],
  });
  const queryTimeoutMs = config.queryTimeout;
  const baseUrl = config.baseUrl?.replace(/\/+$/, '');
  await app.register(healthRoutes, { readiness: options.readiness ?? new Readiness(true) });
  await app.register(sparqlRoutes, { store, queryTimeoutMs, baseUrl, federation: config.federation });
  if (options.queries !== undefined) {
    await app.register(queryRoutes, { store, queries: options.queries, queryTimeoutMs });
  }
  await app.register(graphRoutes, { store, ingestor, tokens, queryTimeoutMs });
  await app.register(graphHistoryRoutes, { ingestor });
  await app.register(validateRoutes, {
    ingestor,
    validatorFor: validatorCache(options.validator),
    defaultProfile: options.validator.profile,
  });
  await app.register(catalogRoutes, {
    store,
    publicBase: config.publicBase ?? defaultPublicBase,
    baseUrl,
    queryTimeoutMs,
  });
  await app.register(describeRoutes, { store, publicBase: config.publicBase ?? defaultPublicBase, baseUrl });
  await app.register(graphqlRoutes, {
    store,
    ingestor,
    validator: options.validator,
    tokens,
    logger: options.logger,
    queryTimeoutMs,
    limits: config.graphql,
  });
  return app;
}
