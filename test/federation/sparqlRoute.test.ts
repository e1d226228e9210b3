import assert from 'node:assert/strict';
import { putMinimal, startTestServer, type TestServer } from '../server/testServer.js';
import { startFederationApp, type FederationApp } from './federationApp.js';
import { startProvider, type Provider } from './providerServer.js';

const TITLE = 'http://purl.org/dc/terms/title';
const select = `SELECT ?tre ?title WHERE { ?tre <${TITLE}> ?title }`;

interface FederatedBody {
  head: { vars: string[] };
  results: { bindings: Array<Record<string, { value: string }>> };
  failures: Array<{ source: string; code: string; message: string }>;
  note?: string;
  error?: string;
  message?: string;
}

async function ask(base: string, sources: string[]): Promise<{ status: number; body: FederatedResponse }> {
  const params = new URLSearchParams({ query: select, federated: 'true' });
  for (const s of sources) params.append('source', s);
  const response = await fetch(`${base}/sparql?${params}`);
  return { status: response.status, body: { ...(await response.json()), headers: response.headers } };
}
type FederatedResponse = FederatedBody & { headers: Headers };

const sourcesOf = (body: FederatedBody): string[] =>
  [...new Set(body.results.bindings.map((b) => b['source']!.value))].sort();

describe('/sparql?federated=true', function () {
  this.timeout(60_000);
  let server: TestServer;
  let good: Provider;
  let down: Provider;
  let bait: Provider;
  let app: FederationApp;
  let strict: FederationApp;

  before(async () => {
    server = await startTestServer();
    await putMinimal(server);
    good = await startProvider(`<https://good.example.org/tre> <${TITLE}> "Good provider TRE" .`);
    down = await startProvider(`<https://down.example.org/tre> <${TITLE}> "never seen" .`);
    bait = await startProvider(`<https://bait.example.org/tre> <${TITLE}> "must never be fetched" .`);
    down.mode = 'fail';
    const sources = [
      { id: 'good', url: good.url, type: 'sparql' as const },
      { id: 'down', url: down.url, type: 'sparql' as const },
    ];
    // The providers listen on loopback: this server allows private networks, `strict` does not.
    app = await startFederationApp(server.store, { sources, allowPrivateNetwork: true });
    strict = await startFederationApp(server.store, { sources, allowPrivateNetwork: false });
  });
  after(async () => {
    await app.close();
    await strict.close();
    await server.close();
    await good.close();
    await down.close();
    await bait.close();
  });

  it('queries the local graph and every configured source when no source= is given', async () => {
    const { status, body } = await ask(app.url, []);
    assert.equal(status, 200);
    assert.equal(body.headers.get('x-tre-atlas-failed-sources'), down.url);
    assert.ok(body.head.vars.includes('source'));
    assert.deepEqual(sourcesOf(body), ['local', good.url].sort());
    assert.deepEqual(
      body.results.bindings.filter((b) => b['source']!.value === good.url).map((b) => b['title']!.value),
      ['Good provider TRE'],
    );
    assert.deepEqual(
      body.failures.map((f) => f.source),
      [down.url],
    );
    assert.equal(body.note, undefined);
  });

  it('queries only the configured sources named in source=, by id or by URL', async () => {
    const before = down.connections;
    for (const name of ['good', good.url]) {
      const { status, body } = await ask(app.url, [name]);
      assert.equal(status, 200);
      assert.deepEqual(sourcesOf(body), ['local', good.url].sort());
      assert.deepEqual(body.failures, []);
    }
    assert.equal(down.connections, before, 'the source not asked for was not contacted');
  });

  it('refuses a source that is not configured with 400 naming it, and contacts nothing', async () => {
    const before = { good: good.connections, bait: bait.connections };
    const { status, body } = await ask(app.url, ['good', bait.url]);
    assert.equal(status, 400);
    assert.equal(body.error, 'USAGE');
    assert.ok(body.message?.includes(bait.url), body.message);
    assert.match(body.message ?? '', /not a configured federation source/);
    assert.deepEqual({ good: good.connections, bait: bait.connections }, before);
  });

  it('refuses a source that is not an http(s) URL', async () => {
    const { status, body } = await ask(app.url, ['file:///etc/passwd']);
    assert.equal(status, 400);
    assert.ok(body.message?.includes('file:///etc/passwd'));
  });

  it('does not contact a configured source on a loopback address unless private networks are allowed', async () => {
    const before = good.connections;
    const { status, body } = await ask(strict.url, ['good']);
    assert.equal(status, 200);
    assert.equal(good.connections, before);
    assert.deepEqual(
      body.failures.map((f) => [f.source, f.code]),
      [[good.url, 'FORBIDDEN']],
    );
    assert.match(body.failures[0]!.message, /federation\.allowPrivateNetwork/);
    assert.deepEqual(sourcesOf(body), ['local']);
  });

  describe('on a server with no federation sources configured', () => {
    it('answers from the local graph alone and says so', async () => {
      const { status, body } = await ask(server.url, []);
      assert.equal(status, 200);
      assert.deepEqual(sourcesOf(body), ['local']);
      assert.match(body.note ?? '', /no federation sources configured/);
    });

    it('refuses any source= URL with 400 and never contacts it', async () => {
      const before = bait.connections;
      const { status, body } = await ask(server.url, [bait.url]);
      assert.equal(status, 400);
      assert.ok(body.message?.includes(bait.url), body.message);
      assert.match(body.message ?? '', /no federation sources configured/);
      assert.equal(bait.connections, before);
      assert.equal(bait.connections, 0);
    });
  });
});
