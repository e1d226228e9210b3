import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createGraphqlSchema, type CreateGraphqlSchemaOptions } from './createGraphqlSchema.js';
import { maskError } from './graphqlErrors.js';
import { costLimitRule, depthLimitRule, type GraphqlLimits } from './limits.js';
import type { RequestContext } from './writeResolvers.js';

/** Options of {@link createGraphqlYoga}. */
export interface CreateGraphqlYogaOptions extends CreateGraphqlSchemaOptions {
  logger: Logger;
  /** The path served; default `/graphql`. */
  endpoint?: string;
  /** Serve GraphiQL to browsers on GET; default true. */
  graphiql?: boolean;
  /** Let yoga answer CORS itself; default false (the HTTP server does CORS). */
  cors?: boolean;
}

/** The yoga server type of the facade. */
export type GraphqlYoga = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

function limitsPlugin(limits: GraphqlLimits): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(depthLimitRule(limits));
      addValidationRule(costLimitRule(limits));
    },
  };
}

/**
 * The GraphQL facade as a yoga server (Fetch API: `yoga.fetch()` in tests, mounted on fastify by the route plugin):
 * the schema generated from the shapes at start-up, depth and cost limits, internal errors masked.
 */
export async function createGraphqlYoga(options: CreateGraphqlYogaOptions): Promise<GraphqlYoga> {
  const { schema, limits } = await createGraphqlSchema(options);
  const log = options.logger;
  return createYoga<RequestContext>({
    schema,
    graphqlEndpoint: options.endpoint ?? '/graphql',
    graphiql: options.graphiql ?? true,
    // GraphiQL's scripts and styles served from this package, inline: the page works without reaching any CDN.
    renderGraphiQL,
    landingPage: false,
    cors: options.cors ?? false,
    maskedErrors: { maskError },
    plugins: [limitsPlugin(limits)],
    logging: {
      debug: (...args) => log.debug({ args }, 'graphql'),
      info: (...args) => log.info({ args }, 'graphql'),
      warn: (...args) => log.warn({ args }, 'graphql'),
      error: (...args) => log.error({ args }, 'graphql'),
    },
  }) as unknown as GraphqlYoga;
}
