import assert from 'node:assert/strict';
import { dcat } from '../../src/namespaces.js';
import { fixture, iris, parseResponse, putMinimal, startTestServer, type TestServer } from './testServer.js';

describe('description history at /graphs/versions and /graphs/diff', () => {
  let server: TestServer;
  const graph = encodeURIComponent(iris.minimal);

  before(async () => {
    server = await startTestServer();
    await putMinimal(server);
    const second = `${await fixture('minimal.ttl')}\n<${iris.minimal}> <http://www.w3.org/ns/dcat#keyword> "genomics"@en .\n`;
    const response = await fetch(`${server.url}/graphs?graph=${graph}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/turtle' },
      body: second,
    });
    assert.equal(response.status, 204);
  });
  after(async () => server.close());

  it('lists the versions of a description', async () => {
    const response = await fetch(`${server.url}/graphs/versions?graph=${graph}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { graph: string; versions: Array<{ version: number }> };
    assert.equal(body.graph, iris.minimal);
    assert.deepEqual(body.versions.map((v) => v.version).sort(), [1, 2]);
  });

  it('fetches one version by content negotiation', async () => {
    const first = await fetch(`${server.url}/graphs/versions?graph=${graph}&version=1`, {
      headers: { accept: 'application/n-triples' },
    });
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-type') ?? '', /^application\/n-triples/);
    const quads = await parseResponse(first);
    assert.ok(quads.length > 0);
    assert.ok(!quads.some((q) => q.predicate.value === dcat('keyword')), 'version 1 has no keyword');
    const second = await parseResponse(await fetch(`${server.url}/graphs/versions?graph=${graph}&version=2`));
    assert.ok(second.some((q) => q.predicate.value === dcat('keyword')));
  });

  it('diffs two versions as N-Triples lines', async () => {
    const response = await fetch(`${server.url}/graphs/diff?graph=${graph}&from=1&to=2`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { from: number; to: number; added: string[]; removed: string[] };
    assert.equal(body.from, 1);
    assert.equal(body.to, 2);
    assert.deepEqual(body.added, [`<${iris.minimal}> <${dcat('keyword')}> "genomics"@en .`]);
    assert.deepEqual(body.removed, []);
  });

  it('answers 404 for an unknown version or description and 400 for a bad version number', async () => {
    assert.equal((await fetch(`${server.url}/graphs/versions?graph=${graph}&version=9`)).status, 404);
    assert.equal((await fetch(`${server.url}/graphs/diff?graph=${graph}&from=1&to=9`)).status, 404);
    const unknown = encodeURIComponent('https://example.org/none');
    assert.equal((await fetch(`${server.url}/graphs/versions?graph=${unknown}`)).status, 404);
    const bad = await fetch(`${server.url}/graphs/versions?graph=${graph}&version=latest`);
    assert.equal(bad.status, 400);
    assert.match(
      ((await bad.json()) as { message: string }).message,
      /version must be a non-negative integer/,
    );
  });
});
