import type { Quad } from '@rdfjs/types';
import { dcat, fdpo, hydra, ldp, r3d, rdf } from '../namespaces.js';
import { crawl, rdfAccept, type CrawlLinks, type CrawlResult } from './crawl.js';
import { defaultConstruct } from './defaultConstruct.js';
import type { UrlState } from './HarvestState.js';
import type { FetchRequest, HttpFetcher } from './HttpFetcher.js';
import type { HarvestSource } from './sourcesFile.js';

/** What reading a source gave: the crawl, and for a DCAT catalogue the services it lists. */
export interface SourceRead extends CrawlResult {
  /** The TREs a DCAT catalogue lists as `dcat:service` (descriptions are limited to them). */
  services?: Set<string>;
}

const catalogueLinks = [fdpo('metadataCatalog'), r3d('dataCatalog'), ldp('contains'), dcat('catalog')];
const serviceLinks = [dcat('service'), fdpo('metadataService')];
const nextLinks = [hydra('next'), hydra('nextPage')];

function objects(quads: readonly Quad[], predicates: readonly string[]): string[] {
  return [
    ...new Set(
      quads
        .filter((q) => predicates.includes(q.predicate.value) && q.object.termType === 'NamedNode')
        .map((q) => q.object.value),
    ),
  ];
}

/** An http(s) URL without its fragment, or undefined. */
function documentUrl(iri: string): string | undefined {
  try {
    const url = new URL(iri);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function unique(urls: Array<string | undefined>, except: string): string[] {
  return [...new Set(urls.filter((u): u is string => u !== undefined && u !== except))];
}

/** FDP: metadata catalogues (v1 `r3d:dataCatalog`, v2 `fdp-o:metadataCatalog`, LDP containers) and the services not described here. */
function fdpLinks(quads: readonly Quad[], url: string): CrawlLinks {
  const described = new Set(
    quads.filter((q) => q.predicate.value === rdf('type')).map((q) => q.subject.value),
  );
  const catalogues = objects(quads, catalogueLinks).map(documentUrl);
  const services = objects(quads, serviceLinks)
    .filter((iri) => !described.has(iri))
    .map(documentUrl);
  return { next: [], children: unique([...catalogues, ...services], documentUrl(url) ?? url) };
}

/** DCAT: the Hydra next page. */
function dcatLinks(quads: readonly Quad[], url: string): CrawlLinks {
  return { next: unique(objects(quads, nextLinks).map(documentUrl), url), children: [] };
}

/** The first request of a SPARQL source: GET with `query` when short enough, else POST. */
function sparqlRequest(source: HarvestSource): FetchRequest {
  const query = source.query ?? defaultConstruct();
  const url = new URL(source.url);
  url.searchParams.set('query', query);
  const accept =
    'text/turtle, application/n-triples;q=0.9, application/ld+json;q=0.8, application/rdf+xml;q=0.7';
  if (url.href.length <= 6000) return { url: url.href, accept };
  return { url: source.url, accept, method: 'POST', body: query, contentType: 'application/sparql-query' };
}

/** Reads one source by its kind. Never throws for a source that is down: the problems are in `errors`. */
export async function readSource(
  source: HarvestSource,
  options: {
    fetcher: HttpFetcher;
    previous: ReadonlyMap<string, UrlState>;
    onDocument?: (url: string, fetched: number) => void;
  },
): Promise<SourceRead> {
  const base = {
    fetcher: options.fetcher,
    previous: options.previous,
    maxPages: source.maxPages ?? 10_000,
    ...(options.onDocument === undefined ? {} : { onDocument: options.onDocument }),
  };
  const none = (): CrawlLinks => ({ next: [], children: [] });
  switch (source.type) {
    case 'document':
      return crawl({ ...base, start: { url: source.url, accept: rdfAccept }, linksOf: none });
    case 'sparql':
      return crawl({ ...base, start: sparqlRequest(source), linksOf: none });
    case 'fdp':
      return crawl({ ...base, start: { url: source.url, accept: rdfAccept }, linksOf: fdpLinks });
    case 'dcat': {
      const read = await crawl({
        ...base,
        start: { url: source.url, accept: rdfAccept },
        linksOf: dcatLinks,
      });
      const services = new Set(
        read.quads
          .filter((q) => q.predicate.value === dcat('service') && q.object.termType === 'NamedNode')
          .map((q) => q.object.value),
      );
      return { ...read, services };
    }
  }
}
