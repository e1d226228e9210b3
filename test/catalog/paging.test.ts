import assert from 'node:assert/strict';
import {
  getPage,
  objects,
  single,
  startCatalogServer,
  terms,
  type CatalogTestServer,
} from './catalogServer.js';

describe('GET /catalog: Hydra paging', function () {
  let server: CatalogTestServer;
  before(async () => {
    server = await startCatalogServer();
  });
  after(async () => {
    await server?.close();
  });

  it('lists the 18 TREs of data/ on one page by default, as a dcat:Catalog with title, description, publisher', async () => {
    const { quads } = await getPage(`${server.url}/catalog`);
    const catalog = terms.catalogIri;
    assert.deepEqual(objects(quads, terms.type, catalog), [
      'http://www.w3.org/ns/dcat#Catalog',
      'http://www.w3.org/ns/hydra/core#Collection',
    ]);
    assert.equal(objects(quads, terms.service, catalog).length, 18);
    assert.equal(single(quads, terms.totalItems, catalog), '18');
    assert.ok(single(quads, 'http://purl.org/dc/terms/title', catalog));
    assert.ok(single(quads, 'http://purl.org/dc/terms/description', catalog));
    const publisher = single(quads, 'http://purl.org/dc/terms/publisher', catalog)!;
    assert.ok(objects(quads, terms.type, publisher).includes('http://xmlns.com/foaf/0.1/Agent'));
    assert.equal(single(quads, 'http://xmlns.com/foaf/0.1/name', publisher), 'TRE Atlas');
    const view = single(quads, terms.hydraView, catalog)!;
    assert.equal(view, `${server.url}/catalog`);
    assert.equal(single(quads, terms.first, view), single(quads, terms.last, view));
    assert.equal(single(quads, terms.next, view), undefined);
    assert.equal(single(quads, terms.previous, view), undefined);
  });

  it('walks pages of 5 with first, previous, next and last links and the same total on each', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${server.url}/catalog?page_size=5`;
    const views: string[] = [];
    while (url !== undefined) {
      const { quads, response } = await getPage(url);
      const view = single(quads, terms.hydraView, terms.catalogIri)!;
      views.push(view);
      assert.ok(objects(quads, terms.type, view).includes(terms.partialView));
      assert.equal(single(quads, terms.totalItems, terms.catalogIri), '18');
      assert.equal(single(quads, terms.first, view), `${server.url}/catalog?page=1&page_size=5`);
      assert.equal(single(quads, terms.last, view), `${server.url}/catalog?page=4&page_size=5`);
      const page = views.length;
      assert.equal(
        single(quads, terms.previous, view),
        page === 1 ? undefined : `${server.url}/catalog?page=${page - 1}&page_size=5`,
      );
      const next = single(quads, terms.next, view);
      assert.equal(next, page === 4 ? undefined : `${server.url}/catalog?page=${page + 1}&page_size=5`);
      const link = response.headers.get('link') ?? '';
      assert.equal(link.includes('rel="next"'), next !== undefined, link);
      seen.push(...objects(quads, terms.service, terms.catalogIri));
      url = next;
      assert.ok(views.length <= 4);
    }
    assert.equal(views.length, 4);
    assert.equal(seen.length, 18, 'no TRE listed twice');
    assert.equal(new Set(seen).size, 18);
    const last = await getPage(`${server.url}/catalog?page=4&page_size=5`);
    assert.equal(objects(last.quads, terms.service, terms.catalogIri).length, 3);
  });

  it('keeps the path and the other parameters in the links', async () => {
    const { quads } = await getPage(`${server.url}/catalog.nt?profile=dcat-ap&page_size=10&page=2`);
    const view = single(quads, terms.hydraView, terms.catalogIri)!;
    assert.equal(
      single(quads, terms.previous, view),
      `${server.url}/catalog.nt?profile=dcat-ap&page=1&page_size=10`,
    );
  });

  it('gives each listed description a catalogue record with its primary topic and modification time', async () => {
    const { quads } = await getPage(`${server.url}/catalog`);
    const records = objects(quads, terms.record, terms.catalogIri);
    assert.equal(records.length, 18);
    const topics = records.map((r) => single(quads, terms.primaryTopic, r)!).sort();
    assert.deepEqual(topics, objects(quads, terms.service, terms.catalogIri));
    for (const r of records) assert.match(single(quads, terms.modified, r) ?? '', /^\d{4}-\d\d-\d\dT/);
  });

  it('lists the datasets the TREs serve as dcat:dataset', async () => {
    const { quads } = await getPage(`${server.url}/catalog`);
    assert.deepEqual(objects(quads, terms.dataset, terms.catalogIri), [
      'https://w3id.org/tre-atlas/id/tre/estonian-biobank#dataset-cohort',
    ]);
    const dataset = 'https://w3id.org/tre-atlas/id/tre/estonian-biobank#dataset-cohort';
    assert.ok(single(quads, 'http://purl.org/dc/terms/title', dataset));
  });

  it('includes each description in full, with its operator and the concepts it uses', async () => {
    const tsd = 'https://w3id.org/tre-atlas/id/tre/tsd';
    const { quads } = await getPage(`${server.url}/catalog`);
    const stored = await server.store.getGraph(tsd);
    const lines = new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
    for (const q of stored)
      assert.ok(
        lines.has(`${q.subject.value} ${q.predicate.value} ${q.object.value}`),
        `missing ${q.subject.value} ${q.predicate.value} ${q.object.value}`,
      );
    assert.equal(
      single(quads, 'http://xmlns.com/foaf/0.1/name', 'https://ror.org/01xtthb56'),
      'University of Oslo',
    );
    assert.ok(
      objects(quads, terms.type, 'http://publications.europa.eu/resource/authority/country/NOR').includes(
        'http://purl.org/dc/terms/Location',
      ),
    );
    assert.ok(
      objects(quads, terms.type, 'http://publications.europa.eu/resource/authority/data-theme/HEAL').includes(
        'http://www.w3.org/2004/02/skos/core#Concept',
      ),
    );
  });

  it('links each record to the description graph alone, which is the stored graph', async () => {
    const tsd = 'https://w3id.org/tre-atlas/id/tre/tsd';
    const { quads } = await getPage(`${server.url}/catalog`);
    const record = objects(quads, terms.record, terms.catalogIri).find(
      (r) => single(quads, terms.primaryTopic, r) === tsd,
    )!;
    const document = single(quads, terms.seeAlso, record)!;
    const fetched = await getPage(document, { accept: 'application/n-triples' });
    assert.equal(fetched.quads.length, (await server.store.getGraph(tsd)).length);
  });

  for (const [query, why] of [
    ['page_size=0', 'page_size below 1'],
    ['page_size=1001', 'page_size above 1000'],
    ['page_size=ten', 'page_size not a number'],
    ['page=0', 'page below 1'],
    ['page=-2', 'negative page'],
    ['page=1.5', 'fractional page'],
  ]) {
    it(`answers 400 for ${why} (${query})`, async () => {
      const response = await fetch(`${server.url}/catalog?${query}`);
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: string; message: string };
      assert.equal(body.error, 'USAGE');
      assert.match(body.message, /page/);
    });
  }

  it('accepts the largest page size, 1000', async () => {
    const { quads } = await getPage(`${server.url}/catalog?page_size=1000`);
    assert.equal(objects(quads, terms.service, terms.catalogIri).length, 18);
  });

  it('answers 404 for a page past the last', async () => {
    const response = await fetch(`${server.url}/catalog?page=5&page_size=5`);
    assert.equal(response.status, 404);
    assert.match(((await response.json()) as { message: string }).message, /last page is 4/);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await fetch(`${server.url}/catalog?page_size=5`);
    const head = await fetch(`${server.url}/catalog?page_size=5`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(head.headers.get('etag'), get.headers.get('etag'));
    assert.equal(head.headers.get('content-type'), get.headers.get('content-type'));
  });
});

describe('GET /catalog: the catalogue IRI follows the public base', function () {
  let server: CatalogTestServer;
  before(async () => {
    server = await startCatalogServer({
      config: { publicBase: 'https://example.org/atlas/', baseUrl: 'https://atlas.example.org' },
    });
  });
  after(async () => {
    await server?.close();
  });

  it('names the catalogue {publicBase}catalog and links pages under baseUrl', async () => {
    const { quads } = await getPage(`${server.url}/catalog?page_size=10`);
    const catalog = 'https://example.org/atlas/catalog';
    assert.equal(objects(quads, terms.service, catalog).length, 10);
    const view = single(quads, terms.hydraView, catalog)!;
    assert.equal(single(quads, terms.next, view), 'https://atlas.example.org/catalog?page=2&page_size=10');
  });
});
