import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Quad } from '@rdfjs/types';
import { isAtlasError } from '../../src/errors.js';
import { formatFromPath, parseRdf, rdfFormats } from '../../src/rdf/index.js';

const fixtures = 'test/fixtures/rdf';
const read = (path: string): string => readFileSync(`${fixtures}/${path}`, 'utf8');
const parseFile = (path: string): Promise<Quad[]> =>
  parseRdf(read(path), { format: formatFromPath(path), source: `${fixtures}/${path}` });

/** Runs `fn` while any fetch or outgoing TCP connection throws and is recorded; returns its result or error. */
async function withoutNetwork(fn: () => Promise<unknown>): Promise<{ result: unknown; attempts: string[] }> {
  const attempts: string[] = [];
  const originalFetch = globalThis.fetch;
  const socket = Socket.prototype as unknown as Record<'connect', unknown>;
  const originalConnect = socket.connect;
  globalThis.fetch = (input: string | URL | Request) => {
    attempts.push(`fetch ${input instanceof Request ? input.url : input.toString()}`);
    return Promise.reject(new Error('network used'));
  };
  socket.connect = (...args: unknown[]) => {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    throw new Error('network used');
  };
  try {
    return { result: await fn().catch((e: unknown) => e), attempts };
  } finally {
    globalThis.fetch = originalFetch;
    socket.connect = originalConnect;
  }
}

describe('parseRdf', () => {
  describe('malformed input gives SYNTAX with source, line and column', () => {
    const expected = JSON.parse(read('malformed/expected.json')) as Record<
      string,
      { line: number; column: number; says: string }
    >;
    for (const [file, where] of Object.entries(expected)) {
      it(`${file} -> ${where.line}:${where.column}`, async () => {
        const source = `${fixtures}/malformed/${file}`;
        await assert.rejects(parseFile(`malformed/${file}`), (e: unknown) => {
          assert.ok(isAtlasError(e, 'SYNTAX'), String(e));
          assert.deepEqual(e.context, { source, line: where.line, column: where.column });
          assert.ok(e.message.startsWith(`${source}:${where.line}:${where.column}: `), e.message);
          assert.ok(e.message.includes(where.says), e.message);
          return true;
        });
      });
    }
  });

  it('names the source <input> when none is given', async () => {
    await assert.rejects(
      parseRdf('<a> <b>', { format: rdfFormats.ntriples }),
      /^AtlasError: <input>:1:\d+: /,
    );
  });

  it('locates JSON errors that V8 reports without a position', async () => {
    const text = '{\n  "@id": "https://example.org/x",\n  "a": tru\n}';
    await assert.rejects(parseRdf(text, { format: rdfFormats.jsonld, source: 'x.jsonld' }), (e: unknown) => {
      assert.ok(isAtlasError(e, 'SYNTAX'));
      assert.deepEqual(e.context, { source: 'x.jsonld', line: 3, column: 8 });
      return true;
    });
  });

  it('locates RDF/XML errors at the end of input and at a bare ampersand', async () => {
    const head =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">\n' +
      '  <rdf:Description rdf:about="https://example.org/a">\n';
    const cases: Array<[string, number, number]> = [
      [`${head}    <ex:t>a &amp; b & c</ex:t>\n  </rdf:Description>\n</rdf:RDF>\n`, 3, 21],
      [`${head}    <ex:t>a</ex:t>\n  </rdf:Description>\n`, 5, 1],
      ['', 1, 1],
    ];
    for (const [text, line, column] of cases) {
      await assert.rejects(parseRdf(text, { format: rdfFormats.rdfxml, source: 'x.rdf' }), (e: unknown) => {
        assert.ok(isAtlasError(e, 'SYNTAX'), String(e));
        assert.deepEqual(e.context, { source: 'x.rdf', line, column });
        return true;
      });
    }
  });

  it('reads RDF/XML parse types correctly', async () => {
    const text =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">\n' +
      ' <rdf:Description rdf:about="https://example.org/a">\n' +
      '  <ex:p rdf:parseType="Resource"><ex:q>v</ex:q></ex:p>\n' +
      '  <ex:s>w</ex:s>\n' +
      ' </rdf:Description>\n</rdf:RDF>\n';
    const quads = await parseRdf(text, { format: rdfFormats.rdfxml });
    const s = quads.find((q) => q.predicate.value === 'https://example.org/s');
    assert.equal(quads.length, 3);
    assert.equal(s?.subject.value, 'https://example.org/a');
    assert.equal(s?.object.value, 'w');
  });

  it('resolves relative IRIs against baseIri in every format', async () => {
    const texts: Array<[keyof typeof rdfFormats, string]> = [
      ['turtle', '<x> <p> <y> .'],
      ['trig', '{ <x> <p> <y> . }'],
      ['jsonld', '{"@id": "x", "https://example.org/p": {"@id": "y"}}'],
      [
        'rdfxml',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">' +
          '<rdf:Description rdf:about="x"><ex:p rdf:resource="y"/></rdf:Description></rdf:RDF>',
      ],
    ];
    for (const [name, text] of texts) {
      const [quad] = await parseRdf(text, { format: rdfFormats[name], baseIri: 'https://example.org/base/' });
      assert.equal(quad?.subject.value, 'https://example.org/base/x', name);
      assert.equal(quad?.object.value, 'https://example.org/base/y', name);
    }
  });

  describe('blank nodes', () => {
    const texts: Array<[keyof typeof rdfFormats, string]> = [
      ['turtle', '_:b0 <https://example.org/p> _:x . [] <https://example.org/q> 1 .'],
      ['nquads', '_:b0 <https://example.org/p> _:x .'],
      ['jsonld', '{"@id": "_:b0", "https://example.org/p": {"@id": "_:x"}}'],
      [
        'rdfxml',
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">' +
          '<rdf:Description rdf:nodeID="b0"><ex:p rdf:nodeID="x"/></rdf:Description></rdf:RDF>',
      ],
    ];
    it('never share labels between two parses, in any format', async () => {
      const labels = new Map<string, string>();
      for (const [name, text] of texts) {
        for (const round of [1, 2]) {
          for (const quad of await parseRdf(text, { format: rdfFormats[name] })) {
            for (const term of [quad.subject, quad.object]) {
              if (term.termType !== 'BlankNode') continue;
              const owner = `${name}#${round}`;
              const previous = labels.get(term.value);
              assert.ok(
                previous === undefined || previous === owner,
                `_:${term.value} in ${previous} and ${owner}`,
              );
              labels.set(term.value, owner);
            }
          }
        }
      }
      assert.ok(labels.size >= 16);
    });

    it('keep one label for one node within a document', async () => {
      const quads = await parseRdf('_:a <https://example.org/p> _:b . _:b <https://example.org/p> _:a .', {
        format: rdfFormats.turtle,
      });
      assert.equal(quads[0]?.subject.value, quads[1]?.object.value);
      assert.equal(quads[0]?.object.value, quads[1]?.subject.value);
    });
  });

  describe('JSON-LD contexts', () => {
    it('reads the bundled TRE Atlas context', async () => {
      const quads = await parseFile('tree/sub/b.jsonld');
      assert.equal(quads.length, 1);
      assert.equal(quads[0]?.predicate.value, 'http://purl.org/dc/terms/title');
    });

    for (const file of ['remote-context.jsonld', 'remote-import.jsonld']) {
      it(`refuses the remote context in ${file} with REMOTE_CONTEXT and no network attempt`, async () => {
        const { result, attempts } = await withoutNetwork(() => parseFile(file));
        assert.ok(isAtlasError(result, 'REMOTE_CONTEXT'), String(result));
        assert.match(result.message, /is not bundled; TRE Atlas never fetches remote contexts/);
        assert.ok(result.message.includes('https://w3id.org/tre-atlas/context.jsonld'), result.message);
        assert.ok(result.message.startsWith(`${fixtures}/${file}: `), result.message);
        assert.deepEqual(attempts, []);
      });
    }

    it('the no-network guard does catch a real connection attempt', async () => {
      const { attempts } = await withoutNetwork(() => fetch('http://127.0.0.1:9/'));
      assert.equal(attempts.length, 1);
    });
  });

  describe('unsafe RDF/XML', () => {
    const cases: Array<[string, number, number, string]> = [
      ['billion-laughs.rdf', 3, 3, 'lol'],
      ['external-entity.rdf', 3, 3, 'secret'],
      ['parameter-entity.rdf', 2, 20, 'remote'],
    ];
    for (const [file, line, column, entity] of cases) {
      it(`refuses ${file} with UNSAFE_INPUT before parsing`, async () => {
        const { result, attempts } = await withoutNetwork(() => parseFile(`unsafe/${file}`));
        assert.ok(isAtlasError(result, 'UNSAFE_INPUT'), String(result));
        assert.deepEqual(result.context, { source: `${fixtures}/unsafe/${file}`, line, column });
        assert.ok(result.message.includes(`entity '${entity}'`), result.message);
        assert.deepEqual(attempts, []);
      });
    }

    it('accepts a DOCTYPE without entity declarations', async () => {
      const text =
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF>\n' +
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">' +
        '<rdf:Description rdf:about="https://example.org/a"><ex:p>x</ex:p></rdf:Description></rdf:RDF>';
      assert.equal((await parseRdf(text, { format: rdfFormats.rdfxml })).length, 1);
    });
  });
});
