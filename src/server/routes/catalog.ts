import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  Catalog,
  catalogPrefixes,
  negotiateProfile,
  notModified,
  parseCatalogQuery,
  parseProfileParam,
  profileIris,
  toHttpSecond,
  weakEtag,
  type CatalogPlan,
  type CatalogSettings,
} from '../../catalog/index.js';
import { isAtlasError } from '../../errors.js';
import { negotiateFormat, rdfFormats, serializeRdf, type RdfFormat } from '../../rdf/index.js';
import type { GraphStore } from '../../store/index.js';
import { notAcceptable } from '../HttpError.js';
import { searchParams } from '../requestParams.js';

/** Options of the catalogue routes. */
export interface CatalogRoutesOptions {
  store: GraphStore;
  /** The public IRI base (with trailing slash); the catalogue IRI defaults to `{publicBase}catalog`. */
  publicBase: string;
  /** The server's own base URL (no trailing slash) for paging links; undefined: the request's host. */
  baseUrl?: string | undefined;
  /** Time limit of each store query, in milliseconds. */
  queryTimeoutMs?: number | undefined;
  /** Overrides of the catalogue's own description (IRI, title, publisher, ...). */
  settings?: Partial<CatalogSettings> | undefined;
  /** A catalogue built elsewhere; default: built here from the options above. */
  catalog?: Catalog | undefined;
}

/** The formats on offer, Turtle (the default) first. */
const offered: readonly RdfFormat[] = [
  rdfFormats.turtle,
  rdfFormats.jsonld,
  rdfFormats.rdfxml,
  rdfFormats.ntriples,
];

/** `/catalog` plus a suffix fixes the format. */
const suffixes: ReadonlyArray<[string, RdfFormat | undefined]> = [
  ['', undefined],
  ['.ttl', rdfFormats.turtle],
  ['.jsonld', rdfFormats.jsonld],
  ['.rdf', rdfFormats.rdfxml],
  ['.nt', rdfFormats.ntriples],
];

const exposed = 'Content-Type, ETag, Last-Modified, Link, Content-Profile, Vary';

/** A header's value, repeated headers joined as one list. */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function chooseFormat(request: FastifyRequest, fixed: RdfFormat | undefined): RdfFormat {
  if (fixed !== undefined) return fixed;
  try {
    return negotiateFormat(request.headers.accept, offered);
  } catch (error) {
    if (isAtlasError(error, 'UNSUPPORTED_FORMAT'))
      throw notAcceptable(
        request.headers.accept,
        offered.map((f) => f.mediaType),
      );
    throw error;
  }
}

/** The URL of page `n`: the same path and parameters, with `page` and `page_size` set. */
function pageUrlFor(ownBase: string, path: string, params: URLSearchParams, pageSize: number) {
  return (n: number): string => {
    const next = new URLSearchParams(params);
    next.delete('page');
    next.delete('page_size');
    next.set('page', String(n));
    next.set('page_size', String(pageSize));
    return `${ownBase}${path}?${next.toString()}`;
  };
}

function linkHeader(profileIri: string, plan: CatalogPlan, pageUrl: (n: number) => string): string {
  const links = [`<${profileIri}>; rel="profile"`, `<${pageUrl(1)}>; rel="first"`];
  if (plan.page > 1) links.push(`<${pageUrl(plan.page - 1)}>; rel="prev"`);
  if (plan.page < plan.lastPage) links.push(`<${pageUrl(plan.page + 1)}>; rel="next"`);
  links.push(`<${pageUrl(plan.lastPage)}>; rel="last"`);
  return links.join(', ');
}

/**
 * `GET /catalog` (and `/catalog.ttl`, `.jsonld`, `.rdf`, `.nt`): the DCAT-AP 3.0.1 catalogue, Hydra-paged
 * (`page`, `page_size` 1..1000, default 100), filtered by `modified_since`, in the TRE profile or the pure DCAT-AP
 * view (`?profile=tre|dcat-ap` or `Accept-Profile`, answered with `Content-Profile`), with ETag and Last-Modified
 * and 304 answers to conditional requests.
 */
export const catalogRoutes: FastifyPluginAsync<CatalogRoutesOptions> = async (app, options) => {
  const catalog =
    options.catalog ??
    (await Catalog.create({
      store: options.store,
      publicBase: options.publicBase,
      settings: options.settings,
      timeoutMs: options.queryTimeoutMs,
    }));

  const handle = async (
    request: FastifyRequest,
    reply: FastifyReply,
    fixed: RdfFormat | undefined,
  ): Promise<FastifyReply> => {
    const params = searchParams(request);
    const query = parseCatalogQuery(params);
    const profileParam = params.get('profile');
    const profile =
      profileParam !== null
        ? parseProfileParam(profileParam)
        : (negotiateProfile(headerText(request.headers['accept-profile'])) ?? 'tre');
    const format = chooseFormat(request, fixed);
    const plan = await catalog.plan({ profile, ...query });
    const ownBase = options.baseUrl ?? `${request.protocol}://${request.host}`;
    const path = request.url.split('?')[0] ?? '/catalog';
    const pageUrl = pageUrlFor(ownBase, path, params, query.pageSize);
    const profileIri = profileIris[profile];
    const etag = weakEtag([plan.state.fingerprint, profile, format.name, ownBase, path, params.toString()]);
    const lastModified = plan.state.lastModified;
    reply
      .header('etag', etag)
      .header('vary', 'Accept, Accept-Profile')
      .header('content-profile', `<${profileIri}>`)
      .header('link', linkHeader(profileIri, plan, pageUrl))
      .header('access-control-expose-headers', exposed);
    if (lastModified !== undefined) reply.header('last-modified', toHttpSecond(lastModified).toUTCString());
    const conditional = {
      ifNoneMatch: headerText(request.headers['if-none-match']),
      ifModifiedSince: headerText(request.headers['if-modified-since']),
    };
    if (notModified(conditional, { etag, lastModified })) return reply.code(304).send();
    const quads = await catalog.render(plan, {
      view: { self: `${ownBase}${path}${params.size > 0 ? `?${params.toString()}` : ''}`, pageUrl },
      documentUrl: (graph) => `${ownBase}/graphs?graph=${encodeURIComponent(graph)}`,
    });
    const body = await serializeRdf(quads, format, { prefixes: catalogPrefixes });
    return reply.type(`${format.mediaType}; charset=utf-8`).send(body);
  };

  for (const [suffix, format] of suffixes) {
    app.get(`/catalog${suffix}`, (request, reply) => handle(request, reply, format));
  }
};
