import assert from 'node:assert/strict';
import { dct, rdf, sd } from '../../src/namespaces.js';
import { iris, parseResponse, putMinimal, startTestServer, type TestServer } from './testServer.js';

const titleQuery = `PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?tre ?title WHERE { ?tre dct:title ?title } ORDER BY ?tre`;
const constructQuery = `PREFIX dct: <http://purl.org/dc/terms/>
CONSTRUCT { ?tre dct:title ?title } WHERE { ?tre dct:title ?title }`;

interface SparqlJson {
  head: { vars: string[] };
  results?: { bindings: Array<Record<string, { type: string; value: string }>> };
  boolean?: boolean;
}

describe('SPARQL 1.1 Protocol at /sparql', () => {
  let server: TestServer;
  const get = (
    params: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
    }
    return fetch(`${server.url}/sparql?${search.toString()}`, { headers });
  };

  before(async () => {
    server = await startTestServer();
    await putMinimal(server);
  });
  after(async () => server.close());

  describe('queries', () => {
    it('answers a SELECT by GET as SPARQL JSON by default', async () => {
      const response = await get({ query: titleQuery });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/sparql-results\+json/);
      const body = (await response.json()) as SparqlJson;
      assert.deepEqual(body.head.vars, ['tre', 'title']);
      assert.deepEqual(
        body.results?.bindings.map((b) => [b['tre']?.value, b['title']?.value]),
        [[iris.minimal, 'Minimal Example TRE']],
      );
    });

    it('answers a POST with an urlencoded form', async () => {
      const response = await fetch(`${server.url}/sparql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/sparql-results+json',
        },
        body: new URLSearchParams({ query: titleQuery }).toString(),
      });
      assert.equal(response.status, 200);
      const body = (await response.json()) as SparqlJson;
      assert.equal(body.results?.bindings.length, 1);
    });

    it('answers a POST of application/sparql-query', async () => {
      const response = await fetch(`${server.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-query', accept: 'application/json' },
        body: `ASK { <${iris.minimal}> ?p ?o }`,
      });
      assert.equal(response.status, 200);
      assert.deepEqual(((await response.json()) as SparqlJson).boolean, true);
    });

    it('writes SELECT results as SPARQL XML, CSV and TSV by Accept', async () => {
      const xml = await get({ query: titleQuery }, { accept: 'application/sparql-results+xml' });
      assert.match(xml.headers.get('content-type') ?? '', /^application\/sparql-results\+xml/);
      const xmlText = await xml.text();
      assert.match(xmlText, /<variable name="tre"\s*\/>/);
      assert.match(xmlText, new RegExp(`<binding name="tre">\\s*<uri>${iris.minimal}</uri>`));
      assert.match(xmlText, /<literal xml:lang="en">Minimal Example TRE<\/literal>/);

      const csv = await get({ query: titleQuery }, { accept: 'text/csv' });
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const csvLines = (await csv.text()).trim().split(/\r?\n/);
      assert.deepEqual(csvLines, ['tre,title', `${iris.minimal},Minimal Example TRE`]);

      const tsv = await get({ query: titleQuery }, { accept: 'text/tab-separated-values' });
      assert.match(tsv.headers.get('content-type') ?? '', /^text\/tab-separated-values/);
      const tsvLines = (await tsv.text()).trim().split(/\r?\n/);
      assert.deepEqual(tsvLines, ['?tre\t?title', `<${iris.minimal}>\t"Minimal Example TRE"@en`]);
    });

    it('writes ASK results as SPARQL JSON and XML', async () => {
      const json = await get({ query: 'ASK { ?s ?p <https://example.org/nothing> }' });
      assert.equal(((await json.json()) as SparqlJson).boolean, false);
      const xml = await get({ query: 'ASK { ?s ?p ?o }' }, { accept: 'application/sparql-results+xml' });
      assert.match(await xml.text(), /<boolean>true<\/boolean>/);
    });

    for (const mediaType of [
      'text/turtle',
      'application/n-triples',
      'application/ld+json',
      'application/rdf+xml',
    ]) {
      it(`writes CONSTRUCT results as ${mediaType}`, async () => {
        const response = await get({ query: constructQuery }, { accept: mediaType });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType);
        const quads = await parseResponse(response);
        assert.equal(quads.length, 1);
        assert.equal(quads[0]?.subject.value, iris.minimal);
        assert.equal(quads[0]?.predicate.value, dct('title'));
        assert.equal(quads[0]?.object.value, 'Minimal Example TRE');
      });
    }

    it('writes DESCRIBE results as Turtle by default', async () => {
      const response = await get({ query: `DESCRIBE <${iris.minimal}>` });
      assert.match(response.headers.get('content-type') ?? '', /^text\/turtle/);
      const quads = await parseResponse(response);
      assert.ok(
        quads.some((q) => q.predicate.value === dct('publisher') && q.object.value === iris.university),
      );
    });

    it('answers 406 when no result format is acceptable', async () => {
      const select = await get({ query: titleQuery }, { accept: 'image/png' });
      assert.equal(select.status, 406);
      assert.match(
        ((await select.json()) as { message: string }).message,
        /application\/sparql-results\+json/,
      );
      const construct = await get({ query: constructQuery }, { accept: 'text/csv' });
      assert.equal(construct.status, 406);
    });
  });

  describe('datasets', () => {
    it('restricts the default graph with default-graph-uri', async () => {
      const none = await get({ query: titleQuery, 'default-graph-uri': 'https://example.org/no-such-graph' });
      assert.equal(((await none.json()) as SparqlJson).results?.bindings.length, 0);
      const one = await get({ query: titleQuery, 'default-graph-uri': iris.minimal });
      assert.equal(((await one.json()) as SparqlJson).results?.bindings.length, 1);
    });

    it('names graphs for GRAPH patterns with named-graph-uri', async () => {
      const query = 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }';
      const response = await get({ query, 'named-graph-uri': iris.minimal });
      const body = (await response.json()) as SparqlJson;
      assert.deepEqual(
        body.results?.bindings.map((b) => b['g']?.value),
        [iris.minimal],
      );
    });

    it('keeps the meta graph out of the default dataset and reaches it by naming it', async () => {
      const query = `SELECT ?record WHERE { ?record a <https://w3id.org/tre-atlas/ns#DescriptionRecord> }`;
      const hidden = await get({ query });
      assert.equal(((await hidden.json()) as SparqlJson).results?.bindings.length, 0);
      const shown = await get({ query, 'default-graph-uri': iris.meta });
      assert.ok((((await shown.json()) as SparqlJson).results?.bindings.length ?? 0) >= 1);
      const named = await get({
        query: `SELECT ?record WHERE { GRAPH <${iris.meta}> { ?record a <https://w3id.org/tre-atlas/ns#DescriptionRecord> } }`,
        'named-graph-uri': iris.meta,
      });
      assert.ok((((await named.json()) as SparqlJson).results?.bindings.length ?? 0) >= 1);
    });
  });

  describe('service description', () => {
    it('describes the service in Turtle on GET without a query', async () => {
      const response = await fetch(`${server.url}/sparql`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/turtle/);
      const quads = await parseResponse(response);
      const endpoint = `${server.url}/sparql`;
      const has = (s: string, p: string, o: string): boolean =>
        quads.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
      assert.ok(has(endpoint, rdf('type'), sd('Service')));
      assert.ok(has(endpoint, sd('endpoint'), endpoint));
      assert.ok(has(endpoint, sd('supportedLanguage'), sd('SPARQL11Query')));
      assert.ok(has(endpoint, sd('resultFormat'), 'http://www.w3.org/ns/formats/SPARQL_Results_JSON'));
      assert.ok(has(endpoint, sd('resultFormat'), 'http://www.w3.org/ns/formats/Turtle'));
      assert.ok(has(endpoint, sd('feature'), sd('UnionDefaultGraph')));
      const dataset = quads.find((q) => q.predicate.value === sd('defaultDataset'))?.object;
      assert.ok(dataset !== undefined);
      const defaultGraph = quads.find(
        (q) => q.subject.equals(dataset) && q.predicate.value === sd('defaultGraph'),
      );
      const description = quads.find(
        (q) => q.subject.equals(defaultGraph?.object) && q.predicate.value === dct('description'),
      );
      assert.match(description?.object.value ?? '', /union of all description graphs/);
      assert.ok(quads.some((q) => q.predicate.value === sd('name') && q.object.value === iris.minimal));
    });

    for (const mediaType of ['application/ld+json', 'application/rdf+xml', 'application/n-triples']) {
      it(`serves the service description as ${mediaType}`, async () => {
        const response = await fetch(`${server.url}/sparql`, { headers: { accept: mediaType } });
        assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType);
        const quads = await parseResponse(response);
        assert.ok(quads.some((q) => q.object.value === sd('Service')));
      });
    }
  });

  describe('refusals', () => {
    const message = async (response: Response): Promise<string> =>
      ((await response.json()) as { message: string }).message;

    it('answers 400 with the position of a syntax error', async () => {
      const response = await get({ query: 'SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(}' });
      assert.equal(response.status, 400);
      const body = (await response.json()) as {
        error: string;
        message: string;
        line: number;
        column: number;
      };
      assert.equal(body.error, 'SYNTAX');
      assert.equal(body.line, 3);
      assert.equal(typeof body.column, 'number');
      assert.match(body.message, /^query:3:\d+: SPARQL syntax error/);
    });

    it('refuses SERVICE with 400', async () => {
      const response = await get({
        query: 'SELECT * WHERE { SERVICE <https://dbpedia.org/sparql> { ?s ?p ?o } }',
      });
      assert.equal(response.status, 400);
      assert.match(await message(response), /SERVICE is not allowed/);
    });

    it('refuses LOAD and updates sent as query with 400', async () => {
      const load = await get({ query: 'LOAD <https://example.org/data.ttl>' });
      assert.equal(load.status, 400);
      assert.match(await message(load), /updates are not accepted.*LOAD/);
      const insert = await fetch(`${server.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-query' },
        body: 'INSERT DATA { <https://e.org/a> <https://e.org/b> <https://e.org/c> }',
      });
      assert.equal(insert.status, 400);
    });

    it('refuses the update parameter and application/sparql-update with 400, changing nothing', async () => {
      const before = await server.exportLines();
      const update = 'DROP ALL';
      const form = await fetch(`${server.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ update }).toString(),
      });
      assert.equal(form.status, 400);
      assert.match(await message(form), /updates are not accepted/);
      const direct = await fetch(`${server.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-update' },
        body: update,
      });
      assert.equal(direct.status, 400);
      const viaGet = await get({ update });
      assert.equal(viaGet.status, 400);
      assert.deepEqual(await server.exportLines(), before);
    });

    it('answers 415 to a POST of another media type', async () => {
      const response = await fetch(`${server.url}/sparql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: titleQuery,
      });
      assert.equal(response.status, 415);
      assert.match(await message(response), /application\/sparql-query/);
    });

    it('answers 400 to a relative default-graph-uri', async () => {
      const response = await get({ query: titleQuery, 'default-graph-uri': 'not-an-iri' });
      assert.equal(response.status, 400);
      assert.match(await message(response), /default-graph-uri is not an absolute IRI/);
    });
  });

  describe('CORS', () => {
    it('allows any origin on queries', async () => {
      const response = await get({ query: 'ASK {}' }, { origin: 'https://example.org' });
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
    });

    it('answers a preflight for a POST with a content type', async () => {
      const response = await fetch(`${server.url}/sparql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(response.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
    });
  });
});
