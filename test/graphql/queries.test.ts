import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acquireShared, gql, releaseShared, type Harness } from './graphqlHarness.js';

/**
 * Discovery queries over data/ (plus four synthetic TREs in test/fixtures/graphql/extra), one folder per case:
 * query.graphql, optional variables.json, expected.json (the whole response body).
 * UPDATE_GRAPHQL_FIXTURES=1 rewrites expected.json (review the diff before committing).
 */
const dir = 'test/fixtures/graphql/queries';
const cases = readdirSync(dir).sort();

describe('GraphQL discovery queries (fixtures)', function () {
  let h: Harness;
  before(async () => {
    h = await acquireShared();
  });
  after(() => releaseShared());

  for (const name of cases) {
    it(name, async () => {
      const query = readFileSync(join(dir, name, 'query.graphql'), 'utf8');
      const variablesFile = join(dir, name, 'variables.json');
      const variables = existsSync(variablesFile)
        ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown>)
        : {};
      const { status, body } = await gql(h.yoga, query, variables);
      const expectedFile = join(dir, name, 'expected.json');
      if (process.env['UPDATE_GRAPHQL_FIXTURES'])
        writeFileSync(expectedFile, `${JSON.stringify(body, null, 2)}\n`);
      assert.equal(status, 200);
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.deepEqual(body, JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
