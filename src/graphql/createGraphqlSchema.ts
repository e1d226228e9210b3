import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildSchema, printSchema, type GraphQLSchema } from 'graphql';
import { fileURLToPath } from 'node:url';
import type { GraphStore } from '../store/index.js';
import { buildTypeDefs } from './buildTypeDefs.js';
import { ConceptIndex, pickLabel, type SchemeRecord } from './ConceptIndex.js';
import { fieldResolvers } from './fieldResolvers.js';
import { GraphqlModel } from './GraphqlModel.js';
import { defaultGraphqlLimits, type GraphqlLimits } from './limits.js';
import { listingResolvers } from './listingResolvers.js';
import { loadShapeModel } from './loadShapeModel.js';
import { scalarResolvers } from './scalars.js';
import { writeResolvers, type WriteServices } from './writeResolvers.js';

/** Where the schema comes from. */
export interface GraphqlSourceOptions {
  /** Folder of SHACL shapes; default the bundled `shapes/`. */
  shapesDir?: string | undefined;
  /** Folder of the ontology and concept schemes; default the bundled `ontology/`. */
  ontologyDir?: string | undefined;
}

/** Options of {@link createGraphqlSchema}. */
export interface CreateGraphqlSchemaOptions extends GraphqlSourceOptions, WriteServices {
  store: GraphStore;
  limits?: Partial<GraphqlLimits> | undefined;
  /** Time limit of each store query, in milliseconds; default 10000. */
  queryTimeoutMs?: number | undefined;
}

const bundled = (name: string): string => fileURLToPath(new URL(`../../${name}/`, import.meta.url));

/** Reads the shapes and the vocabularies into the model the schema is generated from. */
export async function loadGraphqlModel(options: GraphqlSourceOptions = {}): Promise<GraphqlModel> {
  const concepts = await ConceptIndex.load(options.ontologyDir ?? bundled('ontology'));
  const shapes = await loadShapeModel({ shapesDir: options.shapesDir ?? bundled('shapes'), concepts });
  return new GraphqlModel(shapes, concepts);
}

/** The SDL of the schema generated from the shapes, in shape order (what the snapshot holds). */
export async function printGraphqlSchema(options: GraphqlSourceOptions = {}): Promise<string> {
  const model = await loadGraphqlModel(options);
  return `${printSchema(buildSchema(buildTypeDefs(model)))}\n`;
}

/** The executable schema: generated type definitions with resolvers reading the store and writing through ingest. */
export async function createGraphqlSchema(
  options: CreateGraphqlSchemaOptions,
): Promise<{ schema: GraphQLSchema; model: GraphqlModel; limits: GraphqlLimits }> {
  const model = await loadGraphqlModel(options);
  const limits: GraphqlLimits = { ...defaultGraphqlLimits, ...options.limits };
  const listings = listingResolvers({
    store: options.store,
    model,
    concepts: model.concepts,
    limits,
    queryTimeoutMs: options.queryTimeoutMs ?? 10_000,
  });
  const writes = writeResolvers(options);
  const conceptRefs = (scheme: SchemeRecord) => scheme.concepts.map((c) => ({ iri: c.iri }));
  const resolvers = {
    ...scalarResolvers,
    ...fieldResolvers(model, model.concepts),
    ...listings.rest,
    RdfFormat: writes.RdfFormat,
    Severity: writes.Severity,
    ConceptScheme: {
      title: (scheme: SchemeRecord, args: { lang?: string }) => pickLabel(scheme.titles, args.lang) ?? null,
      concepts: conceptRefs,
    },
    Query: {
      ...listings.Query,
      ...writes.Query,
      concepts: (_: unknown, args: { scheme: string }) => {
        const scheme = model.concepts.findScheme(args.scheme);
        return scheme ? conceptRefs(scheme) : [];
      },
      conceptSchemes: () => model.concepts.allSchemes(),
    },
    Mutation: writes.Mutation,
  };
  const schema = makeExecutableSchema({ typeDefs: buildTypeDefs(model), resolvers });
  return { schema, model, limits };
}
