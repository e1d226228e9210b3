import { commonTypeDefs } from './commonTypeDefs.js';
import type { GraphqlModel, Listing } from './GraphqlModel.js';
import { enumValueName } from './naming.js';
import { searchPredicatesOf } from './sparqlFilter.js';
import type { FieldModel, TypeModel } from './ShapeModel.js';

const doc = (text: string | undefined, indent = ''): string =>
  text === undefined ? '' : `${indent}${JSON.stringify(text)}\n`;

const wrap = (base: string, list: boolean, required: boolean): string =>
  list ? `[${base}!]!` : required ? `${base}!` : base;

/** The fields a type can be ordered by: single-valued text, IRI and date fields. */
export function orderableFields(type: TypeModel): FieldModel[] {
  return type.fields.filter(
    (f) =>
      !f.list &&
      !f.inverse &&
      f.value.kind === 'scalar' &&
      ['String', 'LangString', 'IRI', 'Date', 'DateTime'].includes(f.value.scalar),
  );
}

/** Name of the `Code` sibling of a closed-scheme concept field. */
export const codeFieldName = (field: FieldModel): string => `${field.name}Code`;

function fieldSdl(model: GraphqlModel, field: FieldModel): string {
  const description = doc(field.description, '  ');
  const required = field.required && !field.typed;
  const value = field.value;
  switch (value.kind) {
    case 'scalar': {
      if (value.scalar === 'LangString') {
        const hint = field.list
          ? 'only values in lang when given'
          : 'the value in lang, else English, else any';
        return `${description}  ${field.name}("BCP 47 language tag: ${hint}." lang: String): ${wrap('String', field.list, required)}\n`;
      }
      return `${description}  ${field.name}: ${wrap(value.scalar, field.list, required)}\n`;
    }
    case 'object':
      return `${description}  ${field.name}: ${wrap(value.type, field.list, required)}\n`;
    case 'concept': {
      const closed = model.enumOf(field);
      const code =
        closed === undefined
          ? ''
          : `  ${JSON.stringify(`${field.name} as a ${closed.name} code.`)}\n  ${codeFieldName(field)}: ${wrap(closed.name, field.list, required)}\n`;
      return `${description}  ${field.name}: ${wrap('Concept', field.list, required)}\n${code}`;
    }
  }
}

function filterFieldSdl(model: GraphqlModel, field: FieldModel): string {
  const value = field.value;
  let input: string;
  switch (value.kind) {
    case 'object':
      input = `${value.type}Filter`;
      break;
    case 'concept':
      input = model.enumOf(field) === undefined ? 'IriFilter' : `${model.enumOf(field)?.name}Filter`;
      break;
    case 'scalar':
      input = {
        IRI: 'IriFilter',
        Boolean: 'Boolean',
        Int: 'IntFilter',
        Float: 'IntFilter',
        Date: 'DateRange',
        DateTime: 'DateRange',
        String: 'TextFilter',
        LangString: 'TextFilter',
      }[value.scalar];
      break;
  }
  return `  ${field.name}: ${input}\n`;
}

function typeSdl(model: GraphqlModel, type: TypeModel): string {
  const fields = type.fields.map((f) => fieldSdl(model, f)).join('');
  const search = searchPredicatesOf(type).length
    ? `  ${JSON.stringify(
        `Every word must occur, case-insensitively, in one of: ${type.fields
          .filter((f) => searchPredicatesOf(type).includes(f.predicate))
          .map((f) => f.name)
          .join(', ')}.`,
      )}\n  search: String\n`
    : '';
  return (
    `${doc(type.description)}type ${type.name} {\n  "The IRI of the node."\n  id: ID!\n${fields}}\n\n` +
    `"Filter on ${type.name}: all given conditions must hold; a condition on a list field holds when one value matches."\n` +
    `input ${type.name}Filter {\n  id: IriFilter\n${type.fields.map((f) => filterFieldSdl(model, f)).join('')}${search}` +
    `  and: [${type.name}Filter!]\n  or: [${type.name}Filter!]\n  not: ${type.name}Filter\n}\n\n`
  );
}

function listingSdl(listing: Listing): string {
  const name = listing.type.name;
  const fields = ['ID', ...orderableFields(listing.type).map((f) => enumValueName(f.name))];
  const facets = listing.facets.length
    ? `  "Counts per value over the whole filtered set."\n  facets: ${name}Facets!\n`
    : '';
  const facetType = listing.facets.length
    ? `type ${name}Facets {\n${listing.facets.map((f) => `  ${f.name}: [FacetBucket!]!\n`).join('')}}\n\n`
    : '';
  return (
    `enum ${name}OrderField {\n${fields.map((f) => `  ${f}\n`).join('')}}\n\n` +
    `"Order by a field (min over its values), ties broken by IRI."\ninput ${name}Order {\n  field: ${name}OrderField!\n  direction: OrderDirection = ASC\n}\n\n` +
    `type ${name}Edge {\n  cursor: String!\n  node: ${name}!\n}\n\n` +
    `type ${name}Connection {\n  "Size of the whole filtered set."\n  totalCount: Int!\n  edges: [${name}Edge!]!\n  nodes: [${name}!]!\n  pageInfo: PageInfo!\n${facets}}\n\n` +
    facetType
  );
}

function rootSdl(model: GraphqlModel): string {
  const listings = model.listings
    .map((l) => {
      const name = l.type.name;
      const single = l.single
        ? `  "One ${name} by IRI; null when unknown."\n  ${l.single}(id: ID!): ${name}\n`
        : '';
      return `${single}  ${l.field}(filter: ${name}Filter, orderBy: ${name}Order, first: Int, after: String): ${name}Connection!\n`;
    })
    .join('');
  return (
    `type Query {\n${listings}` +
    `  "Concepts of a scheme, by IRI or short name (access-mode)."\n  concepts(scheme: ID!): [Concept!]!\n` +
    `  conceptSchemes: [ConceptScheme!]!\n` +
    `  "Validates a description as a write would, storing nothing."\n  validate(document: String!, format: RdfFormat = TURTLE): ValidationReport!\n}\n\n` +
    `type Mutation {\n  "Stores or replaces a description (bearer token; a provider may write only its own TREs)."\n` +
    `  upsertDescription(document: String!, format: RdfFormat = TURTLE): UpsertDescriptionPayload!\n` +
    `  "Withdraws a description by graph IRI (bearer token; a provider only its own)."\n  deleteDescription(id: ID!): DeleteDescriptionPayload!\n}\n`
  );
}

function enumSdl(model: GraphqlModel): string {
  return [...model.enums.values()]
    .map(
      (e) =>
        `${doc(e.description)}enum ${e.name} {\n${e.values.map((v) => `${doc(v.description, '  ')}  ${v.name}\n`).join('')}}\n\n` +
        `input ${e.name}Filter {\n  eq: ${e.name}\n  in: [${e.name}!]\n  all: [${e.name}!]\n}\n\n`,
    )
    .join('');
}

/** The SDL of the whole schema: common types, closed-scheme enums, one type per shape, listings, roots. */
export function buildTypeDefs(model: GraphqlModel): string {
  return [
    commonTypeDefs,
    enumSdl(model),
    ...model.shapes.types.map((t) => typeSdl(model, t)),
    ...model.listings.map(listingSdl),
    rootSdl(model),
  ].join('\n');
}
