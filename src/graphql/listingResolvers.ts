import type { GraphQLResolveInfo } from 'graphql';
import { rdf } from '../namespaces.js';
import type { GraphStore, QueryResult } from '../store/index.js';
import { pickLabel, type ConceptIndex } from './ConceptIndex.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { GraphqlModel, Listing } from './GraphqlModel.js';
import { userError } from './graphqlErrors.js';
import type { GraphqlLimits } from './limits.js';
import { enumValueName } from './naming.js';
import { NodeGraph, type NodeRef } from './NodeGraph.js';
import { collectFields, planLoad, readsFields, subSelections } from './selectionPlan.js';
import { isIri } from './sparqlAst.js';
import type { FilterInput } from './sparqlFilter.js';
import { SparqlBuilder } from './sparqlBuilder.js';
import { orderableFields } from './buildTypeDefs.js';

/** What the listing resolvers need. */
export interface ListingServices {
  store: GraphStore;
  model: GraphqlModel;
  concepts: ConceptIndex;
  limits: GraphqlLimits;
  /** Time limit of each store query, in milliseconds. */
  queryTimeoutMs: number;
}

interface ListingArgs {
  filter?: FilterInput | null;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null } | null;
  first?: number | null;
  after?: string | null;
}

interface Bucket {
  value: string;
  count: number;
  name?: string;
}

function rowsOf(result: QueryResult): Array<Record<string, { value: string }>> {
  return result.kind === 'bindings' ? result.rows : [];
}

/** Resolvers of the root listings (`tres`, `operators`, `federations`), their single-node fields and `FacetBucket`. */
export function listingResolvers(services: ListingServices): {
  Query: Record<string, unknown>;
  rest: Record<string, Record<string, unknown>>;
} {
  const { store, model, limits } = services;
  const builder = new SparqlBuilder(model);
  const query = (sparql: string) => store.query(sparql, { timeoutMs: services.queryTimeoutMs });

  const loadNodes = async (
    listing: Listing,
    iris: readonly string[],
    selections: GraphQLResolveInfo['fieldNodes'],
    info: GraphQLResolveInfo,
  ) => {
    if (iris.length === 0 || !readsFields(selections, info.fragments)) return new NodeGraph();
    const plan = planLoad(model, listing.type, selections, info.fragments);
    if (plan.length === 0) return new NodeGraph();
    const result = await query(builder.closure(iris, plan));
    return new NodeGraph(result.kind === 'quads' ? result.quads : []);
  };

  const Query: Record<string, unknown> = {};
  for (const listing of model.listings) {
    const orderFields = new Map(orderableFields(listing.type).map((f) => [enumValueName(f.name), f]));
    Query[listing.field] = async (
      _: unknown,
      args: ListingArgs,
      _context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const first = args.first ?? limits.defaultPageSize;
      if (first < 0 || first > limits.maxPageSize) {
        throw userError(
          'PAGE_SIZE_EXCEEDED',
          `first must be between 0 and ${limits.maxPageSize}; got ${first}`,
          { maxPageSize: limits.maxPageSize },
        );
      }
      const order = args.orderBy?.field ?? 'ID';
      const orderField = orderFields.get(order);
      const descending = args.orderBy?.direction === 'DESC';
      const after = args.after ? decodeCursor(order, args.after) : undefined;
      const selected = info.fieldNodes.flatMap((n) => collectFields(n.selectionSet, info.fragments));
      const filter = args.filter ?? undefined;
      const pageRows = rowsOf(
        await query(
          builder.page(listing, {
            filter,
            orderField,
            descending,
            after,
            limit: first + 1,
            withTotal: subSelections(selected, 'totalCount').length > 0,
          }),
        ),
      );
      const totalCount = Number(pageRows.find((r) => r['total'] !== undefined)?.['total']?.value ?? 0);
      const page = pageRows
        .filter((r) => r['node'] !== undefined)
        .map((r) => ({ id: r['node']?.value ?? '', key: orderField ? (r['key']?.value ?? '') : null }))
        .sort((a, b) => compareKeys(a.key, b.key, descending) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const hasNextPage = page.length > first;
      const items = page.slice(0, first);

      const nodeSelections = [
        ...subSelections(selected, 'nodes'),
        ...subSelections(
          subSelections(selected, 'edges').flatMap((e) => collectFields(e.selectionSet, info.fragments)),
          'node',
        ),
      ];
      const [graph, facets] = await Promise.all([
        loadNodes(
          listing,
          items.map((i) => i.id),
          nodeSelections,
          info,
        ),
        loadFacets(listing, filter, selected, info),
      ]);
      const nodes = items.map((i): NodeRef => ({ iri: i.id, graph }));
      const edges = items.map((i, n) => ({ cursor: encodeCursor(order, i), node: nodes[n] }));
      return {
        totalCount,
        nodes,
        edges,
        facets,
        pageInfo: {
          hasNextPage,
          hasPreviousPage: after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    };
    if (listing.single !== undefined) {
      Query[listing.single] = async (
        _: unknown,
        args: { id: string },
        _context: unknown,
        info: GraphQLResolveInfo,
      ) => {
        if (!isIri(args.id))
          throw userError(
            'BAD_USER_INPUT',
            `id: not an absolute IRI: ${JSON.stringify(args.id.slice(0, 200))}`,
          );
        const plan = planLoad(model, listing.type, info.fieldNodes, info.fragments, [rdf('type')]);
        const result = await query(builder.closure([args.id], plan));
        const graph = new NodeGraph(result.kind === 'quads' ? result.quads : []);
        const listed =
          graph.hasType(args.id, listing.classes) && !graph.hasType(args.id, listing.excludeClasses);
        return listed ? ({ iri: args.id, graph } satisfies NodeRef) : null;
      };
    }
  }

  async function loadFacets(
    listing: Listing,
    filter: FilterInput | undefined,
    selected: GraphQLResolveInfo['fieldNodes'],
    info: GraphQLResolveInfo,
  ) {
    const wanted = new Set(
      subSelections(selected, 'facets').flatMap((f) =>
        collectFields(f.selectionSet, info.fragments).map((x) => x.name.value),
      ),
    );
    const facets = listing.facets.filter((f) => wanted.has(f.name));
    const byFacet: Record<string, Bucket[]> = Object.fromEntries(listing.facets.map((f) => [f.name, []]));
    if (facets.length === 0) return byFacet;
    for (const row of rowsOf(await query(builder.facets(listing, filter, facets)))) {
      const facet = row['facet']?.value;
      const value = row['value']?.value;
      if (facet === undefined || value === undefined) continue;
      const name = row['label']?.value;
      byFacet[facet]?.push({ value, count: Number(row['count']?.value ?? 0), ...(name ? { name } : {}) });
    }
    for (const buckets of Object.values(byFacet))
      buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return byFacet;
  }

  const FacetBucket = {
    label: (bucket: Bucket, args: { lang?: string }) => {
      const concept = services.concepts.concept(bucket.value);
      return (concept ? pickLabel(concept.prefLabels, args.lang) : undefined) ?? bucket.name ?? null;
    },
  };
  return { Query, rest: { FacetBucket } };
}

function compareKeys(a: string | null, b: string | null, descending: boolean): number {
  if (a === b || a === null || b === null) return 0;
  const order = a < b ? -1 : 1;
  return descending ? -order : order;
}
