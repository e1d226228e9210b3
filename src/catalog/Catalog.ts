import type { Quad } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import { dcat, rdf } from '../namespaces.js';
import type { GraphStore } from '../store/index.js';
import { AuthorityIndex } from './AuthorityIndex.js';
import { catalogNodeQuads, type RecordEntry } from './catalogNodeQuads.js';
import { graphsContentQuery } from './catalogQueries.js';
import { catalogSettings, type CatalogSettings } from './CatalogSettings.js';
import { dcatApView } from './dcatApView.js';
import { hydraViewQuads } from './hydraViewQuads.js';
import type { CatalogProfile } from './profiles.js';
import { itemModified, readCatalogState, type CatalogItem, type CatalogState } from './readCatalogState.js';
import { dedupeQuads, sortQuads } from './quadSets.js';

/** Options of {@link Catalog.create}. */
export interface CatalogOptions {
  store: GraphStore;
  /** The public IRI base (default `https://w3id.org/tre-atlas/`): the catalogue IRI is `{publicBase}catalog`. */
  publicBase?: string | undefined;
  /** Overrides of the catalogue's own description (IRI, title, publisher, ...). */
  settings?: Partial<CatalogSettings> | undefined;
  /** Folder of background vocabulary (default: the bundled `ontology/`). */
  ontologyDir?: string | undefined;
  /** Time limit of each store query, in milliseconds. */
  timeoutMs?: number | undefined;
}

/** Which part of the catalogue to show. */
export interface CatalogRequest {
  profile: CatalogProfile;
  /** 1-based page; default 1. */
  page?: number | undefined;
  /** Descriptions per page; undefined: all on one page. */
  pageSize?: number | undefined;
  /** Only descriptions modified at or after this instant. */
  modifiedSince?: Date | undefined;
}

/** A page chosen, before its content is read: enough to answer a conditional request. */
export interface CatalogPlan {
  request: CatalogRequest;
  page: number;
  lastPage: number;
  /** Descriptions matching the request, over all pages. */
  totalItems: number;
  /** The descriptions on this page. */
  items: readonly CatalogItem[];
  state: CatalogState;
}

/** How to render a plan. */
export interface RenderOptions {
  /** Paging links; absent for the whole catalogue at once (export). */
  view?: { self: string; pageUrl(n: number): string } | undefined;
  /** The URL of the document holding one description graph (`rdfs:seeAlso` of its record, TRE profile only). */
  documentUrl?: ((graph: string) => string) | undefined;
}

/**
 * The DCAT-AP catalogue of the knowledge graph: every description graph holding a TRE is listed (its TREs as
 * `dcat:service`, the datasets they serve as `dcat:dataset`, a `dcat:CatalogRecord` each), with the full
 * description graphs, the descriptions they reference (operators, federations) and the concepts and authority
 * entries they use. Reads the store with two SELECTs to plan a page and at most two CONSTRUCTs to render it.
 */
export class Catalog {
  private constructor(
    private readonly store: GraphStore,
    /** What the catalogue says about itself. */
    readonly settings: CatalogSettings,
    private readonly authority: AuthorityIndex,
    private readonly timeoutMs: number | undefined,
  ) {}

  /** Loads the background vocabulary once. */
  static async create(options: CatalogOptions): Promise<Catalog> {
    const authority = await AuthorityIndex.load(options.ontologyDir);
    const settings = catalogSettings(options.publicBase, options.settings ?? {});
    return new Catalog(options.store, settings, authority, options.timeoutMs);
  }

  /** Chooses the page. A page past the last -> `AtlasError('NOT_FOUND')`. */
  async plan(request: CatalogRequest): Promise<CatalogPlan> {
    const state = await readCatalogState(this.store, this.queryOptions());
    const since = request.modifiedSince?.getTime();
    const matching =
      since === undefined
        ? state.items
        : state.items.filter((item) => (itemModified(item)?.getTime() ?? -Infinity) >= since);
    const size = request.pageSize ?? Math.max(matching.length, 1);
    const lastPage = Math.max(1, Math.ceil(matching.length / size));
    const page = request.page ?? 1;
    if (page > lastPage) {
      throw new AtlasError(
        'NOT_FOUND',
        `catalogue page ${page} does not exist: the last page is ${lastPage}`,
        {
          context: { page, lastPage },
        },
      );
    }
    const items = matching.slice((page - 1) * size, page * size);
    return { request, page, lastPage, totalItems: matching.length, items, state };
  }

  /** The quads of a planned page, in a stable order. */
  async render(plan: CatalogPlan, options: RenderOptions = {}): Promise<Quad[]> {
    const pageGraphs = plan.items.map((item) => item.graph);
    const content = await this.construct(pageGraphs);
    const services = unique(plan.items.flatMap((item) => item.services));
    const serviceSet = new Set(services);
    const datasetTyped = new Set(subjectsTyped(content, dcat('Dataset')));
    const datasets = unique(
      content
        .filter((q) => serviceSet.has(q.subject.value) && q.predicate.value === dcat('servesDataset'))
        .map((q) => q.object.value)
        .filter((iri) => datasetTyped.has(iri)),
    );
    const described = [...content, ...(await this.referenced(content, plan))];
    const known = new Set(described.map((q) => q.subject.value));
    const vocabulary = this.authority.nodesFor(objectIris(described).filter((iri) => !known.has(iri)));
    const profile = plan.request.profile;
    const records: RecordEntry[] = plan.items.map((item) => ({
      graph: item.graph,
      topic: item.services.includes(item.graph) ? item.graph : (item.services[0] ?? item.graph),
      modified: item.recorded ?? item.declared,
      document: profile === 'tre' ? options.documentUrl?.(item.graph) : undefined,
    }));
    const catalogQuads = catalogNodeQuads(this.settings, {
      services,
      datasets,
      records,
      modified: plan.state.lastModified,
    });
    const view = options.view;
    const paging =
      view === undefined
        ? []
        : hydraViewQuads(this.settings.iri, {
            ...view,
            page: plan.page,
            lastPage: plan.lastPage,
            totalItems: plan.totalItems,
          });
    const all = dedupeQuads([...catalogQuads, ...paging, ...described, ...vocabulary]);
    const roots = view === undefined ? [this.settings.iri] : [this.settings.iri, view.self];
    const shaped = profile === 'dcat-ap' ? dedupeQuads(dcatApView(all, roots, this.authority)) : all;
    return sortQuads(shaped, roots);
  }

  /**
   * The descriptions (other than listed ones) that `content` points to, such as operators and federations; then,
   * for at most two more rounds, the descriptions of nodes those state triples about (e.g. a member organisation
   * of a federation whose description says it holds a membership), so that no node on the page is half described.
   */
  private async referenced(content: readonly Quad[], plan: CatalogPlan): Promise<Quad[]> {
    const listed = new Set(plan.state.items.map((item) => item.graph));
    const included = new Set(plan.items.map((item) => item.graph));
    const wanted = (iri: string) => plan.state.described.has(iri) && !listed.has(iri) && !included.has(iri);
    const subjects = new Set(content.map((q) => q.subject.value));
    let pending = objectIris(content).filter((iri) => wanted(iri) && !subjects.has(iri));
    const out: Quad[] = [];
    for (let round = 0; round < 3 && pending.length > 0; round += 1) {
      for (const graph of pending) included.add(graph);
      const quads = await this.construct(pending);
      out.push(...quads);
      pending = unique(quads.map((q) => q.subject.value).filter(wanted));
    }
    return out;
  }

  private queryOptions(): { timeoutMs?: number } {
    return this.timeoutMs === undefined ? {} : { timeoutMs: this.timeoutMs };
  }

  /** All triples of `graphs`, in one CONSTRUCT. */
  private async construct(graphs: readonly string[]): Promise<Quad[]> {
    const sparql = graphsContentQuery(graphs);
    if (sparql === undefined) return [];
    const result = await this.store.query(sparql, this.queryOptions());
    if (result.kind !== 'quads')
      throw new AtlasError('INTERNAL', `catalogue CONSTRUCT answered ${result.kind}`);
    return result.quads;
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function subjectsTyped(quads: readonly Quad[], cls: string): string[] {
  return unique(
    quads
      .filter(
        (q) =>
          q.predicate.value === rdf('type') && q.object.value === cls && q.subject.termType === 'NamedNode',
      )
      .map((q) => q.subject.value),
  ).sort();
}

/** IRIs in object position, except classes (objects of `rdf:type`). */
function objectIris(quads: readonly Quad[]): string[] {
  return unique(
    quads
      .filter((q) => q.object.termType === 'NamedNode' && q.predicate.value !== rdf('type'))
      .map((q) => q.object.value),
  );
}
