import assert from 'node:assert/strict';
import {
  getPage,
  objects,
  startCatalogServer,
  terms,
  tripleLines,
  type CatalogTestServer,
} from './catalogServer.js';

const formats = [
  { suffix: '.ttl', mediaType: 'text/turtle' },
  { suffix: '.jsonld', mediaType: 'application/ld+json' },
  { suffix: '.rdf', mediaType: 'application/rdf+xml' },
  { suffix: '.nt', mediaType: 'application/n-triples' },
];

/** Lines with the page links' paths (`/catalog.nt?`, `/catalog?`) made equal. */
function samePaths(lines: readonly string[]): string[] {
  return lines.map((l) => l.replace(/\/catalog(\.[a-z]+)?\?/g, '/catalog?')).sort();
}

describe('GET /catalog: formats', function () {
  let server: CatalogTestServer;
  let reference: string[];
  before(async () => {
    server = await startCatalogServer();
    reference = samePaths(tripleLines((await getPage(`${server.url}/catalog.nt?page_size=6&page=2`)).quads));
  });
  after(async () => {
    await server?.close();
  });

  it('serves Turtle when nothing or anything is asked for', async () => {
    for (const accept of [undefined, '*/*', 'text/html,application/xhtml+xml,*/*;q=0.8']) {
      const response = await fetch(
        `${server.url}/catalog?page_size=1`,
        accept ? { headers: { accept } } : {},
      );
      assert.equal(response.headers.get('content-type'), 'text/turtle; charset=utf-8', accept);
    }
  });

  for (const { suffix, mediaType } of formats) {
    it(`serves ${mediaType} by Accept, and parses back to the same triples`, async () => {
      const { response, quads } = await getPage(`${server.url}/catalog?page_size=6&page=2`, {
        accept: mediaType,
      });
      assert.equal(response.headers.get('content-type'), `${mediaType}; charset=utf-8`);
      assert.equal(objects(quads, terms.service, terms.catalogIri).length, 6);
      const lines = samePaths(tripleLines(quads));
      assert.deepEqual(lines, reference);
    });

    it(`serves ${mediaType} at /catalog${suffix}, whatever the Accept header says`, async () => {
      const { response, quads } = await getPage(`${server.url}/catalog${suffix}?page_size=6&page=2`, {
        accept: 'text/turtle;q=1, */*;q=0.1',
      });
      assert.equal(response.headers.get('content-type'), `${mediaType}; charset=utf-8`);
      const lines = samePaths(tripleLines(quads));
      assert.deepEqual(lines, reference);
    });
  }

  it('honours q-values', async () => {
    const response = await fetch(`${server.url}/catalog?page_size=1`, {
      headers: { accept: 'text/turtle;q=0.5, application/ld+json;q=0.9' },
    });
    assert.equal(response.headers.get('content-type'), 'application/ld+json; charset=utf-8');
  });

  it('answers 406 naming the formats on offer when none is acceptable', async () => {
    const response = await fetch(`${server.url}/catalog`, { headers: { accept: 'application/pdf' } });
    assert.equal(response.status, 406);
    const body = (await response.json()) as { message: string };
    for (const { mediaType } of formats) assert.ok(body.message.includes(mediaType), body.message);
  });

  it('writes JSON-LD with an inline context, so that a harvester needs nothing else', async () => {
    const response = await fetch(`${server.url}/catalog.jsonld?page_size=1`);
    const body = (await response.json()) as { '@context': unknown };
    assert.equal(typeof body['@context'], 'object');
  });
});
