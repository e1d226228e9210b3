import type { Command } from 'commander';
import { printGraphqlSchema } from '../../graphql/index.js';

interface GraphqlSchemaFlags {
  shapes?: string;
  ontology?: string;
}

/** Prints the SDL of the GraphQL schema generated from the shapes. */
async function graphqlSchemaAction(flags: GraphqlSchemaFlags): Promise<void> {
  const sdl = await printGraphqlSchema({ shapesDir: flags.shapes, ontologyDir: flags.ontology });
  process.stdout.write(sdl);
}

/** `tre-atlas graphql-schema [--shapes DIR] [--ontology DIR]`. */
export function registerGraphqlSchemaCommand(program: Command): void {
  program
    .command('graphql-schema')
    .description('print the GraphQL schema (SDL) generated from the SHACL shapes')
    .option('--shapes <dir>', 'folder of SHACL shapes (default: the bundled shapes/)')
    .option('--ontology <dir>', 'folder of the ontology and concept schemes (default: the bundled ontology/)')
    .action(graphqlSchemaAction);
}
