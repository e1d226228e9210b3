import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadSeed } from '../../src/ingest/index.js';
import { useVirtuoso } from '../virtuoso/virtuosoFixture.js';
import { backends, startE2eServer, type E2eServer } from './backends.js';

const tre = 'https://w3id.org/tre-atlas/id/tre/minimal';
const meta = 'https://w3id.org/tre-atlas/system/meta';
const fixture = (name: string): Promise<string> =>
  readFile(new URL(`../server/fixtures/${name}`, import.meta.url), 'utf8');

async function select(server: E2eServer, query: string): Promise<Array<Record<string, { value: string }>>> {
  const response = await fetch(`${server.url}/sparql`, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: 'application/sparql-results+json' },
    body: query,
  });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { results: { bindings: Array<Record<string, { value: string }>> } })
    .results.bindings;
}

for (const backend of backends) {
  describe(`end to end on the ${backend.name} store`, function () {
    this.timeout(120_000);
    const virtuoso = backend.virtuoso ? useVirtuoso() : undefined;
    let server: E2eServer;
    let cleanup: () => Promise<void>;

    before(async () => {
      const made = await backend.create(virtuoso?.());
      cleanup = () => made.cleanup();
      server = await startE2eServer(made.store);
    });
    after(async () => {
      await server?.close();
      await cleanup?.();
    });

    it('stores a description over the Graph Store Protocol and serves it back', async () => {
      const put = await fetch(`${server.url}/graphs?graph=${encodeURIComponent(tre)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/turtle' },
        body: await fixture('minimal.ttl'),
      });
      assert.equal(put.status, 201, await put.text());
      const get = await fetch(`${server.url}/graphs?graph=${encodeURIComponent(tre)}`, {
        headers: { accept: 'application/n-triples' },
      });
      assert.equal(get.status, 200);
      assert.match(await get.text(), /"Minimal Example TRE"@en/);
    });

    it('answers SPARQL over public descriptions only, never the system graphs', async () => {
      const titles = await select(server, `SELECT ?t WHERE { <${tre}> <http://purl.org/dc/terms/title> ?t }`);
      assert.deepEqual(
        titles.map((b) => b['t']!.value),
        ['Minimal Example TRE'],
      );
      const graphs = await select(server, 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }');
      assert.ok(!graphs.some((b) => b['g']!.value.startsWith('https://w3id.org/tre-atlas/system/')));
      const leaked = await select(server, `SELECT ?s WHERE { GRAPH <${meta}> { ?s ?p ?o } } LIMIT 1`);
      assert.deepEqual(leaked, []);
    });

    it('keeps the replaced version in the history', async () => {
      const renamed = (await fixture('minimal.ttl')).replace('"Minimal Example TRE"@en', '"Renamed TRE"@en');
      const put = await fetch(`${server.url}/graphs?graph=${encodeURIComponent(tre)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/turtle' },
        body: renamed,
      });
      assert.equal(put.status, 204, await put.text());
      const titles = await select(server, `SELECT ?t WHERE { <${tre}> <http://purl.org/dc/terms/title> ?t }`);
      assert.deepEqual(
        titles.map((b) => b['t']!.value),
        ['Renamed TRE'],
      );
      const versions = await fetch(`${server.url}/graphs/versions?graph=${encodeURIComponent(tre)}`);
      assert.equal(versions.status, 200);
      const first = await fetch(`${server.url}/graphs/versions?graph=${encodeURIComponent(tre)}&version=1`, {
        headers: { accept: 'application/n-triples' },
      });
      assert.equal(first.status, 200);
      assert.match(await first.text(), /Minimal Example TRE/);
    });

    it('ingests the seed and answers the named queries', async () => {
      const dir = fileURLToPath(new URL('../../data/', import.meta.url));
      await loadSeed({ ingestor: server.ingestor, dir, logger: pino({ level: 'silent' }) });
      const response = await fetch(`${server.url}/queries/tres-per-country`, {
        headers: { accept: 'application/sparql-results+json' },
      });
      assert.equal(response.status, 200, await response.clone().text());
      const rows = (
        (await response.json()) as { results: { bindings: Array<Record<string, { value: string }>> } }
      ).results.bindings;
      assert.ok(rows.length > 3, `expected several countries, got ${rows.length}`);
      const total = rows.reduce((sum, row) => sum + Number(row['tres']!.value), 0);
      const counted = await select(
        server,
        'SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a <https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment> ; <http://purl.org/dc/terms/spatial> ?c }',
      );
      assert.ok(total >= Number(counted[0]!['n']!.value));
    });

    it('deletes a description', async () => {
      const response = await fetch(`${server.url}/graphs?graph=${encodeURIComponent(tre)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${server.token}` },
      });
      assert.equal(response.status, 204);
      const titles = await select(server, `SELECT ?t WHERE { <${tre}> <http://purl.org/dc/terms/title> ?t }`);
      assert.deepEqual(titles, []);
    });
  });
}
