import type { Term } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import { rdf, rdfs, sh, skos, xsd } from '../namespaces.js';
import type { ConceptIndex } from './ConceptIndex.js';
import { camelCase, isGraphqlName, localName, pascalCase } from './naming.js';
import { QuadIndex } from './QuadIndex.js';
import { readRdfFolder } from './readRdfFolder.js';
import type { FieldModel, FieldValue, ScalarKind, ShapeModel, TypeModel } from './ShapeModel.js';

/** Options of {@link loadShapeModel}. */
export interface LoadShapeModelOptions {
  /** The folder of shapes (`core.ttl`, `recommended.ttl`, `ehds.ttl`, and any other RDF file). */
  shapesDir: string;
  /** Concepts and schemes, to type `sh:in` lists and find closed schemes. */
  concepts: ConceptIndex;
  /** Files whose violations the write path enforces: only their `sh:minCount` makes a field non-null. */
  enforcedFiles?: readonly string[];
}

const layerOrder = ['core.ttl', 'recommended.ttl', 'ehds.ttl'];

function byLayer(a: string, b: string): number {
  const rank = (name: string): number => {
    const i = layerOrder.indexOf(name);
    return i === -1 ? layerOrder.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

const datatypeScalars: Readonly<Record<string, ScalarKind>> = {
  [rdf('langString')]: 'LangString',
  [xsd('string')]: 'String',
  [xsd('boolean')]: 'Boolean',
  [xsd('integer')]: 'Int',
  [xsd('int')]: 'Int',
  [xsd('long')]: 'Int',
  [xsd('short')]: 'Int',
  [xsd('nonNegativeInteger')]: 'Int',
  [xsd('positiveInteger')]: 'Int',
  [xsd('decimal')]: 'Float',
  [xsd('double')]: 'Float',
  [xsd('float')]: 'Float',
  [xsd('date')]: 'Date',
  [xsd('dateTime')]: 'DateTime',
  [xsd('dateTimeStamp')]: 'DateTime',
  [xsd('anyURI')]: 'IRI',
};

function scalarOf(datatypes: readonly string[]): ScalarKind {
  const kinds = [...new Set(datatypes.map((d) => datatypeScalars[d] ?? 'String'))];
  if (kinds.length === 1) return kinds[0] ?? 'String';
  if (kinds.every((k) => k === 'Date' || k === 'DateTime')) return 'DateTime';
  return 'String';
}

function english(terms: readonly Term[]): string | undefined {
  const literals = terms.filter((t) => t.termType === 'Literal');
  const found = literals.find((t) => t.termType === 'Literal' && (t.language === 'en' || t.language === ''));
  return (found ?? literals[0])?.value;
}

/**
 * Reads the shapes folder into a {@link ShapeModel}: one type per group of node shapes sharing a target class, one
 * field per property shape path. Fails fast (`AtlasError('USAGE')`) when a type name is not a GraphQL name.
 */
export async function loadShapeModel(options: LoadShapeModelOptions): Promise<ShapeModel> {
  const files = await readRdfFolder(options.shapesDir, byLayer);
  const enforced = new Set(options.enforcedFiles ?? ['core.ttl']);
  const index = new QuadIndex(files.flatMap((f) => f.quads));
  const fileOf = new Map<string, string>();
  for (const file of files) {
    for (const q of file.quads) if (!fileOf.has(q.subject.value)) fileOf.set(q.subject.value, file.name);
  }
  const nodeShapes = [...new Set(files.flatMap((f) => f.quads))]
    .filter((q) => q.predicate.value === sh('targetClass') && q.subject.termType === 'NamedNode')
    .map((q) => q.subject.value)
    .filter((iri, i, all) => all.indexOf(iri) === i);

  const types: TypeModel[] = [];
  const typeOfClass = new Map<string, TypeModel>();
  for (const shape of nodeShapes) {
    const classes = index.objects(shape, sh('targetClass')).map((t) => t.value);
    const existing = classes.map((c) => typeOfClass.get(c)).find((t) => t !== undefined);
    const type = existing ?? newType(shape, index);
    if (existing === undefined) types.push(type);
    else type.shapes.push(shape);
    for (const c of classes) {
      if (!type.targetClasses.includes(c)) type.targetClasses.push(c);
      if (!typeOfClass.has(c)) typeOfClass.set(c, type);
    }
  }

  const schemeOfShape = (shape: string): string | undefined => {
    for (const p of index.objects(shape, sh('property'))) {
      if (index.one(p.value, sh('path'))?.value !== skos('inScheme')) continue;
      const value = index.one(p.value, sh('hasValue'));
      if (value?.termType === 'NamedNode') return value.value;
    }
    return undefined;
  };

  const valueOf = (ps: string): FieldValue => {
    const datatypes = [
      ...index.objects(ps, sh('datatype')),
      ...index
        .list(index.one(ps, sh('or')), rdf('first'), rdf('rest'), rdf('nil'))
        .flatMap((m) => index.objects(m.value, sh('datatype'))),
    ].map((t) => t.value);
    if (datatypes.length > 0) return { kind: 'scalar', scalar: scalarOf(datatypes) };
    const inList = index.list(index.one(ps, sh('in')), rdf('first'), rdf('rest'), rdf('nil'));
    if (inList.length > 0) {
      if (inList.every((t) => t.termType === 'NamedNode')) {
        const values = inList.map((t) => t.value);
        const schemes = [...new Set(values.flatMap((v) => options.concepts.concept(v)?.schemes ?? []))];
        return { kind: 'concept', schemes, values };
      }
      const types = inList.map((t) => (t.termType === 'Literal' ? t.datatype.value : xsd('string')));
      return { kind: 'scalar', scalar: scalarOf(types) };
    }
    const classes = index.objects(ps, sh('class')).map((t) => t.value);
    const objectType = classes.map((c) => typeOfClass.get(c)).find((t) => t !== undefined);
    if (objectType !== undefined) return { kind: 'object', type: objectType.name };
    const nodes = [
      ...index.objects(ps, sh('node')),
      ...index.list(index.one(ps, sh('or')), rdf('first'), rdf('rest'), rdf('nil')),
    ].map((t) => t.value);
    const schemes = nodes.map(schemeOfShape).filter((s): s is string => s !== undefined);
    if (schemes.length > 0 || classes.includes(skos('Concept'))) {
      const values = schemes.flatMap((s) => options.concepts.scheme(s)?.concepts.map((c) => c.iri) ?? []);
      return { kind: 'concept', schemes, values };
    }
    const nodeType = nodes
      .flatMap((n) => index.objects(n, sh('targetClass')).map((t) => typeOfClass.get(t.value)))
      .find((t) => t !== undefined);
    if (nodeType !== undefined) return { kind: 'object', type: nodeType.name };
    const nodeKind = index.one(ps, sh('nodeKind'))?.value;
    if (nodeKind === sh('Literal')) return { kind: 'scalar', scalar: 'LangString' };
    if (nodeKind !== undefined || classes.length > 0) return { kind: 'scalar', scalar: 'IRI' };
    if (index.one(ps, sh('hasValue'))?.termType === 'NamedNode') return { kind: 'scalar', scalar: 'IRI' };
    return { kind: 'scalar', scalar: 'String' };
  };

  for (const type of types) {
    const propertyShapes = type.shapes.flatMap((s) => index.objects(s, sh('property')).map((t) => t.value));
    for (const ps of propertyShapes) {
      const field = fieldOf(ps, index, valueOf, enforced.has(fileOf.get(ps) ?? ''));
      if (field !== undefined) addField(type, field);
    }
  }
  return { types };
}

function newType(shape: string, index: QuadIndex): TypeModel {
  const label = english(index.objects(shape, rdfs('label')));
  const name = isGraphqlName(localName(shape)) ? localName(shape) : pascalCase(label ?? localName(shape));
  if (!isGraphqlName(name)) {
    throw new AtlasError('USAGE', `node shape <${shape}>: cannot derive a GraphQL type name from it`, {
      context: { shape },
    });
  }
  const description = english(index.objects(shape, rdfs('comment'))) ?? label;
  return { name, ...(description ? { description } : {}), shapes: [shape], targetClasses: [], fields: [] };
}

function fieldOf(
  ps: string,
  index: QuadIndex,
  valueOf: (ps: string) => FieldValue,
  enforced: boolean,
): FieldModel | undefined {
  const path = index.one(ps, sh('path'));
  if (path === undefined) return undefined;
  const inversePath = path.termType === 'BlankNode' ? index.one(path.value, sh('inversePath')) : undefined;
  const predicate = path.termType === 'NamedNode' ? path.value : inversePath?.value;
  if (predicate === undefined || (inversePath !== undefined && inversePath.termType !== 'NamedNode')) {
    return undefined;
  }
  const value = valueOf(ps);
  const number = (p: string): number | undefined => {
    const t = index.one(ps, p);
    return t === undefined ? undefined : Number(t.value);
  };
  const severity = index.one(ps, sh('severity'))?.value ?? sh('Violation');
  const uniqueLang = index.one(ps, sh('uniqueLang'))?.value === 'true';
  const single =
    number(sh('maxCount')) === 1 || (value.kind === 'scalar' && value.scalar === 'LangString' && uniqueLang);
  const description = english(index.objects(ps, sh('description')));
  const label = english(index.objects(ps, sh('name'))) ?? localName(predicate);
  return {
    name: camelCase(label),
    ...(description ? { description } : {}),
    predicate,
    inverse: inversePath !== undefined,
    value,
    list: !single,
    required: enforced && severity === sh('Violation') && (number(sh('minCount')) ?? 0) >= 1,
    shape: ps,
  };
}

const reserved = new Set(['id', '__typename']);

function addField(type: TypeModel, field: FieldModel): void {
  const same = type.fields.find((f) => f.predicate === field.predicate && f.inverse === field.inverse);
  if (same !== undefined) {
    same.required ||= field.required;
    same.list &&= field.list;
    return;
  }
  let name = field.name;
  if (!isGraphqlName(name) || reserved.has(name) || type.fields.some((f) => f.name === name)) {
    name = `${isGraphqlName(name) ? name : 'value'}${pascalCase(localName(field.predicate))}`;
  }
  if (type.fields.some((f) => f.name === name)) return;
  type.fields.push({ ...field, name });
}
