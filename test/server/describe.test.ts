import assert from 'node:assert/strict';
import { dct } from '../../src/namespaces.js';
import { fixture, iris, parseResponse, putMinimal, startTestServer, type TestServer } from './testServer.js';

describe('dereferenceable descriptions', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await putMinimal(server);
  });
  after(async () => server.close());

  it('answers GET /id/tre/minimal with the graph of https://w3id.org/tre-atlas/id/tre/minimal in Turtle', async () => {
    const response = await fetch(`${server.url}/id/tre/minimal`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/turtle/);
    assert.match(response.headers.get('vary') ?? '', /Accept/);
    const quads = await parseResponse(response);
    assert.ok(quads.some((q) => q.subject.value === iris.minimal && q.predicate.value === dct('title')));
  });

  for (const mediaType of ['application/ld+json', 'application/rdf+xml', 'application/n-triples']) {
    it(`answers with ${mediaType} by Accept`, async () => {
      const response = await fetch(`${server.url}/id/tre/minimal`, { headers: { accept: mediaType } });
      assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType);
      const quads = await parseResponse(response);
      assert.ok(
        quads.some((q) => q.subject.value === iris.minimal && q.predicate.value === dct('publisher')),
      );
    });
  }

  it('gives a browser asking for HTML the Turtle as plain text', async () => {
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const response = await fetch(`${server.url}/id/tre/minimal`, { headers: { accept } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    const quads = await parseResponse(response);
    assert.ok(quads.some((q) => q.subject.value === iris.minimal));
  });

  it('serves descriptions named under the server’s own base URL', async () => {
    const own = `${server.url}/id/tre/local`;
    const turtle = (await fixture('minimal.ttl')).replaceAll(iris.minimal, own);
    const put = await fetch(`${server.url}/graphs?graph=${encodeURIComponent(own)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/turtle' },
      body: turtle,
    });
    assert.equal(put.status, 201);
    const response = await fetch(own);
    assert.equal(response.status, 200);
    const quads = await parseResponse(response);
    assert.ok(quads.some((q) => q.subject.value === own && q.predicate.value === dct('title')));
  });

  it('answers 404 for an unknown path, and never serves system graphs', async () => {
    const unknown = await fetch(`${server.url}/id/tre/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.match(
      ((await unknown.json()) as { message: string }).message,
      /no description at \/id\/tre\/nothing-here/,
    );
    assert.equal((await fetch(`${server.url}/system/meta`)).status, 404);
  });

  it('answers 406 when no format is acceptable', async () => {
    const response = await fetch(`${server.url}/id/tre/minimal`, { headers: { accept: 'image/png' } });
    assert.equal(response.status, 406);
  });
});
