/**
 * Regenerates the committed GraphQL schema snapshot `src/graphql/schema.graphql` from `shapes/` and `ontology/`,
 * formatted by prettier like every other file. Run after changing the shapes: `npm run graphql:schema`.
 * `test/graphql/schemaSnapshot.test.ts` fails while the snapshot is out of date.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { printGraphqlSchema } from '../src/graphql/index.js';

const target = fileURLToPath(new URL('../src/graphql/schema.graphql', import.meta.url));
await writeFile(
  target,
  await format(await printGraphqlSchema(), { ...(await resolveConfig(target)), filepath: target }),
  'utf8',
);
process.stdout.write(`wrote ${target}\n`);
