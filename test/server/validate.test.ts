import assert from 'node:assert/strict';
import { fixture, iris, parseResponse, startTestServer, type TestServer } from './testServer.js';

interface ReportBody {
  conforms: boolean;
  results: Array<{ severity: string; focusNode: string; path?: string }>;
}

describe('POST /validate', () => {
  let server: TestServer;
  const validate = async (body: string, type: string, query = '', accept?: string): Promise<Response> =>
    fetch(`${server.url}/validate${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(accept === undefined ? {} : { accept }) },
      body,
    });

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.close());

  it('answers 200 with conforms true for a valid description, storing nothing', async () => {
    const before = await server.exportLines();
    const response = await validate(await fixture('minimal.ttl'), 'text/turtle');
    assert.equal(response.status, 200);
    const report = (await response.json()) as ReportBody;
    assert.equal(report.conforms, true);
    assert.deepEqual(await server.exportLines(), before);
    assert.equal(await server.store.hasGraph(iris.minimal), false);
  });

  it('answers 200 with conforms false and the violations for an invalid description', async () => {
    const response = await validate(await fixture('invalid.ttl'), 'text/turtle; charset=utf-8');
    assert.equal(response.status, 200);
    const report = (await response.json()) as ReportBody;
    assert.equal(report.conforms, false);
    assert.ok(report.results.some((r) => r.severity === 'Violation' && r.focusNode === iris.minimal));
  });

  it('reads other RDF formats by Content-Type', async () => {
    const turtle = await fixture('minimal.ttl');
    const { parseRdf, rdfFormats, serializeRdf } = await import('../../src/rdf/index.js');
    const quads = await parseRdf(turtle, { format: rdfFormats.turtle });
    const jsonld = await serializeRdf(quads, rdfFormats.jsonld);
    const response = await validate(jsonld, 'application/ld+json');
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as ReportBody).conforms, true);
  });

  it('writes the report as Turtle by Accept', async () => {
    const response = await validate(await fixture('invalid.ttl'), 'text/turtle', '', 'text/turtle');
    assert.equal(response.status, 200);
    const quads = await parseResponse(response);
    assert.ok(quads.some((q) => q.object.value === 'http://www.w3.org/ns/shacl#ValidationReport'));
  });

  it('checks the profile named by ?profile=', async () => {
    const core = (await (
      await validate(await fixture('minimal.ttl'), 'text/turtle', '?profile=core')
    ).json()) as ReportBody;
    assert.ok(!core.results.some((r) => r.severity === 'Warning'), 'core has no warnings');
    const ehds = (await (
      await validate(await fixture('minimal.ttl'), 'text/turtle', '?profile=ehds')
    ).json()) as ReportBody;
    assert.ok(ehds.results.length > core.results.length, 'the ehds profile adds results');
  });

  it('refuses an unknown profile (400), an unknown media type (415) and bad syntax (400)', async () => {
    const profile = await validate(await fixture('minimal.ttl'), 'text/turtle', '?profile=strict');
    assert.equal(profile.status, 400);
    assert.match(((await profile.json()) as { message: string }).message, /unknown profile 'strict'/);
    assert.equal((await validate('x', 'application/pdf')).status, 415);
    const syntax = await validate('<a> <b> .', 'text/turtle');
    assert.equal(syntax.status, 400);
    assert.equal(((await syntax.json()) as { line: number }).line, 1);
  });
});
