import type { Command } from 'commander';
import { lazyAction } from '../lazyAction.js';

/** `tre-atlas graphql-schema [--shapes DIR] [--ontology DIR]`. */
export function registerGraphqlSchemaCommand(program: Command): void {
  program
    .command('graphql-schema')
    .description('print the GraphQL schema (SDL) generated from the SHACL shapes')
    .option('--shapes <dir>', 'folder of SHACL shapes (default: the bundled shapes/)')
    .option('--ontology <dir>', 'folder of the ontology and concept schemes (default: the bundled ontology/)')
    .action(lazyAction(() => import('./graphqlSchemaAction.js'), 'graphqlSchemaAction'));
}
