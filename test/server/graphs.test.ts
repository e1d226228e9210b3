import assert from 'node:assert/strict';
import { dcat, dct } from '../../src/namespaces.js';
import { fixture, iris, parseResponse, putMinimal, startTestServer, type TestServer } from './testServer.js';

const keywordTurtle = `<${iris.minimal}> <http://www.w3.org/ns/dcat#keyword> "genomics"@en .`;

describe('Graph Store Protocol at /graphs', () => {
  let server: TestServer;
  const graphUrl = (graph: string): string => `${server.url}/graphs?graph=${encodeURIComponent(graph)}`;
  const send = (
    method: string,
    graph: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<Response> =>
    fetch(graphUrl(graph), { method, headers, ...(body === undefined ? {} : { body }) });
  const auth = (token: string, type = 'text/turtle'): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    'content-type': type,
  });
  const message = async (response: Response): Promise<string> =>
    ((await response.json()) as { message: string }).message;

  /** Runs `write` and asserts it answered `status` and left the store exactly as it was. */
  async function refusedWrite(status: number, write: () => Promise<Response>): Promise<Response> {
    const before = await server.exportLines();
    const response = await write();
    assert.equal(response.status, status);
    assert.deepEqual(await server.exportLines(), before, 'a refused write must change nothing');
    return response;
  }

  let count = 0;
  /** A TRE IRI no other test uses, and the minimal fixture rewritten to describe it. */
  async function freshTre(): Promise<{ iri: string; turtle: string }> {
    count += 1;
    const iri = `${iris.minimal}-${count}`;
    return { iri, turtle: (await fixture('minimal.ttl')).replaceAll(`<${iris.minimal}>`, `<${iri}>`) };
  }

  // One server for the file: writes use fresh graphs; refusals are checked to change nothing.
  before(async () => {
    server = await startTestServer({ config: { bodyLimit: 64 * 1024 } });
    await putMinimal(server);
  });
  after(async () => server.close());

  describe('writes', () => {
    it('creates with PUT (201), replaces with PUT (204), and reads back what was written', async () => {
      const tre = await freshTre();
      const created = await send('PUT', tre.iri, tre.turtle, auth(server.token));
      assert.equal(created.status, 201);
      const replaced = await send('PUT', tre.iri, tre.turtle, auth(server.token));
      assert.equal(replaced.status, 204);
      const read = await fetch(graphUrl(tre.iri));
      assert.equal(read.status, 200);
      const quads = await parseResponse(read);
      assert.ok(quads.some((q) => q.subject.value === tre.iri && q.object.value === 'Minimal Example TRE'));
    });

    it('merges a POST into the existing description (204) and keeps both', async () => {
      const tre = await freshTre();
      assert.equal((await send('PUT', tre.iri, tre.turtle, auth(server.token))).status, 201);
      const keyword = keywordTurtle.replace(iris.minimal, tre.iri);
      const response = await send('POST', tre.iri, keyword, auth(server.token));
      assert.equal(response.status, 204);
      const quads = await parseResponse(await fetch(graphUrl(tre.iri)));
      assert.ok(quads.some((q) => q.predicate.value === dcat('keyword') && q.object.value === 'genomics'));
      assert.ok(quads.some((q) => q.predicate.value === dct('title')));
    });

    it('creates with POST when the graph is new (201)', async () => {
      const tre = await freshTre();
      const response = await send('POST', tre.iri, tre.turtle, auth(server.token));
      assert.equal(response.status, 201);
      assert.equal((await fetch(graphUrl(tre.iri))).status, 200);
    });

    it('accepts every RDF format it can read (JSON-LD, N-Triples)', async () => {
      const tre = await freshTre();
      assert.equal((await send('PUT', tre.iri, tre.turtle, auth(server.token))).status, 201);
      const read = async (accept: string): Promise<string> =>
        (await fetch(graphUrl(tre.iri), { headers: { accept } })).text();
      const ntriples = await read('application/n-triples');
      const jsonld = await read('application/ld+json');
      const asNt = await send('PUT', tre.iri, ntriples, auth(server.token, 'application/n-triples'));
      assert.equal(asNt.status, 204);
      const asJsonLd = await send('PUT', tre.iri, jsonld, auth(server.token, 'application/ld+json'));
      assert.equal(asJsonLd.status, 204);
    });

    it('deletes with DELETE (204), after which GET answers 404', async () => {
      const tre = await freshTre();
      assert.equal((await send('PUT', tre.iri, tre.turtle, auth(server.token))).status, 201);
      const response = await send('DELETE', tre.iri, undefined, { authorization: `Bearer ${server.token}` });
      assert.equal(response.status, 204);
      const read = await fetch(graphUrl(tre.iri));
      assert.equal(read.status, 404);
      assert.match(await message(read), /no graph/);
    });
  });

  describe('refused writes change nothing', () => {
    it('401 without a token, with WWW-Authenticate', async () => {
      const response = await refusedWrite(401, async () =>
        send('PUT', iris.minimal, await fixture('invalid.ttl'), { 'content-type': 'text/turtle' }),
      );
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.match(await message(response), /Authorization: Bearer/);
    });

    it('401 with a bad token', async () => {
      const response = await refusedWrite(401, async () =>
        send('DELETE', iris.minimal, undefined, { authorization: 'Bearer tre_not-a-real-token' }),
      );
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.match(await message(response), /not valid/);
    });

    it("403 when writing another provider's description", async () => {
      const put = await refusedWrite(403, async () =>
        send('PUT', iris.minimal, await fixture('minimal.ttl'), auth(server.otherToken)),
      );
      assert.match(await message(put), /may not write/);
      await refusedWrite(403, async () => send('POST', iris.minimal, keywordTurtle, auth(server.otherToken)));
      await refusedWrite(403, async () =>
        send('DELETE', iris.minimal, undefined, { authorization: `Bearer ${server.otherToken}` }),
      );
    });

    it('403 when writing a system graph', async () => {
      const response = await refusedWrite(403, async () =>
        send('PUT', iris.meta, keywordTurtle, auth(server.token)),
      );
      assert.match(await message(response), /system graph .* is read-only/);
    });

    it('415 for a media type it cannot read', async () => {
      const response = await refusedWrite(415, async () =>
        send('PUT', iris.minimal, 'title: x', auth(server.token, 'application/yaml')),
      );
      assert.match(await message(response), /unsupported RDF media type 'application\/yaml'/);
    });

    it('400 for bad syntax, with the line', async () => {
      const response = await refusedWrite(400, async () =>
        send(
          'PUT',
          iris.minimal,
          '@prefix dct: <http://purl.org/dc/terms/> .\n<a> dct:title "x" <b> .',
          auth(server.token),
        ),
      );
      const body = (await response.json()) as { error: string; line: number; message: string };
      assert.equal(body.error, 'SYNTAX');
      assert.equal(body.line, 2);
      assert.match(body.message, /^request body:2:/);
    });

    it('413 over the body limit', async () => {
      const big = `${await fixture('minimal.ttl')}\n# ${'x'.repeat(70 * 1024)}\n`;
      await refusedWrite(413, async () => send('PUT', iris.minimal, big, auth(server.token)));
    });

    it('422 with the JSON report when shapes are violated', async () => {
      const response = await refusedWrite(422, async () =>
        send('PUT', iris.minimal, await fixture('invalid.ttl'), auth(server.token)),
      );
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const report = (await response.json()) as {
        conforms: boolean;
        results: Array<{ severity: string; focusNode: string; path?: string }>;
      };
      assert.equal(report.conforms, false);
      const violations = report.results.filter((r) => r.severity === 'Violation');
      assert.ok(violations.some((r) => r.focusNode === iris.minimal && r.path === dct('title')));
    });

    it('422 with a Turtle report by Accept', async () => {
      const response = await refusedWrite(422, async () =>
        send('PUT', iris.minimal, await fixture('invalid.ttl'), {
          ...auth(server.token),
          accept: 'text/turtle',
        }),
      );
      assert.match(response.headers.get('content-type') ?? '', /^text\/turtle/);
      const quads = await parseResponse(response);
      assert.ok(quads.some((q) => q.object.value === 'http://www.w3.org/ns/shacl#ValidationReport'));
      assert.ok(quads.some((q) => q.object.value === 'http://www.w3.org/ns/shacl#Violation'));
    });

    it('422 for a POST whose merged result violates the shapes', async () => {
      const bad = `<${iris.minimal}> <https://w3id.org/tre-atlas/ns#mfaRequired> "perhaps" .`;
      await refusedWrite(422, async () => send('POST', iris.minimal, bad, auth(server.token)));
    });

    it('400 for writes to the default graph or without a graph', async () => {
      const noGraph = await refusedWrite(400, async () =>
        fetch(`${server.url}/graphs`, { method: 'PUT', headers: auth(server.token), body: keywordTurtle }),
      );
      assert.match(await message(noGraph), /missing parameter graph/);
      const toDefault = await refusedWrite(400, async () =>
        fetch(`${server.url}/graphs?default`, {
          method: 'PUT',
          headers: auth(server.token),
          body: keywordTurtle,
        }),
      );
      assert.match(await message(toDefault), /read-only/);
    });

    it('404 when deleting a graph that does not exist', async () => {
      await refusedWrite(404, async () =>
        send('DELETE', 'https://w3id.org/tre-atlas/id/tre/absent', undefined, {
          authorization: `Bearer ${server.token}`,
        }),
      );
    });
  });

  describe('reads', () => {
    for (const mediaType of [
      'text/turtle',
      'application/n-triples',
      'application/ld+json',
      'application/rdf+xml',
    ]) {
      it(`reads a graph as ${mediaType}`, async () => {
        const response = await fetch(graphUrl(iris.minimal), { headers: { accept: mediaType } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type')?.split(';')[0], mediaType);
        const quads = await parseResponse(response);
        assert.ok(
          quads.some((q) => q.subject.value === iris.minimal && q.predicate.value === dct('publisher')),
        );
        assert.ok(quads.length >= 20);
      });
    }

    it('reads the default graph (union of descriptions) with ?default', async () => {
      const response = await fetch(`${server.url}/graphs?default`);
      assert.equal(response.status, 200);
      const quads = await parseResponse(response);
      assert.ok(quads.some((q) => q.subject.value === iris.minimal));
      assert.ok(!quads.some((q) => q.object.value === 'https://w3id.org/tre-atlas/ns#DescriptionRecord'));
    });

    it('answers 404 for an unknown graph and 406 for an unknown format', async () => {
      assert.equal((await fetch(graphUrl('https://example.org/none'))).status, 404);
      const response = await fetch(graphUrl(iris.minimal), { headers: { accept: 'image/png' } });
      assert.equal(response.status, 406);
      assert.match(await message(response), /text\/turtle/);
    });

    it('answers 400 for a relative graph IRI', async () => {
      const response = await fetch(`${server.url}/graphs?graph=tre/minimal`);
      assert.equal(response.status, 400);
      assert.match(await message(response), /not an absolute IRI/);
    });
  });
});
