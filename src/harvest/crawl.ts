import type { Quad } from '@rdfjs/types';
import { createHash } from 'node:crypto';
import { AtlasError } from '../errors.js';
import { formatFromMediaType, parseRdf, rdfFormats, type RdfFormat } from '../rdf/index.js';
import type { UrlState } from './HarvestState.js';
import type { FetchRequest, HttpFetcher } from './HttpFetcher.js';

/** Accept header of every RDF request: Turtle preferred, any RDF format TRE Atlas reads accepted. */
export const rdfAccept =
  'text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.9, application/rdf+xml;q=0.8, application/trig;q=0.7, application/n-quads;q=0.7, text/plain;q=0.1, */*;q=0.05';

/** How a crawl goes on from a fetched document. */
export interface CrawlLinks {
  /** Paging links (`hydra:next`): a link back to a document already read is a page loop (an error). */
  next: string[];
  /** Links to other documents (FDP catalogues, services): read once each, repeats ignored. */
  children: string[];
}

/** Options of {@link crawl}. */
export interface CrawlOptions {
  fetcher: HttpFetcher;
  /** The first request (a SPARQL query is a POST). */
  start: FetchRequest;
  /** What was remembered about each URL from the last run. */
  previous: ReadonlyMap<string, UrlState>;
  /** Links to follow from a document. */
  linksOf: (quads: readonly Quad[], url: string) => CrawlLinks;
  /** Most documents read. */
  maxPages: number;
  /** Called after each document. */
  onDocument?: (url: string, fetched: number) => void;
}

/** What a crawl read. */
export interface CrawlResult {
  /** Every triple read, of every document. */
  quads: Quad[];
  /** Requests answered (200 or 304). */
  fetched: number;
  /** True when every document was read and no page loop was met. */
  complete: boolean;
  /** True when complete and nothing changed since the last run (304 or same bytes everywhere). */
  unchanged: boolean;
  /** Problems, in English, each naming its URL. */
  errors: string[];
  /** What to remember about each URL read. */
  urls: Map<string, UrlState>;
}

/** The RDF format of an answer: by its Content-Type; `text/plain` and unknown types by the URL's extension. */
function formatOf(contentType: string, url: string): RdfFormat {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  try {
    return formatFromMediaType(essence);
  } catch (error) {
    if (/\.ttl$/i.test(new URL(url).pathname) || essence === 'text/plain' || essence === '') {
      return /\.nt$/i.test(new URL(url).pathname) ? rdfFormats.ntriples : rdfFormats.turtle;
    }
    throw error;
  }
}

/** Parses an answer body in the format its Content-Type names, with its final URL as base IRI. */
export function parseBody(body: string, contentType: string, url: string): Promise<Quad[]> {
  return parseRdf(body, { format: formatOf(contentType, url), baseIri: url, source: url });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a source document by document: conditional requests with the validators of the last run, links followed
 * (also from documents answering 304, through the links remembered for them), loops and repeats detected, a page
 * limit. When anything changed, documents that answered 304 are fetched again in full, so that the result holds
 * every triple of the source.
 */
export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const result: CrawlResult = {
    quads: [],
    fetched: 0,
    complete: true,
    unchanged: true,
    errors: [],
    urls: new Map(),
  };
  const notModified: string[] = [];
  const seen = new Set<string>();
  const queue: Array<{ request: FetchRequest; from?: string }> = [{ request: options.start }];
  while (queue.length > 0) {
    const { request, from } = queue.shift()!;
    if (seen.has(request.url)) continue;
    if (seen.size >= options.maxPages) {
      result.errors.push(
        `${request.url}: not read, more than ${options.maxPages} documents${from ? ` (linked from ${from})` : ''}`,
      );
      result.complete = false;
      break;
    }
    seen.add(request.url);
    const previous = options.previous.get(request.url);
    let links: CrawlLinks;
    try {
      const response = await options.fetcher.fetch({ ...request, validators: previous });
      result.fetched++;
      if (response.status === 'not-modified' && previous !== undefined) {
        notModified.push(request.url);
        result.urls.set(request.url, { ...previous, ...response.validators, url: request.url });
        links = { next: previous.next, children: previous.links };
      } else {
        if (response.status === 'not-modified')
          throw new AtlasError('UNAVAILABLE', `${request.url}: 304 without a cached copy`);
        const hash = createHash('sha256').update(response.body).digest('hex');
        const quads = await parseBody(response.body, response.contentType, response.url);
        links = options.linksOf(quads, response.url);
        result.quads.push(...quads);
        if (previous?.hash !== hash) result.unchanged = false;
        result.urls.set(request.url, {
          url: request.url,
          ...response.validators,
          hash,
          next: links.next,
          links: links.children,
        });
      }
    } catch (error) {
      result.errors.push(message(error));
      result.complete = false;
      options.onDocument?.(request.url, result.fetched);
      continue;
    }
    options.onDocument?.(request.url, result.fetched);
    for (const next of links.next) {
      if (seen.has(next)) {
        result.errors.push(`${request.url}: page loop, its next page ${next} was already read`);
        result.complete = false;
      } else {
        queue.push({ request: { url: next, accept: rdfAccept }, from: request.url });
      }
    }
    for (const child of links.children) {
      if (!seen.has(child)) queue.push({ request: { url: child, accept: rdfAccept }, from: request.url });
    }
  }
  const previousUrls = [...options.previous.keys()].sort().join('\n');
  if (!result.complete || [...result.urls.keys()].sort().join('\n') !== previousUrls)
    result.unchanged = false;
  if (!result.unchanged) await refetch(options, notModified, result);
  return result;
}

/** Fetches in full the documents that answered 304, when the source changed elsewhere. */
async function refetch(options: CrawlOptions, urls: readonly string[], result: CrawlResult): Promise<void> {
  for (const url of urls) {
    const state = result.urls.get(url);
    try {
      const response = await options.fetcher.fetch({
        ...(url === options.start.url ? options.start : { url, accept: rdfAccept }),
      });
      if (response.status !== 'ok')
        throw new AtlasError('UNAVAILABLE', `${url}: 304 to an unconditional request`);
      result.quads.push(...(await parseBody(response.body, response.contentType, response.url)));
      if (state !== undefined) state.hash = createHash('sha256').update(response.body).digest('hex');
    } catch (error) {
      result.errors.push(message(error));
      result.complete = false;
    }
  }
}
