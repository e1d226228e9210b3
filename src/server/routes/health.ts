import type { FastifyPluginCallback } from 'fastify';
import type { Readiness } from '../Readiness.js';

/** Options of the health routes. */
export interface HealthRoutesOptions {
  /** The server's readiness, flipped by whoever loads the store. */
  readiness: Readiness;
}

/** `GET /health` (alive: always 200, at once) and `GET /ready` (200 once the store is loaded, else 503). */
export const healthRoutes: FastifyPluginCallback<HealthRoutesOptions> = (app, { readiness }, done) => {
  app.get('/health', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/ready', (_request, reply) => {
    const { state, reason } = readiness;
    const body = reason === undefined ? { status: state } : { status: state, reason };
    return reply.code(state === 'ready' ? 200 : 503).send(body);
  });
  done();
};
