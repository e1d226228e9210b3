import assert from 'node:assert/strict';
import {
  counts,
  dump,
  harvestSetup,
  only,
  providerDocument,
  sources,
  startProvider,
  type Provider,
} from './helpers.js';

const A = 'https://provider.example.org/tre/alpha';

/** Public graphs as sorted N-Quads lines. */
async function publicLines(setup: Awaited<ReturnType<typeof harvestSetup>>): Promise<string[]> {
  return (await dump(setup.store)).filter((l) => !l.includes('/system/'));
}

describe('harvest: failing sources lose nothing stored', function () {
  this.timeout(60_000);
  let provider: Provider;
  let setup: Awaited<ReturnType<typeof harvestSetup>>;
  let mode: 'ok' | 'down' | 'slow' | 'huge' | 'loop' | 'hop' | 'error' = 'ok';
  let document = '';

  before(async () => {
    document = await providerDocument([{ iri: A, title: 'Alpha TRE' }]);
    provider = await startProvider(async (request, response) => {
      if (mode === 'ok' || (mode === 'hop' && request.url === '/final.ttl')) {
        response.writeHead(200, { 'content-type': 'text/turtle' }).end(document);
      } else if (mode === 'error') {
        response.writeHead(500).end('broken');
      } else if (mode === 'slow') {
        response.writeHead(200, { 'content-type': 'text/turtle' });
        response.write('@prefix ex: <http://example.org/> .\n');
        await new Promise((resolve) => setTimeout(resolve, 3000));
        response.end();
      } else if (mode === 'huge') {
        response.writeHead(200, { 'content-type': 'text/turtle' });
        const line = `<http://example.org/s> <http://example.org/p> "${'x'.repeat(1000)}" .\n`;
        for (let i = 0; i < 2000 && !response.destroyed; i++) response.write(line);
        response.end();
      } else if (mode === 'loop') {
        response
          .writeHead(302, { location: `/hop${Number(/\d+/.exec(request.url ?? '')?.[0] ?? 0) + 1}` })
          .end();
      } else if (mode === 'hop') {
        const n = Number(/\d+/.exec(request.url ?? '')?.[0] ?? 0);
        response.writeHead(n >= 2 ? 307 : 301, { location: n >= 2 ? '/final.ttl' : `/hop${n + 1}` }).end();
      }
    });
  });
  after(() => provider.close());
  beforeEach(async () => {
    mode = 'ok';
    setup = await harvestSetup();
    const first = await setup.harvester.run(
      sources([{ id: 'uni', type: 'document', url: `${provider.url}/tres.ttl` }]),
    );
    assert.equal(only(first).created.length, 2);
  });
  afterEach(() => setup.close());

  async function runFailing(settings: Record<string, unknown>, url = `${provider.url}/tres.ttl`) {
    const before = await publicLines(setup);
    const report = await setup.harvester.run(sources([{ id: 'uni', type: 'document', url, ...settings }]));
    assert.equal(report.ok, false);
    assert.equal(only(report).complete, false);
    assert.equal(only(report).withdrawn.length, 0);
    assert.deepEqual(await publicLines(setup), before);
    return only(report).errors.join('\n');
  }

  it('a source that is down', async () => {
    const closed = await startProvider(() => undefined);
    const url = `${closed.url}/tres.ttl`;
    await closed.close();
    assert.match(await runFailing({}, url), /ECONNREFUSED|fetch failed|connect/);
  });

  it('a source answering HTTP 500', async () => {
    mode = 'error';
    assert.match(await runFailing({}), /HTTP 500/);
  });

  it('a slow source (timeout)', async () => {
    mode = 'slow';
    assert.match(await runFailing({ timeoutMs: 300 }), /no complete answer within 300 ms/);
  });

  it('an oversized answer, aborted while streaming', async () => {
    mode = 'huge';
    assert.match(await runFailing({ maxBytes: 100_000 }), /larger than 100000 bytes/);
  });

  it('more redirects than allowed', async () => {
    mode = 'loop';
    assert.match(await runFailing({ maxRedirects: 3 }), /more than 3 redirects/);
    assert.ok(provider.requests.filter((r) => r.path.startsWith('/hop')).length <= 3);
  });

  it('follows redirects within the limit', async () => {
    mode = 'hop';
    const report = await setup.harvester.run(
      sources([{ id: 'uni', type: 'document', url: `${provider.url}/hop0`, maxRedirects: 3 }]),
    );
    assert.deepEqual(counts(report), {
      new: 0,
      updated: 0,
      unchanged: 2,
      invalid: 0,
      withdrawn: 0,
      errors: 0,
      complete: true,
    });
  });

  it('refuses a loopback address without allowPrivateNetwork', async () => {
    const before = provider.requests.length;
    const report = await setup.harvester.run(
      sources([{ id: 'uni', type: 'document', url: `${provider.url}/tres.ttl` }], false),
    );
    assert.match(only(report).errors.join('\n'), /127\.0\.0\.1 is a private, loopback or reserved address/);
    assert.equal(provider.requests.length, before, 'no request reached the provider');
    assert.equal(await setup.store.hasGraph(A), true);
  });
});
