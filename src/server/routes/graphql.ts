import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createGraphqlYoga, type CreateGraphqlYogaOptions } from '../../graphql/index.js';

/** Options of the GraphQL route: those of the yoga server (store, ingestor, validator, tokens, logger, limits). */
export type GraphqlRoutesOptions = CreateGraphqlYogaOptions;

function fetchRequest(request: FastifyRequest): Request {
  const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && typeof request.body === 'string';
  return new Request(url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: request.body as string } : {}),
  });
}

/**
 * `/graphql`: the GraphQL facade (GET and POST; GraphiQL when a browser asks with GET). The schema is generated from
 * the shapes when the plugin registers, so a broken shape fails the start-up.
 */
export const graphqlRoutes: FastifyPluginAsync<GraphqlRoutesOptions> = async (app, options) => {
  const endpoint = options.endpoint ?? '/graphql';
  const yoga = await createGraphqlYoga({ ...options, endpoint });
  app.route({
    url: endpoint,
    method: ['GET', 'POST'],
    handler: async (request, reply) => {
      const response = await yoga.fetch(fetchRequest(request), {});
      reply.status(response.status);
      response.headers.forEach((value, name) => {
        if (name !== 'content-length') void reply.header(name, value);
      });
      return reply.send(Buffer.from(await response.arrayBuffer()));
    },
  });
};
