import assert from 'node:assert/strict';
import { parseRdf, rdfFormats, serializeRdf } from '../../src/rdf/index.js';
import {
  counts,
  dump,
  harvestSetup,
  only,
  providerDocument,
  sendWithEtag,
  sources,
  startProvider,
  type Provider,
} from './helpers.js';

const A = 'https://provider.example.org/tre/alpha';
const B = 'https://provider.example.org/tre/beta';

describe('harvest: an RDF document', function () {
  this.timeout(60_000);
  let provider: Provider;
  let document = '';
  let setup: Awaited<ReturnType<typeof harvestSetup>>;

  before(async () => {
    provider = await startProvider((request, response) => {
      if (request.url !== '/tres.ttl') return void response.writeHead(404).end();
      sendWithEtag(request, response, document, 'text/turtle; charset=utf-8');
    });
  });
  after(() => provider.close());
  beforeEach(async () => {
    setup = await harvestSetup();
    document = await providerDocument([
      { iri: A, title: 'Alpha TRE' },
      { iri: B, title: 'Beta TRE' },
    ]);
  });
  afterEach(() => setup.close());

  const source = () => sources([{ id: 'uni', type: 'document', url: `${provider.url}/tres.ttl` }]);

  it('stores each TRE and the operator as its own graph, submitted by the harvest activity', async () => {
    const report = await setup.harvester.run(source());
    assert.deepEqual(counts(report), {
      new: 3,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      withdrawn: 0,
      errors: 0,
      complete: true,
    });
    assert.equal(report.ok, true);
    const record = await setup.ingestor.getRecord(A);
    assert.equal(record?.submitter, only(report).activity);
    assert.equal(record?.activity, only(report).activity);
    assert.equal(record?.source, `${provider.url}/tres.ttl`);
    assert.ok((await setup.store.getGraph(B)).length > 10);
    const accept = provider.requests.at(-1)?.headers.accept ?? '';
    assert.match(accept, /^text\/turtle, .*application\/ld\+json;q=0\.9.*application\/rdf\+xml;q=0\.8/);
  });

  it('sends If-None-Match on the next run and rewrites nothing on 304', async () => {
    await setup.harvester.run(source());
    const before = (await dump(setup.store)).filter((l) => !l.includes('/system/'));
    const report = await setup.harvester.run(source());
    assert.match(String(provider.requests.at(-1)?.headers['if-none-match']), /^"\d+-/);
    const r = only(report);
    assert.equal(r.sourceUnchanged, true);
    assert.deepEqual(counts(report), {
      new: 0,
      updated: 0,
      unchanged: 3,
      invalid: 0,
      withdrawn: 0,
      errors: 0,
      complete: true,
    });
    assert.deepEqual(
      (await dump(setup.store)).filter((l) => !l.includes('/system/')),
      before,
    );
    assert.equal((await setup.ingestor.listVersions(A)).length, 1);
  });

  it('replaces a changed description with a new version', async () => {
    await setup.harvester.run(source());
    document = await providerDocument([
      { iri: A, title: 'Alpha TRE, renamed' },
      { iri: B, title: 'Beta TRE' },
    ]);
    const report = await setup.harvester.run(source());
    assert.deepEqual(only(report).updated, [A]);
    assert.equal(only(report).unchanged.length, 2);
    const versions = await setup.ingestor.listVersions(A);
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    );
    const current = await setup.store.getGraph(A);
    assert.ok(current.some((q) => q.object.value === 'Alpha TRE, renamed'));
  });

  it('keeps an invalid description out, with its report, while the previous valid version stays', async () => {
    await setup.harvester.run(source());
    document = await providerDocument([
      { iri: A, title: 'Alpha TRE', omitTitle: true },
      { iri: B, title: 'Beta TRE, renamed' },
    ]);
    const report = await setup.harvester.run(source());
    const r = only(report);
    assert.deepEqual(
      r.invalid.map((i) => i.graph),
      [A],
    );
    const violation = r.invalid[0]?.report.results.find((x) => x.severity === 'Violation');
    assert.equal(violation?.focusNode, A);
    assert.match(violation?.path ?? '', /title/);
    assert.deepEqual(r.updated, [B]);
    assert.equal(r.withdrawn.length, 0);
    const current = await setup.store.getGraph(A);
    assert.ok(current.some((q) => q.object.value === 'Alpha TRE'));
    assert.equal((await setup.ingestor.listVersions(A)).length, 1);
    // still this source's: removing it later withdraws it
    document = await providerDocument([{ iri: B, title: 'Beta TRE, renamed' }]);
    assert.deepEqual(only(await setup.harvester.run(source())).withdrawn, [A]);
  });

  it('withdraws a description the source no longer provides, keeping its history', async () => {
    await setup.harvester.run(source());
    document = await providerDocument([{ iri: A, title: 'Alpha TRE' }]);
    const report = await setup.harvester.run(source());
    assert.deepEqual(only(report).withdrawn, [B]);
    assert.equal(await setup.store.hasGraph(B), false);
    const versions = await setup.ingestor.listVersions(B);
    assert.equal(versions.length, 1);
    assert.equal(versions[0]?.withdrawn, true);
    assert.ok(((await setup.ingestor.getVersion(B, 1)) ?? []).length > 10);
  });

  for (const format of ['rdfxml', 'jsonld', 'ntriples'] as const) {
    it(`reads ${format} by the Content-Type of the answer`, async () => {
      const quads = await parseRdf(document, { format: rdfFormats.turtle });
      const body = await serializeRdf(quads, rdfFormats[format]);
      const other = await startProvider((_request, response) => {
        response.writeHead(200, { 'content-type': `${rdfFormats[format].mediaType}; charset=utf-8` });
        response.end(body);
      });
      try {
        const report = await setup.harvester.run(
          sources([{ id: format, type: 'document', url: `${other.url}/data` }]),
        );
        assert.deepEqual(counts(report), {
          new: 3,
          updated: 0,
          unchanged: 0,
          invalid: 0,
          withdrawn: 0,
          errors: 0,
          complete: true,
        });
      } finally {
        await other.close();
      }
    });
  }
});
