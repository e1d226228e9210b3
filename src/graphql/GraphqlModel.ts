import { dct, foaf, org, tre } from '../namespaces.js';
import type { ConceptIndex } from './ConceptIndex.js';
import { pickLabel } from './ConceptIndex.js';
import { enumValueName, localName, pascalCase } from './naming.js';
import type { Step } from './sparqlAst.js';
import type { FieldModel, ShapeModel, TypeModel } from './ShapeModel.js';

/** A GraphQL enum for a closed concept scheme; its values' internal values are the concept IRIs. */
export interface ClosedEnum {
  name: string;
  scheme: string;
  description?: string;
  values: Array<{ name: string; iri: string; description?: string }>;
}

/** A facet of a listing: counts of the values reached from each listed node by `steps`. */
export interface FacetSpec {
  name: string;
  steps: Step[];
}

/** A root listing (`tres`, `operators`, `federations`): nodes of a type, filtered, ordered and paged. */
export interface Listing {
  /** Root field of the connection. */
  field: string;
  /** Root field that fetches one node by id, if any. */
  single?: string;
  type: TypeModel;
  /** Nodes typed with one of these classes are listed ... */
  classes: string[];
  /** ... unless they are typed with one of these. */
  excludeClasses: string[];
  facets: FacetSpec[];
}

/** Extra fields not stated by one property shape: inverse relations and typed views of IRI fields. */
interface Relation {
  on: string;
  name: string;
  description: string;
  predicate: string;
  inverse: boolean;
  target: string;
  list: boolean;
}

const relations: readonly Relation[] = [
  {
    on: tre('Federation'),
    name: 'memberships',
    description: 'Memberships in this federation (of TREs and of organisations).',
    predicate: org('organization'),
    inverse: true,
    target: tre('FederationMembership'),
    list: true,
  },
  {
    on: tre('FederationMembership'),
    name: 'memberTre',
    description: 'The member, when it is a TRE.',
    predicate: org('member'),
    inverse: false,
    target: tre('TrustedResearchEnvironment'),
    list: false,
  },
  {
    on: tre('FederationMembership'),
    name: 'memberOrganization',
    description: 'The member, when it is an organisation.',
    predicate: org('member'),
    inverse: false,
    target: org('Organization'),
    list: false,
  },
  {
    on: org('Organization'),
    name: 'operates',
    description: 'The TREs this organisation publishes (operates).',
    predicate: dct('publisher'),
    inverse: true,
    target: tre('TrustedResearchEnvironment'),
    list: true,
  },
];

const listingSpecs = [
  {
    field: 'tres',
    single: 'tre',
    cls: tre('TrustedResearchEnvironment'),
    exclude: [] as string[],
    facets: true,
  },
  {
    field: 'operators',
    single: 'operator',
    cls: org('Organization'),
    exclude: [tre('Federation')],
    facets: false,
  },
  { field: 'federations', single: 'federation', cls: tre('Federation'), exclude: [], facets: false },
];

/** Facets of the TRE listing, as paths of field names of the shapes. */
const treFacets: ReadonlyArray<{ name: string; fields: string[] }> = [
  { name: 'country', fields: ['country'] },
  { name: 'dataCategory', fields: ['dataCategory'] },
  { name: 'certificationStandard', fields: ['certification', 'standard'] },
  { name: 'accessMode', fields: ['accessMode'] },
  { name: 'federation', fields: ['federationMembership', 'federation'] },
];

/** The shape model plus what the GraphQL layer derives from it: enums, relations, listings and facets. */
export class GraphqlModel {
  readonly types: ReadonlyMap<string, TypeModel>;
  /** Closed-scheme enums by scheme IRI. */
  readonly enums: ReadonlyMap<string, ClosedEnum>;
  readonly listings: readonly Listing[];

  constructor(
    readonly shapes: ShapeModel,
    readonly concepts: ConceptIndex,
  ) {
    this.types = new Map(shapes.types.map((t) => [t.name, t]));
    const enums = new Map<string, ClosedEnum>();
    for (const scheme of concepts.allSchemes().filter((s) => s.closed)) {
      const title = pickLabel(scheme.titles);
      enums.set(scheme.iri, {
        name: pascalCase(localName(scheme.iri)),
        scheme: scheme.iri,
        ...(title ? { description: `${title} (closed concept scheme <${scheme.iri}>).` } : {}),
        values: scheme.concepts.map((c) => {
          const label = pickLabel(c.prefLabels);
          return {
            name: enumValueName(c.notation ?? localName(c.iri)),
            iri: c.iri,
            ...(label ? { description: label } : {}),
          };
        }),
      });
    }
    this.enums = enums;
    for (const r of relations) {
      const on = this.typeOfClass(r.on);
      const target = this.typeOfClass(r.target);
      if (on === undefined || target === undefined || on.fields.some((f) => f.name === r.name)) continue;
      on.fields.push({
        name: r.name,
        description: r.description,
        predicate: r.predicate,
        inverse: r.inverse,
        value: { kind: 'object', type: target.name },
        list: r.list,
        required: false,
        shape: '',
        typed: true,
      });
    }
    this.listings = listingSpecs.flatMap((spec) => {
      const type = this.typeOfClass(spec.cls);
      if (type === undefined) return [];
      const facets = spec.facets ? treFacets.flatMap((f) => this.facet(type, f.name, f.fields)) : [];
      return [
        {
          field: spec.field,
          single: spec.single,
          type,
          classes: [spec.cls],
          excludeClasses: spec.exclude,
          facets,
        },
      ];
    });
  }

  /** The type whose target classes include `cls`. */
  typeOfClass(cls: string): TypeModel | undefined {
    return this.shapes.types.find((t) => t.targetClasses.includes(cls));
  }

  /** The type named `name`; unknown -> throws (a bug). */
  type(name: string): TypeModel {
    const found = this.types.get(name);
    if (found === undefined) throw new Error(`no type ${name}`);
    return found;
  }

  /** The closed-scheme enum of a concept field: set when all its values come from one closed scheme. */
  enumOf(field: FieldModel): ClosedEnum | undefined {
    if (field.value.kind !== 'concept' || field.value.schemes.length !== 1) return undefined;
    return this.enums.get(field.value.schemes[0] ?? '');
  }

  private facet(type: TypeModel, name: string, fields: readonly string[]): FacetSpec[] {
    const steps: Step[] = [];
    let current: TypeModel | undefined = type;
    for (const [i, fieldName] of fields.entries()) {
      const field: FieldModel | undefined = current?.fields.find((f) => f.name === fieldName);
      if (field === undefined) return [];
      steps.push({ predicate: field.predicate, inverse: field.inverse });
      const last = i === fields.length - 1;
      if (!last) current = field.value.kind === 'object' ? this.types.get(field.value.type) : undefined;
    }
    return [{ name, steps }];
  }
}

/** The label predicate used for facet values that are not concepts (federations, organisations). */
export const facetLabelPredicate = foaf('name');
