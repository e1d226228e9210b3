import assert from 'node:assert/strict';
import { AtlasError } from '../../src/errors.js';
import type { GraphStore } from '../../src/store/index.js';
import { acquireShared, CountingStore, gql, releaseShared, type Harness } from './graphqlHarness.js';

/** A store whose queries fail with `error`. */
class FailingStore extends CountingStore {
  constructor(
    inner: GraphStore,
    private readonly error: Error,
  ) {
    super(inner);
  }
  override query(): never {
    throw this.error;
  }
}

const deep = `{ tres(first: 1) { nodes { federationMembership { federation { memberships { memberTre {
  publisher { operates { certification { standard { notation } } } } } } } } } } }`;

describe('GraphQL limits and errors', function () {
  let h: Harness;
  before(async () => {
    h = await acquireShared();
  });
  after(() => releaseShared());

  const code = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    body.errors?.[0]?.extensions?.['code'];

  it('refuses a query deeper than maxDepth (QUERY_TOO_DEEP), configurable', async () => {
    const { body } = await gql(h.yoga, deep);
    assert.equal(code(body), 'QUERY_TOO_DEEP');
    assert.match(body.errors?.[0]?.message ?? '', /depth 11 exceeds the limit of 10/);
    const shallow = await h.makeYoga({ limits: { maxDepth: 2 } });
    const refused = await gql(shallow, '{ tres { nodes { publisher { name } } } }');
    assert.equal(code(refused.body), 'QUERY_TOO_DEEP');
    const allowed = await gql(shallow, '{ tres { totalCount } }');
    assert.equal(allowed.body.errors, undefined);
  });

  it('does not count introspection against the depth limit (GraphiQL works)', async () => {
    const shallow = await h.makeYoga({ limits: { maxDepth: 2 } });
    const { body } = await gql(
      shallow,
      '{ __schema { types { name fields { name type { ofType { ofType { name } } } } } } }',
    );
    assert.equal(body.errors, undefined);
  });

  it('refuses a query costing more than maxCost (QUERY_TOO_COSTLY), configurable', async () => {
    const cheap = await h.makeYoga({ limits: { maxCost: 500 } });
    const { body } = await gql(
      cheap,
      '{ tres(first: 100) { nodes { id title certification { standard { notation } } } } }',
    );
    assert.equal(code(body), 'QUERY_TOO_COSTLY');
    assert.match(body.errors?.[0]?.message ?? '', /cost \d+ exceeds the limit of 500/);
    const ok = await gql(cheap, '{ tres(first: 10) { nodes { id title } } }');
    assert.equal(ok.body.errors, undefined);
  });

  it('refuses a page larger than maxPageSize (PAGE_SIZE_EXCEEDED), also through variables', async () => {
    const { body } = await gql(h.yoga, '{ tres(first: 101) { totalCount } }');
    assert.equal(code(body), 'PAGE_SIZE_EXCEEDED');
    const small = await h.makeYoga({ limits: { maxPageSize: 5 } });
    const viaVariable = await gql(small, 'query($n: Int) { tres(first: $n) { totalCount } }', { n: 6 });
    assert.equal(code(viaVariable.body), 'PAGE_SIZE_EXCEEDED');
    assert.match(viaVariable.body.errors?.[0]?.message ?? '', /between 0 and 5/);
    const negative = await gql(h.yoga, '{ tres(first: -1) { totalCount } }');
    assert.equal(code(negative.body), 'PAGE_SIZE_EXCEEDED');
  });

  it('answers malformed queries with parse and validation errors', async () => {
    const syntax = await gql(h.yoga, '{ tres { nodes { id }');
    assert.equal(code(syntax.body), 'GRAPHQL_PARSE_FAILED');
    const unknown = await gql(h.yoga, '{ tres { nodes { colour } } }');
    assert.equal(code(unknown.body), 'GRAPHQL_VALIDATION_FAILED');
    assert.match(unknown.body.errors?.[0]?.message ?? '', /colour/);
    const badEnum = await gql(
      h.yoga,
      '{ tres(filter: { outputControl: { eq: SOMETIMES } }) { totalCount } }',
    );
    assert.equal(code(badEnum.body), 'GRAPHQL_VALIDATION_FAILED');
    const badDate = await gql(
      h.yoga,
      '{ tres(filter: { modified: { from: "last tuesday" } }) { totalCount } }',
    );
    assert.equal(code(badDate.body), 'BAD_USER_INPUT');
    assert.match(badDate.body.errors?.[0]?.message ?? '', /DateTime cannot represent "last tuesday"/);
  });

  it('refuses IRIs that are not absolute or would break out of the query (BAD_USER_INPUT)', async () => {
    const id = await gql(h.yoga, '{ tre(id: "not an iri") { id } }');
    assert.equal(code(id.body), 'BAD_USER_INPUT');
    const injection = await gql(
      h.yoga,
      '{ tres(filter: { country: { eq: "http://x/> } ; DROP ALL ; <y" } }) { totalCount } }',
    );
    assert.equal(code(injection.body), 'BAD_USER_INPUT');
    const quotes = await gql(h.yoga, '{ tres(filter: { search: "\\" ) } } DROP ALL #" }) { totalCount } }');
    assert.deepEqual(quotes.body, { data: { tres: { totalCount: 0 } } });
  });

  it('masks internal errors and reports time-outs with a code', async () => {
    const broken = await h.makeYoga({
      store: new FailingStore(h.store, new Error('disk /secret/path exploded')),
    });
    const { body } = await gql(broken, '{ tres { totalCount } }');
    assert.equal(code(body), 'INTERNAL_SERVER_ERROR');
    assert.equal(body.errors?.[0]?.message, 'Unexpected error.');
    assert.doesNotMatch(JSON.stringify(body), /secret/);
    const slow = await h.makeYoga({
      store: new FailingStore(h.store, new AtlasError('TIMEOUT', 'query took longer than 10000 ms')),
    });
    const timedOut = await gql(slow, '{ tres { totalCount } }');
    assert.equal(code(timedOut.body), 'TIMEOUT');
  });
});
