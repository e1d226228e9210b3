import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { createServer } from '../../src/server/index.js';
import { acquireShared, releaseShared, type Harness } from './graphqlHarness.js';

describe('/graphql on the HTTP server', function () {
  let h: Harness;
  let app: FastifyInstance;
  let url: string;
  before(async () => {
    h = await acquireShared();
    app = await createServer({
      config: { queryTimeout: 10_000, bodyLimit: 1024 * 1024, graphql: { maxPageSize: 30 } },
      store: h.store,
      ingestor: h.ingestor,
      validator: h.validator,
      tokens: h.tokens,
      logger: pino({ level: 'silent' }),
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app.close();
    releaseShared();
  });

  it('answers POST application/json', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        origin: 'https://portal.example',
      },
      body: JSON.stringify({
        query: '{ tre(id: "https://w3id.org/tre-atlas/id/tre/tsd") { title publisher { name } } }',
      }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await response.json(), {
      data: {
        tre: { title: 'TSD – Services for Sensitive Data', publisher: { name: ['University of Oslo'] } },
      },
    });
  });

  it('answers GET ?query= and applies the configured limits', async () => {
    const query = encodeURIComponent('{ tres(first: 31) { totalCount } }');
    const response = await fetch(`${url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    assert.equal(body.errors?.[0]?.extensions?.code, 'PAGE_SIZE_EXCEEDED');
  });

  it('serves GraphiQL to a browser asking with GET', async () => {
    const response = await fetch(`${url}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    assert.match(html, /GraphiQL/i);
    // Everything the page runs is inline: nothing is fetched from a CDN (the server may have no internet access).
    assert.deepEqual(html.match(/<(script|link)[^>]+(src|href)=["']https?:[^"']*/gi) ?? [], []);
  });

  it('refuses a mutation over GET', async () => {
    const query = encodeURIComponent(
      'mutation { deleteDescription(id: "https://example.org/x") { deleted } }',
    );
    const response = await fetch(`${url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    assert.equal(response.status, 405);
  });
});
