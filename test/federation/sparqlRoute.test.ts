import assert from 'node:assert/strict';
import { putMinimal, startTestServer, type TestServer } from '../server/testServer.js';
import { startProvider, type Provider } from './providerServer.js';

const TITLE = 'http://purl.org/dc/terms/title';

describe('/sparql?federated=true', function () {
  this.timeout(60_000);
  let server: TestServer;
  let good: Provider;
  let down: Provider;

  before(async () => {
    server = await startTestServer();
    await putMinimal(server);
    good = await startProvider(`<https://good.example.org/tre> <${TITLE}> "Good provider TRE" .`);
    down = await startProvider(`<https://down.example.org/tre> <${TITLE}> "never seen" .`);
    down.mode = 'fail';
  });
  after(async () => {
    await server.close();
    await good.close();
    await down.close();
  });

  it('answers with rows from the local graph and the live source, and reports the failed one', async () => {
    const params = new URLSearchParams({
      query: `SELECT ?tre ?title WHERE { ?tre <${TITLE}> ?title }`,
      federated: 'true',
    });
    params.append('source', good.url);
    params.append('source', down.url);
    const response = await fetch(`${server.url}/sparql?${params}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-tre-atlas-failed-sources'), down.url);
    const body = (await response.json()) as {
      head: { vars: string[] };
      results: { bindings: Array<Record<string, { value: string }>> };
      failures: Array<{ source: string }>;
    };
    assert.ok(body.head.vars.includes('source'));
    const sources = new Set(body.results.bindings.map((b) => b['source']!.value));
    assert.deepEqual([...sources].sort(), ['local', good.url].sort());
    const fromGood = body.results.bindings.filter((b) => b['source']!.value === good.url);
    assert.deepEqual(
      fromGood.map((b) => b['title']!.value),
      ['Good provider TRE'],
    );
    assert.deepEqual(
      body.failures.map((f) => f.source),
      [down.url],
    );
  });

  it('refuses a source that is not an http(s) URL', async () => {
    const params = new URLSearchParams({
      query: 'SELECT * { ?s ?p ?o }',
      federated: 'true',
      source: 'file:///etc/passwd',
    });
    const response = await fetch(`${server.url}/sparql?${params}`);
    assert.equal(response.status, 400);
  });
});
