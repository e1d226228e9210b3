import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import {
  getPage,
  objects,
  seedDir,
  single,
  startCatalogServer,
  terms,
  type CatalogTestServer,
} from './catalogServer.js';

const copy = 'https://w3id.org/tre-atlas/id/tre/tsd-copy';

describe('GET /catalog: modified_since, ETag and Last-Modified', function () {
  let server: CatalogTestServer;
  let now = new Date('2026-12-10T09:00:00.000Z');

  /** Stores a copy of TSD under a new IRI, at the clock's time. */
  async function storeCopy(title: string): Promise<void> {
    const text = (await readFile(join(seedDir, 'tre/tsd.ttl'), 'utf8'))
      .replaceAll('id/tre/tsd', 'id/tre/tsd-copy')
      .replace('"TSD – Services for Sensitive Data"@en', `"${title}"@en`);
    const quads = await parseRdf(text, { format: rdfFormats.turtle, source: 'tsd-copy.ttl' });
    const result = await server.ingestor.ingest([{ quads, source: 'tsd-copy.ttl' }], {
      submitter: 'test',
      admin: true,
    });
    assert.ok(result.committed, JSON.stringify(result.documents[0]?.report.results.slice(0, 3)));
  }

  before(async () => {
    server = await startCatalogServer({ clock: () => now });
  });
  after(async () => {
    await server?.close();
  });

  describe('modified_since', () => {
    before(async () => {
      now = new Date('2027-01-15T12:30:00.000Z');
      await storeCopy('A copy of TSD');
    });

    it('lists only the descriptions changed since a date', async () => {
      const { quads } = await getPage(`${server.url}/catalog?modified_since=2027-01-01`);
      assert.deepEqual(objects(quads, terms.service, terms.catalogIri), [copy]);
      assert.equal(single(quads, terms.totalItems, terms.catalogIri), '1');
    });

    it('compares date-times with their zone, to the second', async () => {
      const at = async (since: string) =>
        objects(
          (await getPage(`${server.url}/catalog?modified_since=${encodeURIComponent(since)}`)).quads,
          terms.service,
          terms.catalogIri,
        ).length;
      assert.equal(await at('2027-01-15T12:30:00Z'), 1);
      assert.equal(await at('2027-01-15T12:30:01Z'), 0);
      assert.equal(await at('2027-01-15T13:30:00+01:00'), 1);
      assert.equal(await at('2027-01-15T13:30:01+01:00'), 0);
      assert.equal(await at('2026-12-01'), 19);
    });

    it('pages the filtered list and keeps modified_since in the links', async () => {
      const { quads } = await getPage(`${server.url}/catalog?modified_since=2026-12-01&page_size=10`);
      assert.equal(single(quads, terms.totalItems, terms.catalogIri), '19');
      const view = single(quads, terms.hydraView, terms.catalogIri)!;
      assert.equal(
        single(quads, terms.next, view),
        `${server.url}/catalog?modified_since=2026-12-01&page=2&page_size=10`,
      );
    });

    it('answers an empty first page when nothing changed since', async () => {
      const { quads } = await getPage(`${server.url}/catalog?modified_since=2027-06-01`);
      assert.deepEqual(objects(quads, terms.service, terms.catalogIri), []);
      assert.equal(single(quads, terms.totalItems, terms.catalogIri), '0');
    });

    for (const bad of ['yesterday', '2027-13-01', '2027-02-30', '2027-01-15T25:00:00Z', '2027-1-5', '']) {
      it(`answers 400 for modified_since=${bad}`, async () => {
        const response = await fetch(`${server.url}/catalog?modified_since=${encodeURIComponent(bad)}`);
        assert.equal(response.status, 400);
        assert.match(((await response.json()) as { message: string }).message, /modified_since/);
      });
    }
  });

  describe('ETag and Last-Modified', () => {
    it('sends Last-Modified: the time of the latest change', async () => {
      const response = await fetch(`${server.url}/catalog`);
      assert.equal(response.headers.get('last-modified'), 'Fri, 15 Jan 2027 12:30:00 GMT');
      const quads = (await getPage(`${server.url}/catalog`)).quads;
      assert.equal(single(quads, terms.modified, terms.catalogIri), '2027-01-15T12:30:00.000Z');
    });

    it('answers 304 to If-None-Match with the current ETag, and 200 with another', async () => {
      const first = await fetch(`${server.url}/catalog?page_size=5`);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^W\/".+"$/);
      const again = await fetch(`${server.url}/catalog?page_size=5`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      const other = await fetch(`${server.url}/catalog?page_size=5`, {
        headers: { 'if-none-match': 'W/"something-else"' },
      });
      assert.equal(other.status, 200);
      const listed = await fetch(`${server.url}/catalog?page_size=5`, {
        headers: { 'if-none-match': `W/"x", ${etag}` },
      });
      assert.equal(listed.status, 304);
    });

    it('gives each format and each page its own ETag', async () => {
      const tags = new Set<string | null>();
      for (const path of [
        '/catalog?page_size=5',
        '/catalog.nt?page_size=5',
        '/catalog?page_size=5&page=2',
        '/catalog',
      ]) {
        tags.add((await fetch(`${server.url}${path}`)).headers.get('etag'));
      }
      assert.equal(tags.size, 4);
    });

    it('answers 304 to If-Modified-Since at or after Last-Modified, and 200 before it', async () => {
      const lastModified = (await fetch(`${server.url}/catalog`)).headers.get('last-modified')!;
      const same = await fetch(`${server.url}/catalog`, { headers: { 'if-modified-since': lastModified } });
      assert.equal(same.status, 304);
      const before = await fetch(`${server.url}/catalog`, {
        headers: { 'if-modified-since': 'Fri, 15 Jan 2027 12:29:59 GMT' },
      });
      assert.equal(before.status, 200);
    });

    it('lets If-None-Match decide when both are sent', async () => {
      const lastModified = (await fetch(`${server.url}/catalog`)).headers.get('last-modified')!;
      const response = await fetch(`${server.url}/catalog`, {
        headers: { 'if-modified-since': lastModified, 'if-none-match': 'W/"stale"' },
      });
      assert.equal(response.status, 200);
    });

    it('changes both after a write: the old validators get the new catalogue', async () => {
      const before = await fetch(`${server.url}/catalog`);
      const etag = before.headers.get('etag')!;
      const lastModified = before.headers.get('last-modified')!;
      now = new Date('2027-02-01T08:00:00.000Z');
      await storeCopy('A copy of TSD, renamed');
      const byTag = await fetch(`${server.url}/catalog`, { headers: { 'if-none-match': etag } });
      assert.equal(byTag.status, 200);
      assert.notEqual(byTag.headers.get('etag'), etag);
      assert.equal(byTag.headers.get('last-modified'), 'Mon, 01 Feb 2027 08:00:00 GMT');
      const byDate = await fetch(`${server.url}/catalog`, { headers: { 'if-modified-since': lastModified } });
      assert.equal(byDate.status, 200);
      const quads = (await getPage(`${server.url}/catalog?modified_since=2027-01-20`)).quads;
      assert.deepEqual(objects(quads, terms.service, terms.catalogIri), [copy]);
      assert.equal(single(quads, 'http://purl.org/dc/terms/title', copy), 'A copy of TSD, renamed');
    });

    it('changes both after a withdrawal, and the description leaves the catalogue', async () => {
      const before = await fetch(`${server.url}/catalog`);
      now = new Date('2027-02-02T08:00:00.000Z');
      assert.ok(await server.ingestor.deleteDescription(copy, { submitter: 'test', admin: true }));
      const after = await fetch(`${server.url}/catalog`, {
        headers: { 'if-none-match': before.headers.get('etag')! },
      });
      assert.equal(after.status, 200);
      assert.equal(after.headers.get('last-modified'), 'Tue, 02 Feb 2027 08:00:00 GMT');
      const quads = (await getPage(`${server.url}/catalog`)).quads;
      assert.equal(objects(quads, terms.service, terms.catalogIri).length, 18);
      assert.ok(!objects(quads, terms.service, terms.catalogIri).includes(copy));
    });
  });
});
