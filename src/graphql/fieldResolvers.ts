import type { Term } from '@rdfjs/types';
import { pickLabel, type ConceptIndex } from './ConceptIndex.js';
import { codeFieldName } from './buildTypeDefs.js';
import type { GraphqlModel } from './GraphqlModel.js';
import type { NodeRef } from './NodeGraph.js';
import type { FieldModel, ScalarKind } from './ShapeModel.js';

type Resolver = (parent: never, args: Record<string, unknown>) => unknown;

/** A concept as resolvers see it. */
export interface ConceptRef {
  iri: string;
}

const byValue = (a: Term, b: Term): number => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

function scalarValue(term: Term, scalar: ScalarKind): unknown {
  switch (scalar) {
    case 'Boolean':
      return term.value === 'true' || term.value === '1';
    case 'Int': {
      const n = Number.parseInt(term.value, 10);
      return Number.isSafeInteger(n) ? n : null;
    }
    case 'Float': {
      const n = Number(term.value);
      return Number.isFinite(n) ? n : null;
    }
    case 'Date':
    case 'DateTime':
    case 'IRI':
    case 'LangString':
    case 'String':
      return term.value;
  }
}

function matchesLang(term: Term, lang: string): boolean {
  if (term.termType !== 'Literal') return false;
  const tag = term.language.toLowerCase();
  return tag === lang || tag.split('-')[0] === lang;
}

function langValues(terms: readonly Term[], list: boolean, lang: string | undefined): unknown {
  const literals = terms.filter((t) => t.termType === 'Literal');
  const wanted = lang?.toLowerCase();
  if (list) return (wanted ? literals.filter((t) => matchesLang(t, wanted)) : literals).map((t) => t.value);
  const labels = new Map<string, string>();
  for (const t of literals)
    if (t.termType === 'Literal' && !labels.has(t.language.toLowerCase()))
      labels.set(t.language.toLowerCase(), t.value);
  return pickLabel(labels, wanted) ?? null;
}

/** The resolver of one shape-generated field. */
function fieldResolver(model: GraphqlModel, field: FieldModel): Resolver {
  const value = field.value;
  const classes = value.kind === 'object' ? model.type(value.type).targetClasses : [];
  return (parent: NodeRef, args: Record<string, unknown>) => {
    const terms = [...parent.graph.values(parent.iri, field.predicate, field.inverse)].sort(byValue);
    let results: unknown[];
    switch (value.kind) {
      case 'scalar':
        if (value.scalar === 'LangString')
          return langValues(terms, field.list, args['lang'] as string | undefined);
        results = terms.map((t) => scalarValue(t, value.scalar)).filter((x) => x !== null);
        break;
      case 'object':
        results = terms
          .filter(
            (t) =>
              t.termType === 'NamedNode' && (field.typed !== true || parent.graph.hasType(t.value, classes)),
          )
          .map((t): NodeRef => ({ iri: t.value, graph: parent.graph }));
        break;
      case 'concept':
        results = terms.filter((t) => t.termType === 'NamedNode').map((t): ConceptRef => ({ iri: t.value }));
        break;
    }
    return field.list ? results : (results[0] ?? null);
  };
}

/** Resolvers of the shape-generated object types, of `Concept`, `ConceptScheme`, and of the closed-scheme enums. */
export function fieldResolvers(
  model: GraphqlModel,
  concepts: ConceptIndex,
): Record<string, Record<string, unknown>> {
  const resolvers: Record<string, Record<string, unknown>> = {};
  for (const type of model.shapes.types) {
    const fields: Record<string, unknown> = { id: (parent: NodeRef) => parent.iri };
    for (const field of type.fields) {
      const resolve = fieldResolver(model, field);
      fields[field.name] = resolve;
      if (model.enumOf(field) !== undefined) {
        fields[codeFieldName(field)] = (parent: NodeRef, args: Record<string, unknown>) => {
          const found = resolve(parent as never, args) as ConceptRef | ConceptRef[] | null;
          const codes = model.enumOf(field)?.values.map((v) => v.iri) ?? [];
          if (Array.isArray(found)) return found.map((c) => c.iri).filter((iri) => codes.includes(iri));
          return found !== null && codes.includes(found.iri) ? found.iri : null;
        };
      }
    }
    resolvers[type.name] = fields;
  }
  resolvers['Concept'] = {
    iri: (c: ConceptRef) => c.iri,
    prefLabel: (c: ConceptRef, args: { lang?: string }) => {
      const found = concepts.concept(c.iri);
      return found ? (pickLabel(found.prefLabels, args.lang) ?? null) : null;
    },
    definition: (c: ConceptRef, args: { lang?: string }) => {
      const found = concepts.concept(c.iri);
      return found ? (pickLabel(found.definitions, args.lang) ?? null) : null;
    },
    notation: (c: ConceptRef) => concepts.concept(c.iri)?.notation ?? null,
    scheme: (c: ConceptRef) => concepts.concept(c.iri)?.schemes[0] ?? null,
  };
  for (const closed of model.enums.values()) {
    resolvers[closed.name] = Object.fromEntries(closed.values.map((v) => [v.name, v.iri]));
  }
  return resolvers;
}
