/** The HTTP server: every face of the knowledge graph over one fastify instance. */
export { createServer, type CreateServerOptions, type ServerConfig } from './createServer.js';
export { Readiness, type ReadinessState } from './Readiness.js';
export { toHttpError, type ErrorBody } from './httpErrors.js';
