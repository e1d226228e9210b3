import assert from 'node:assert/strict';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { gql, startHarness, type Harness } from './graphqlHarness.js';
import { organisationTurtle, treIri, treTurtle, type SyntheticTre } from './syntheticTre.js';

const operator = 'https://w3id.org/tre-atlas/id/org/synthetic-operator';
const countries = ['NOR', 'FIN', 'DEU', 'NLD', 'SWE'];

/** 60 synthetic TREs; titles repeat three times each, so ordering must break ties by IRI. */
function synthetic(i: number): SyntheticTre {
  return {
    slug: `syn-${String(i).padStart(3, '0')}`,
    title: `Synthetic TRE ${String((i * 7) % 20).padStart(2, '0')}`,
    publisher: operator,
    country: countries[i % countries.length] ?? 'NOR',
    dataCategories: i % 2 === 0 ? ['GenomicData'] : ['HealthRecords'],
    standards: ['ISO27001', 'CoreTrustSeal'],
    interfaces: ['tes'],
  };
}

async function ingestTurtle(h: Harness, docs: Array<{ source: string; text: string }>): Promise<void> {
  const parsed = await Promise.all(
    docs.map(async (d) => ({
      source: d.source,
      quads: await parseRdf(d.text, { format: rdfFormats.turtle }),
    })),
  );
  const result = await h.ingestor.ingest(parsed, { submitter: 'test', admin: true });
  assert.ok(result.committed, JSON.stringify(result.documents.map((d) => d.report.results.slice(0, 2))));
}

const nested = `
  id title
  publisher { name country { prefLabel } }
  certification { standard { prefLabel } expires }
  control { safeCode description }
  interface { type { notation } endpointUrl }
`;

async function allPages(h: Harness, orderBy: string, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const { body } = await gql(
      h.yoga,
      `query($after: String) { tres(first: ${size}, orderBy: ${orderBy}, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const connection = body.data?.['tres'];
    ids.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!connection.pageInfo.hasNextPage) return ids;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('GraphQL listings: bounded store queries and cursor paging', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: false });
    await ingestTurtle(h, [
      { source: 'operator.ttl', text: organisationTurtle(operator, 'Synthetic Operator', 'NOR') },
      ...Array.from({ length: 60 }, (_, i) => ({ source: `syn-${i}.ttl`, text: treTurtle(synthetic(i)) })),
    ]);
  });
  after(() => h.close());

  it('lists 50 TREs with nested operator, certifications, controls and interfaces in at most 3 store queries', async () => {
    h.counting.queries = [];
    const { body } = await gql(h.yoga, `{ tres(first: 50) { totalCount nodes { ${nested} } } }`);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.ok(h.counting.queries.length <= 3, `${h.counting.queries.length} queries`);
    const tres = body.data?.['tres'];
    assert.equal(tres.totalCount, 60);
    assert.equal(tres.nodes.length, 50);
    for (const node of tres.nodes) {
      assert.deepEqual(node.publisher, { name: ['Synthetic Operator'], country: { prefLabel: 'Norway' } });
      assert.deepEqual(
        node.certification.map((c: { standard: { prefLabel: string } }) => c.standard.prefLabel).sort(),
        ['CoreTrustSeal', 'ISO/IEC 27001'],
      );
      assert.equal(node.control.length, 2);
      assert.deepEqual(node.interface[0].type, { notation: 'tes' });
    }
  });

  it('adds facets with one more query (at most 3 in all)', async () => {
    h.counting.queries = [];
    const { body } = await gql(
      h.yoga,
      `{ tres(first: 50, filter: { country: { in: ["http://publications.europa.eu/resource/authority/country/NOR", "http://publications.europa.eu/resource/authority/country/FIN"] } }) {
          totalCount facets { country { value count } dataCategory { value count } } nodes { ${nested} } } }`,
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.ok(h.counting.queries.length <= 3, `${h.counting.queries.length} queries`);
    assert.equal(body.data?.['tres'].totalCount, 24);
    assert.deepEqual(body.data?.['tres'].facets.country, [
      { value: 'http://publications.europa.eu/resource/authority/country/FIN', count: 12 },
      { value: 'http://publications.europa.eu/resource/authority/country/NOR', count: 12 },
    ]);
  });

  it('pages by title, ties broken by IRI: the pages joined equal the whole ordered list', async () => {
    const whole = (
      await gql(h.yoga, '{ tres(first: 100, orderBy: { field: TITLE }) { nodes { id title } } }')
    ).body.data?.['tres'].nodes as Array<{ id: string; title: string }>;
    const expected = [...whole].sort((a, b) =>
      a.title === b.title ? (a.id < b.id ? -1 : 1) : a.title < b.title ? -1 : 1,
    );
    assert.deepEqual(whole, expected);
    assert.deepEqual(
      await allPages(h, '{ field: TITLE }', 7),
      whole.map((n) => n.id),
    );
    const descending = await allPages(h, '{ field: TITLE, direction: DESC }', 9);
    assert.equal(new Set(descending).size, 60);
    assert.equal(descending[0], whole.filter((n) => n.title === whole.at(-1)?.title)[0]?.id);
    const byId = await allPages(h, '{ field: ID }', 11);
    assert.deepEqual(byId, [...byId].sort());
  });

  it('stays stable when descriptions are added between pages', async () => {
    const query = `query($after: String) { tres(first: 10, orderBy: { field: TITLE }, after: $after) { nodes { id title } pageInfo { endCursor hasNextPage } } }`;
    const first = (await gql(h.yoga, query, { after: null })).body.data?.['tres'];
    const beforeInsert = (await gql(h.yoga, query, { after: first.pageInfo.endCursor })).body.data?.['tres'];
    await ingestTurtle(h, [
      {
        source: 'early.ttl',
        text: treTurtle({ ...synthetic(100), slug: 'aaa-early', title: 'AAA inserted before the cursor' }),
      },
    ]);
    const afterInsert = (await gql(h.yoga, query, { after: first.pageInfo.endCursor })).body.data?.['tres'];
    assert.deepEqual(
      afterInsert.nodes,
      beforeInsert.nodes,
      'an insert before the cursor does not shift the next page',
    );
    assert.ok(!first.nodes.some((n: { id: string }) => n.id === treIri('aaa-early')));
  });

  it('refuses a malformed cursor and a cursor of another order', async () => {
    const bad = await gql(h.yoga, '{ tres(after: "not-a-cursor") { totalCount } }');
    assert.equal(bad.body.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.match(bad.body.errors?.[0]?.message ?? '', /not a cursor/);
    const byId = await gql(h.yoga, '{ tres(first: 1) { pageInfo { endCursor } } }');
    const cursor = byId.body.data?.['tres'].pageInfo.endCursor as string;
    const other = await gql(h.yoga, `{ tres(orderBy: { field: TITLE }, after: "${cursor}") { totalCount } }`);
    assert.equal(other.body.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
  });
});
