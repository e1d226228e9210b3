/**
 * Part of the SPARQL builder (used only by sparqlBuilder.ts): compiles a GraphQL filter input into a SPARQL
 * boolean expression over a node variable, as a sparqljs syntax tree.
 */
import type sparqljs from 'sparqljs';
import { rdf } from '../namespaces.js';
import type { GraphqlModel } from './GraphqlModel.js';
import type { FieldModel, TypeModel } from './ShapeModel.js';
import { bgp, exists, filter, iri, lit, op, pathOf, v } from './sparqlAst.js';

/** A filter argument as GraphQL coerced it (enum values already mapped to IRIs). */
export type FilterInput = Readonly<Record<string, unknown>>;

type Expr = sparqljs.Expression;

interface IriCondition {
  eq?: string | null;
  in?: readonly string[] | null;
  all?: readonly string[] | null;
}

const and = (parts: Expr[]): Expr | undefined =>
  parts.length === 0 ? undefined : parts.reduce((a, b) => op('&&', a, b));
const or = (parts: Expr[]): Expr | undefined =>
  parts.length === 0 ? undefined : parts.reduce((a, b) => op('||', a, b));

/** The predicates `search` looks in: the type's language-tagged text fields (titles, descriptions, keywords). */
export function searchPredicatesOf(type: TypeModel): string[] {
  return type.fields
    .filter((f) => f.value.kind === 'scalar' && f.value.scalar === 'LangString' && !f.inverse)
    .map((f) => f.predicate);
}

class FilterCompiler {
  private counter = 0;

  constructor(private readonly model: GraphqlModel) {}

  private fresh(): sparqljs.VariableTerm {
    this.counter += 1;
    return v(`f${this.counter}`);
  }

  /** EXISTS { ?x path ?y . extra . FILTER(condition(?y)) } */
  private some(
    x: string,
    field: FieldModel,
    condition: (y: sparqljs.VariableTerm) => Expr | undefined,
  ): Expr {
    const y = this.fresh();
    const patterns: sparqljs.Pattern[] = [bgp([v(x), pathOf([field]), y])];
    if (field.typed === true && field.value.kind === 'object') {
      const cls = this.model.type(field.value.type).targetClasses[0];
      if (cls !== undefined) patterns.push(bgp([y, iri(rdf('type')), iri(cls)]));
    }
    const expression = condition(y);
    if (expression !== undefined) patterns.push(filter(expression));
    return exists(patterns);
  }

  private iriCondition(subject: Expr, c: IriCondition): Expr[] {
    const parts: Expr[] = [];
    if (c.eq != null) parts.push(op('=', subject, iri(c.eq)));
    if (c.in != null) parts.push(c.in.length === 0 ? lit(false) : op('in', subject, c.in.map(iri)));
    return parts;
  }

  private iriField(x: string, field: FieldModel, c: IriCondition): Expr[] {
    const parts: Expr[] = [];
    if (c.eq != null || c.in != null) parts.push(this.some(x, field, (y) => and(this.iriCondition(y, c))));
    for (const value of c.all ?? []) parts.push(this.some(x, field, (y) => op('=', y, iri(value))));
    return parts;
  }

  private fieldCondition(x: string, field: FieldModel, input: unknown): Expr[] {
    if (input === null || input === undefined) return [];
    const value = field.value;
    if (value.kind === 'object') {
      const target = this.model.type(value.type);
      return [this.some(x, field, (y) => this.compile(target, input as FilterInput, y.value))];
    }
    if (value.kind === 'concept' || value.scalar === 'IRI') return this.iriField(x, field, input);
    switch (value.scalar) {
      case 'Boolean':
        return [this.some(x, field, (y) => op('=', y, lit(input as boolean)))];
      case 'Int':
      case 'Float': {
        const c = input as { eq?: number | null; gte?: number | null; lte?: number | null };
        return [
          this.some(x, field, (y) =>
            and([
              ...(c.eq != null ? [op('=', y, lit(c.eq))] : []),
              ...(c.gte != null ? [op('>=', y, lit(c.gte))] : []),
              ...(c.lte != null ? [op('<=', y, lit(c.lte))] : []),
            ]),
          ),
        ];
      }
      case 'Date':
      case 'DateTime': {
        const c = input as { from?: string | null; to?: string | null };
        return [
          this.some(x, field, (y) => {
            const text = op('str', y);
            const parts: Expr[] = [];
            if (c.from != null) parts.push(op('>=', text, lit(c.from)));
            if (c.to != null) {
              const cut = c.to.length === 10 ? op('substr', text, lit(1), lit(10)) : text;
              parts.push(op('<=', cut, lit(c.to)));
            }
            return and(parts);
          }),
        ];
      }
      case 'String':
      case 'LangString': {
        const c = input as { eq?: string | null; contains?: string | null };
        return [
          this.some(x, field, (y) =>
            and([
              ...(c.eq != null ? [op('=', op('str', y), lit(c.eq))] : []),
              ...(c.contains != null
                ? [op('contains', op('lcase', op('str', y)), lit(c.contains.toLowerCase()))]
                : []),
            ]),
          ),
        ];
      }
    }
  }

  private search(type: TypeModel, x: string, text: string): Expr[] {
    const words = text
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '');
    const predicates = searchPredicatesOf(type);
    if (words.length === 0 || predicates.length === 0) return [];
    const predicate: sparqljs.PropertyPath = { type: 'path', pathType: '|', items: predicates.map(iri) };
    return words.map((word) => {
      const t = this.fresh();
      return exists([
        bgp([v(x), predicate, t]),
        filter(op('contains', op('lcase', op('str', t)), lit(word))),
      ]);
    });
  }

  /** The conjunction of every condition of `input` on node `?x` of `type`. */
  compile(type: TypeModel, input: FilterInput | undefined | null, x: string): Expr | undefined {
    if (input == null) return undefined;
    const parts: Expr[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (value === null || value === undefined) continue;
      if (key === 'id') parts.push(...this.iriCondition(v(x), value));
      else if (key === 'search') parts.push(...this.search(type, x, value as string));
      else if (key === 'and') {
        const all = (value as FilterInput[]).map((f) => this.compile(type, f, x) ?? lit(true));
        const joined = and(all);
        if (joined !== undefined) parts.push(joined);
      } else if (key === 'or') {
        const any = or((value as FilterInput[]).map((f) => this.compile(type, f, x) ?? lit(true)));
        parts.push(any ?? lit(false));
      } else if (key === 'not') parts.push(op('!', this.compile(type, value as FilterInput, x) ?? lit(true)));
      else {
        const field = type.fields.find((f) => f.name === key);
        if (field !== undefined) parts.push(...this.fieldCondition(x, field, value));
      }
    }
    return and(parts);
  }
}

/** The SPARQL expression of a filter on `?{variable}` of `type`; undefined when the filter is empty. */
export function compileFilter(
  model: GraphqlModel,
  type: TypeModel,
  input: FilterInput | undefined,
  variable: string,
): Expr | undefined {
  return new FilterCompiler(model).compile(type, input, variable);
}
