import assert from 'node:assert/strict';
import { gql, providers, startHarness, type Harness } from './graphqlHarness.js';
import { treIri, treTurtle } from './syntheticTre.js';

const upsert = `mutation($document: String!, $format: RdfFormat) {
  upsertDescription(document: $document, format: $format) {
    stored id version unchanged
    report { conforms results { severity focusNode path message shape constraint } }
  }
}`;
const remove = 'mutation($id: ID!) { deleteDescription(id: $id) { id deleted } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const uioTre = treTurtle({
  slug: 'uio-new',
  title: 'UiO new TRE',
  publisher: providers.uio,
  country: 'NOR',
  dataCategories: ['HealthRecords'],
});

describe('GraphQL mutations: tokens, ownership, SHACL', function () {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const exists = async (iri: string): Promise<unknown> =>
    (await gql(h.yoga, `{ tre(id: "${iri}") { id title } }`)).body.data?.['tre'] as unknown;

  it('refuses a write without a token, or with an unknown one, and stores nothing', async () => {
    const none = await gql(h.yoga, upsert, { document: uioTre });
    assert.equal(none.body.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.equal(none.body.data, null);
    const unknown = await gql(h.yoga, upsert, { document: uioTre }, bearer('tre_nope'));
    assert.equal(unknown.body.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    const malformed = await gql(h.yoga, upsert, { document: uioTre }, { authorization: 'Basic abc' });
    assert.equal(malformed.body.errors?.[0]?.extensions?.['code'], 'UNAUTHENTICATED');
    assert.equal(await exists(treIri('uio-new')), null);
  });

  it("stores a provider's own description, then reports an unchanged re-submission", async () => {
    const { body } = await gql(h.yoga, upsert, { document: uioTre }, bearer(h.token.uio));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.deepEqual(
      {
        ...body.data?.['upsertDescription'],
        report: { conforms: body.data?.['upsertDescription'].report.conforms },
      },
      { stored: true, id: treIri('uio-new'), version: 1, unchanged: false, report: { conforms: true } },
    );
    assert.deepEqual(await exists(treIri('uio-new')), { id: treIri('uio-new'), title: 'UiO new TRE' });
    const again = await gql(h.yoga, upsert, { document: uioTre }, bearer(h.token.uio));
    assert.equal(again.body.data?.['upsertDescription'].unchanged, true);
  });

  it('refuses an invalid description with typed validation results, storing nothing', async () => {
    const invalid = treTurtle({
      slug: 'uio-invalid',
      title: 'x',
      publisher: providers.uio,
      country: 'NOR',
      dataCategories: ['HealthRecords'],
    })
      .replace(/ {2}dct:title "x"@en ;\n/, '')
      .replace('tre:mfaRequired true', 'tre:mfaRequired "yes"');
    const { body } = await gql(h.yoga, upsert, { document: invalid }, bearer(h.token.uio));
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    const payload = body.data?.['upsertDescription'];
    assert.equal(payload.stored, false);
    assert.equal(payload.report.conforms, false);
    const violations = payload.report.results.filter((r: { severity: string }) => r.severity === 'VIOLATION');
    const title = violations.find((r: { path: string }) => r.path === 'http://purl.org/dc/terms/title');
    assert.deepEqual(title, {
      severity: 'VIOLATION',
      focusNode: treIri('uio-invalid'),
      path: 'http://purl.org/dc/terms/title',
      message: title?.message,
      shape: 'https://w3id.org/tre-atlas/shapes#TRE-title',
      constraint: 'http://www.w3.org/ns/shacl#MinCountConstraintComponent',
    });
    assert.match(title.message, /dct:title/);
    assert.ok(
      violations.some((r: { path: string }) => r.path === 'https://w3id.org/tre-atlas/ns#mfaRequired'),
    );
    assert.equal(await exists(treIri('uio-invalid')), null);
    assert.equal(await h.store.hasGraph(treIri('uio-invalid')), false);
  });

  it("refuses a description of another provider's TRE (FORBIDDEN) and keeps the stored one", async () => {
    const takeover = treTurtle({
      slug: 'uio-new',
      title: 'Taken over',
      publisher: providers.csc,
      country: 'FIN',
      dataCategories: ['HealthRecords'],
    });
    const { body } = await gql(h.yoga, upsert, { document: takeover }, bearer(h.token.other));
    assert.equal(body.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    assert.deepEqual(await exists(treIri('uio-new')), { id: treIri('uio-new'), title: 'UiO new TRE' });
    const notMine = await gql(h.yoga, remove, { id: treIri('uio-new') }, bearer(h.token.other));
    assert.equal(notMine.body.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    assert.ok(await exists(treIri('uio-new')));
  });

  it('lets the owner delete its description; deleting again is NOT_FOUND', async () => {
    const { body } = await gql(h.yoga, remove, { id: treIri('uio-new') }, bearer(h.token.uio));
    assert.deepEqual(body, { data: { deleteDescription: { id: treIri('uio-new'), deleted: true } } });
    assert.equal(await exists(treIri('uio-new')), null);
    const again = await gql(h.yoga, remove, { id: treIri('uio-new') }, bearer(h.token.uio));
    assert.equal(again.body.errors?.[0]?.extensions?.['code'], 'NOT_FOUND');
  });

  it('lets an admin token write any description', async () => {
    const other = treTurtle({
      slug: 'csc-by-admin',
      title: 'CSC TRE',
      publisher: providers.csc,
      country: 'FIN',
      dataCategories: ['GenomicData'],
    });
    const { body } = await gql(h.yoga, upsert, { document: other }, bearer(h.token.admin));
    assert.equal(body.data?.['upsertDescription'].stored, true);
  });

  it('rejects malformed RDF with its location and stores nothing', async () => {
    const { body } = await gql(
      h.yoga,
      upsert,
      { document: '<a> <b> .', format: 'TURTLE' },
      bearer(h.token.uio),
    );
    assert.equal(body.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.match(body.errors?.[0]?.message ?? '', /^document:1:\d+:/);
  });

  it('validates without storing (query validate)', async () => {
    const doc = treTurtle({
      slug: 'only-validated',
      title: 'Only validated',
      publisher: providers.uio,
      country: 'NOR',
      dataCategories: ['HealthRecords'],
    });
    const { body } = await gql(
      h.yoga,
      'query($d: String!) { validate(document: $d) { conforms results { severity } } }',
      { d: doc },
    );
    assert.equal(body.data?.['validate'].conforms, true);
    assert.equal(await h.store.hasGraph(treIri('only-validated')), false);
    const json = JSON.stringify({
      '@id': treIri('only-validated'),
      '@type': 'https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment',
    });
    const invalid = await gql(
      h.yoga,
      'query($d: String!) { validate(document: $d, format: JSONLD) { conforms } }',
      { d: json },
    );
    assert.deepEqual(invalid.body, { data: { validate: { conforms: false } } });
  });
});
