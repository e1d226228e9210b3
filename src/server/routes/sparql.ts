import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { AtlasError } from '../../errors.js';
import { answerFederated, FAILED_SOURCES_HEADER, type FederationSettings } from '../../federation/index.js';
import {
  checkQuery,
  formatsFor,
  negotiateResultFormat,
  queryOptionsFor,
  runQuery,
  serviceDescription,
} from '../../sparql/index.js';
import type { GraphStore } from '../../store/index.js';
import { notAcceptable } from '../HttpError.js';
import { iriList, searchParams } from '../requestParams.js';
import { sendRdf } from '../sendRdf.js';

/** Options of the SPARQL route. */
export interface SparqlRoutesOptions {
  store: GraphStore;
  /** Time limit of one query in milliseconds. */
  queryTimeoutMs: number;
  /** The public base URL of the server (no trailing slash), or undefined to use the request's host. */
  baseUrl?: string;
  /** The configured federation sources and address policy; absent: none configured (`federated=true` is local). */
  federation?: FederationSettings | undefined;
}

/** The protocol parameters of one request, from the URL and (for form posts) the body. */
function protocolParams(request: FastifyRequest): URLSearchParams {
  const params = searchParams(request);
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (request.method !== 'POST') return params;
  const body = typeof request.body === 'string' ? request.body : '';
  if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
  } else if (type === 'application/sparql-query') {
    params.set('query', body);
  } else if (type === 'application/sparql-update') {
    params.set('update', body);
  } else {
    throw new AtlasError(
      'UNSUPPORTED_FORMAT',
      `POST /sparql takes application/x-www-form-urlencoded or application/sparql-query, not '${type}'`,
    );
  }
  return params;
}

/** Aborts `controller` when the client goes away before the answer is sent. */
function abortOnDisconnect(reply: FastifyReply, controller: AbortController): void {
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
}

/**
 * The SPARQL 1.1 Protocol endpoint at `/sparql` (read-only): GET and POST, results by content negotiation,
 * `default-graph-uri` and `named-graph-uri`, the Service Description on GET without a query; a request with
 * `Cache-Control: no-cache` is answered by the engine, not from cached answers. With
 * `federated=true` a SELECT runs live on the local graph and the configured sources (all, or those named by id or URL
 * in `source=`; any other name -> 400, nothing contacted; see src/federation): SPARQL JSON
 * with a `source` per row, the failed sources in `failures` and the `X-TRE-Atlas-Failed-Sources` header.
 */
export const sparqlRoutes: FastifyPluginCallback<SparqlRoutesOptions> = (app, options, done) => {
  const { store, queryTimeoutMs } = options;

  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const params = protocolParams(request);
    if (params.has('update')) {
      throw new AtlasError('USAGE', 'SPARQL updates are not accepted here; this endpoint is read-only');
    }
    const query = params.get('query');
    if (query === null) {
      if (request.method === 'POST') throw new AtlasError('USAGE', 'missing parameter query');
      const endpoint = `${options.baseUrl ?? `${request.protocol}://${request.host}`}/sparql`;
      const namedGraphs = await store.listGraphs();
      return sendRdf(request, reply, serviceDescription({ endpoint, namedGraphs, queryTimeoutMs }));
    }
    const checked = checkQuery(query);
    if (params.get('federated') === 'true') {
      // Federated discovery: the local graph plus the configured sources (never a caller's URL), live.
      if (checked.kind !== 'bindings') throw new AtlasError('USAGE', 'federated=true takes a SELECT query');
      const answer = await answerFederated(query, params.getAll('source'), {
        store,
        settings: options.federation,
        queryTimeoutMs,
      });
      if (answer.failed.length > 0) reply.header(FAILED_SOURCES_HEADER, answer.failed.join(' '));
      return reply.type('application/sparql-results+json; charset=utf-8').send(answer.body);
    }
    const formats = formatsFor(checked.kind);
    const accept = request.headers.accept;
    const format = negotiateResultFormat(accept, formats);
    if (format === undefined)
      throw notAcceptable(
        accept,
        formats.map((f) => f.mediaType),
      );
    const dataset = {
      defaultGraphs: iriList(params, 'default-graph-uri'),
      namedGraphs: iriList(params, 'named-graph-uri'),
    };
    const controller = new AbortController();
    abortOnDisconnect(reply, controller);
    const noCache = /(^|[\s,])no-cache\b/i.test(request.headers['cache-control'] ?? '');
    const queryOptions = queryOptionsFor(dataset, {
      timeoutMs: queryTimeoutMs,
      signal: controller.signal,
      ...(noCache ? { noCache } : {}),
    });
    try {
      const result = await runQuery(store, query, format, queryOptions);
      return await reply
        .header('vary', 'Accept')
        .type(`${result.mediaType}; charset=utf-8`)
        .send(result.body);
    } catch (error) {
      if (error instanceof AtlasError && error.code === 'TIMEOUT' && error.context['aborted'] !== true) {
        throw new AtlasError(
          'TIMEOUT',
          `the query ran past the time limit of ${queryTimeoutMs} ms and was stopped`,
          {
            context: { timeoutMs: queryTimeoutMs },
            cause: error,
          },
        );
      }
      throw error;
    }
  };

  app.get('/sparql', handle);
  app.post('/sparql', handle);
  done();
};
