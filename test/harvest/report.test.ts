import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harvestSetup, providerDocument, sources, startProvider, type Provider } from './helpers.js';

const reportsQuery = readFileSync(new URL('../fixtures/harvest/harvest-reports.rq', import.meta.url), 'utf8');
const A = 'https://provider.example.org/tre/alpha';
const B = 'https://provider.example.org/tre/beta';

describe('harvest: reports as PROV activities in the meta graph', function () {
  this.timeout(60_000);
  let provider: Provider;
  let setup: Awaited<ReturnType<typeof harvestSetup>>;
  let valid = '';
  let invalid = '';

  before(async () => {
    valid = await providerDocument([{ iri: A, title: 'Alpha' }]);
    invalid = await providerDocument(
      [{ iri: B, title: 'Beta', omitTitle: true }],
      'https://other.example.org/org',
    );
    provider = await startProvider((request, response) => {
      if (request.url === '/down') return void response.writeHead(503).end();
      response
        .writeHead(200, { 'content-type': 'text/turtle' })
        .end(request.url === '/a.ttl' ? valid : invalid);
    });
    setup = await harvestSetup();
  });
  after(async () => {
    await setup.close();
    await provider.close();
  });

  it('records one run with an activity per source, queryable by SPARQL over the system dataset', async () => {
    const report = await setup.harvester.run(
      sources([
        { id: 'a', type: 'document', url: `${provider.url}/a.ttl` },
        { id: 'b', type: 'document', url: `${provider.url}/b.ttl` },
        { id: 'down', type: 'dcat', url: `${provider.url}/down` },
      ]),
    );
    assert.equal(report.ok, false);
    const result = await setup.store.query(reportsQuery, { dataset: 'system' });
    assert.equal(result.kind, 'bindings');
    if (result.kind !== 'bindings') return;
    const rows = Object.fromEntries(
      result.rows.map((row) => [
        row.id?.value,
        Object.fromEntries(
          ['type', 'source', 'complete', 'fetched', 'new', 'unchanged', 'invalid', 'withdrawn', 'errors'].map(
            (k) => [k, row[k]?.value],
          ),
        ),
      ]),
    );
    assert.deepEqual(rows, {
      a: {
        type: 'document',
        source: `${provider.url}/a.ttl`,
        complete: 'true',
        fetched: '1',
        new: '2',
        unchanged: '0',
        invalid: '0',
        withdrawn: '0',
        errors: '0',
      },
      b: {
        type: 'document',
        source: `${provider.url}/b.ttl`,
        complete: 'true',
        fetched: '1',
        new: '1',
        unchanged: '0',
        invalid: '1',
        withdrawn: '0',
        errors: '0',
      },
      down: {
        type: 'dcat',
        source: `${provider.url}/down`,
        complete: 'false',
        fetched: '0',
        new: '0',
        unchanged: '0',
        invalid: '0',
        withdrawn: '0',
        errors: '1',
      },
    });
    assert.equal(new Set(result.rows.map((r) => r.run?.value)).size, 1);
  });

  it('keeps the SHACL report of a refused description and the error messages', async () => {
    const result = await setup.store.query(
      `PREFIX tre: <https://w3id.org/tre-atlas/ns#>
       PREFIX sh: <http://www.w3.org/ns/shacl#>
       PREFIX foaf: <http://xmlns.com/foaf/0.1/>
       SELECT ?graph ?path ?message ?error WHERE { GRAPH ?g {
         { ?a tre:rejectedDescription ?r . ?r foaf:primaryTopic ?graph ; tre:validationReport ?report .
           ?report sh:result ?res . ?res sh:resultPath ?path ; sh:resultMessage ?message }
         UNION { ?a tre:harvestError ?error }
       } }`,
      { dataset: 'system' },
    );
    assert.equal(result.kind, 'bindings');
    if (result.kind !== 'bindings') return;
    const refused = result.rows.filter((r) => r.graph !== undefined);
    assert.ok(
      refused.some((r) => r.graph?.value === B && r.path?.value === 'http://purl.org/dc/terms/title'),
    );
    const errors = result.rows.filter((r) => r.error !== undefined).map((r) => r.error?.value);
    assert.deepEqual(errors, [`${provider.url}/down: HTTP 503 Service Unavailable`]);
  });
});
