import type { FastifyPluginCallback } from 'fastify';
import { AtlasError } from '../../errors.js';
import { formatsFor, negotiateResultFormat, runQuery, type NamedQueries } from '../../sparql/index.js';
import type { RawParameters } from '../../sparql/index.js';
import type { GraphStore } from '../../store/index.js';
import { notAcceptable } from '../HttpError.js';
import { searchParams } from '../requestParams.js';

/** Options of the named-query routes. */
export interface QueryRoutesOptions {
  store: GraphStore;
  queries: NamedQueries;
  /** Time limit of one query in milliseconds. */
  queryTimeoutMs: number;
}

/** Every parameter of a request as a list of values (a repeated key gives several). */
function rawParameters(params: URLSearchParams): RawParameters {
  const raw: Record<string, string[]> = {};
  for (const [key, value] of params) (raw[key] ??= []).push(value);
  return raw;
}

/**
 * `GET /queries` lists the named queries with their parameters (JSON); `GET /queries/{name}?param=value` runs one
 * with its parameters bound as RDF terms, answering in the SPARQL result format the `Accept` header asks for
 * (`Cache-Control: no-cache`: from the engine, not from cached answers).
 */
export const queryRoutes: FastifyPluginCallback<QueryRoutesOptions> = (app, options, done) => {
  const { store, queries, queryTimeoutMs } = options;

  app.get('/queries', (request, reply) => {
    const base = `${request.protocol}://${request.host}`;
    return reply.send({
      queries: queries.list().map((query) => ({
        name: query.name,
        title: query.title,
        description: query.description,
        form: query.form,
        url: `${base}/queries/${query.name}`,
        parameters: query.parameters.map((parameter) => ({
          name: parameter.name,
          type: parameter.type,
          required: parameter.arity === 'one' || parameter.arity === 'some',
          repeatable: parameter.arity === 'many' || parameter.arity === 'some',
          ...(parameter.default === undefined ? {} : { default: parameter.default }),
          description: parameter.description,
        })),
      })),
    });
  });

  app.get<{ Params: { name: string } }>('/queries/:name', async (request, reply) => {
    const query = queries.get(request.params.name);
    if (query === undefined) {
      throw new AtlasError('NOT_FOUND', `No named query "${request.params.name}"; GET /queries lists them.`);
    }
    const text = queries.bind(query.name, rawParameters(searchParams(request)));
    const formats = formatsFor(
      query.form === 'ASK' ? 'boolean' : query.form === 'SELECT' ? 'bindings' : 'quads',
    );
    const format = negotiateResultFormat(request.headers.accept, formats);
    if (format === undefined) {
      throw notAcceptable(
        request.headers.accept,
        formats.map((f) => f.mediaType),
      );
    }
    const noCache = /(^|[\s,])no-cache\b/i.test(request.headers['cache-control'] ?? '');
    const result = await runQuery(store, text, format, {
      timeoutMs: queryTimeoutMs,
      dataset: 'public',
      ...(noCache ? { noCache } : {}),
    });
    return reply.header('vary', 'Accept').type(`${result.mediaType}; charset=utf-8`).send(result.body);
  });
  done();
};
