/**
 * Every SPARQL query of the GraphQL facade is built here, as a sparqljs syntax tree (values bound as terms).
 * A listing costs one SELECT (page + total), one SELECT for facets when asked, and one CONSTRUCT for the nodes.
 */
import type sparqljs from 'sparqljs';
import { rdf } from '../namespaces.js';
import { compileFilter, type FilterInput } from './sparqlFilter.js';
import { facetLabelPredicate, type FacetSpec, type GraphqlModel, type Listing } from './GraphqlModel.js';
import type { FieldModel } from './ShapeModel.js';
import type { LoadStep } from './selectionPlan.js';
import { bgp, exists, filter, iri, lit, op, pathOf, stringify, v, values } from './sparqlAst.js';

/** Where a page starts: after the node with this sort key and IRI. */
export interface PageCursor {
  key: string | null;
  id: string;
}

/** Options of a page query. */
export interface PageQueryOptions {
  filter?: FilterInput | undefined;
  /** The field ordered by (min over its values); undefined: by IRI. */
  orderField?: FieldModel | undefined;
  descending?: boolean;
  after?: PageCursor | undefined;
  /** Rows wanted (ask one more than the page to learn whether there is a next page). */
  limit: number;
  /** Also count the whole filtered set (a row with only `?total`). */
  withTotal: boolean;
}

function select(
  variables: sparqljs.SelectQuery['variables'],
  where: sparqljs.Pattern[],
  extra: Partial<sparqljs.SelectQuery> = {},
): sparqljs.SelectQuery {
  return {
    type: 'query',
    queryType: 'SELECT',
    prefixes: {},
    variables,
    where,
    ...extra,
  };
}

/** Builds the facade's queries for one schema model. */
export class SparqlBuilder {
  constructor(private readonly model: GraphqlModel) {}

  /** Patterns binding `?node` to the listed, filtered nodes. */
  private match(listing: Listing, input: FilterInput | undefined): sparqljs.Pattern[] {
    const patterns: sparqljs.Pattern[] = [];
    const [first, ...more] = listing.classes;
    patterns.push(bgp([v('node'), iri(rdf('type')), iri(first ?? '')]));
    if (more.length > 0)
      patterns.push(filter(exists([values('cls', more), bgp([v('node'), iri(rdf('type')), v('cls')])])));
    for (const excluded of listing.excludeClasses) {
      patterns.push(
        filter(
          op(
            'notexists',
            bgp([v('node'), iri(rdf('type')), iri(excluded)]) as unknown as sparqljs.Expression,
          ),
        ),
      );
    }
    const expression = compileFilter(this.model, listing.type, input, 'node');
    if (expression !== undefined) patterns.push(filter(expression));
    return patterns;
  }

  /**
   * The page of node IRIs (with sort keys), and optionally the total, in one SELECT. Ties and the ID order sort by
   * the node itself: oxigraph orders IRIs by their string, as the keyset filter on `STR(?node)` assumes.
   */
  page(listing: Listing, options: PageQueryOptions): string {
    const match = this.match(listing, options.filter);
    const id = op('str', v('node'));
    const after = options.after;
    let pageQuery: sparqljs.SelectQuery;
    if (options.orderField === undefined) {
      const where = after ? [...match, filter(op('>', id, lit(after.id)))] : match;
      pageQuery = select([v('node')], where, {
        distinct: true,
        order: [{ expression: v('node') }],
        limit: options.limit,
      });
    } else {
      const field = options.orderField;
      const value = op('coalesce', op('str', v('sortValue')), lit(''));
      const keyed = select(
        [
          v('node'),
          {
            expression: { type: 'aggregate', aggregation: 'min', distinct: false, expression: value },
            variable: v('key'),
          },
        ],
        [...match, { type: 'optional', patterns: [bgp([v('node'), pathOf([field]), v('sortValue')])] }],
        { group: [{ expression: v('node') }] },
      );
      const where: sparqljs.Pattern[] = [{ type: 'group', patterns: [keyed] }];
      if (after) {
        const beyond = op(options.descending ? '<' : '>', v('key'), lit(after.key ?? ''));
        const tie = op('&&', op('=', v('key'), lit(after.key ?? '')), op('>', id, lit(after.id)));
        where.push(filter(op('||', beyond, tie)));
      }
      pageQuery = select([v('node'), v('key')], where, {
        order: [{ expression: v('key'), descending: options.descending === true }, { expression: v('node') }],
        limit: options.limit,
      });
    }
    if (!options.withTotal) return stringify(pageQuery);
    const total = select(
      [
        {
          expression: { type: 'aggregate', aggregation: 'count', distinct: true, expression: v('node') },
          variable: v('total'),
        },
      ],
      match,
    );
    return stringify(
      select([v('node'), v('key'), v('total')], [{ type: 'union', patterns: [total, pageQuery] }]),
    );
  }

  /** Counts per facet value over the filtered set: rows `?facet ?value ?count ?label`. */
  facets(listing: Listing, input: FilterInput | undefined, facets: readonly FacetSpec[]): string {
    const branches = facets.map((facet): sparqljs.GroupPattern => ({
      type: 'group',
      patterns: [
        bgp([v('node'), pathOf(facet.steps), v('value')]),
        { type: 'bind', variable: v('facet'), expression: lit(facet.name) },
      ],
    }));
    const where: sparqljs.Pattern[] = [
      ...this.match(listing, input),
      { type: 'union', patterns: branches },
      { type: 'optional', patterns: [bgp([v('value'), iri(facetLabelPredicate), v('name')])] },
    ];
    return stringify(
      select(
        [
          v('facet'),
          v('value'),
          {
            expression: { type: 'aggregate', aggregation: 'count', distinct: true, expression: v('node') },
            variable: v('count'),
          },
          {
            expression: { type: 'aggregate', aggregation: 'sample', distinct: false, expression: v('name') },
            variable: v('label'),
          },
        ],
        where,
        { group: [{ expression: v('facet') }, { expression: v('value') }] },
      ),
    );
  }

  /**
   * The triples the query reads: for each load step, the nodes reached from the roots along its path, with only its
   * predicates (a FILTER: oxigraph joins a VALUES of predicates badly); one UNION branch per step, the roots bound
   * inside each branch.
   */
  closure(roots: readonly string[], plan: readonly LoadStep[]): string {
    const branches = plan.map((entry): sparqljs.GroupPattern => {
      const reach: sparqljs.Pattern[] =
        entry.steps.length === 0
          ? [values('s', roots)]
          : [values('root', roots), bgp([v('root'), pathOf(entry.steps), v('s')])];
      const only = filter(op('in', v('p'), entry.predicates.map(iri)));
      return { type: 'group', patterns: [...reach, bgp([v('s'), v('p'), v('o')]), only] };
    });
    const query: sparqljs.ConstructQuery = {
      type: 'query',
      queryType: 'CONSTRUCT',
      prefixes: {},
      template: [{ subject: v('s'), predicate: v('p'), object: v('o') }],
      where: branches.length === 1 ? (branches[0]?.patterns ?? []) : [{ type: 'union', patterns: branches }],
    };
    return stringify(query);
  }
}
