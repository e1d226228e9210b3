import { printGraphqlSchema } from '../../graphql/index.js';

/** Options of `tre-atlas graphql-schema`. */
export interface GraphqlSchemaFlags {
  shapes?: string;
  ontology?: string;
}

/** Prints the SDL of the GraphQL schema generated from the shapes. */
export async function graphqlSchemaAction(flags: GraphqlSchemaFlags): Promise<void> {
  const sdl = await printGraphqlSchema({ shapesDir: flags.shapes, ontologyDir: flags.ontology });
  process.stdout.write(sdl);
}
