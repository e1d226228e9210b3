import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { isAtlasError } from '../../src/errors.js';
import {
  allRdfFormats,
  parseRdf,
  rdfFormats,
  serializeRdf,
  treAtlasContextUrl,
} from '../../src/rdf/index.js';

const fixtures = 'test/fixtures/rdf/roundtrip';
const { namedNode, literal, quad, defaultGraph } = DataFactory;

async function load(file: string): Promise<Quad[]> {
  const format = file.endsWith('.trig') ? rdfFormats.trig : rdfFormats.turtle;
  return parseRdf(readFileSync(`${fixtures}/${file}`, 'utf8'), { format, source: file });
}

describe('serializeRdf', () => {
  describe('round trips (parse, write, parse again: isomorphic)', () => {
    for (const format of allRdfFormats) {
      const file = format.quads ? 'sample.trig' : 'sample.ttl';
      it(`${format.name} with ${file}`, async () => {
        const original = await load(file);
        const text = await serializeRdf(original, format);
        const again = await parseRdf(text, { format, source: `written.${format.name}` });
        assert.ok(isomorphic(original, again), `not isomorphic:\n${text}`);
        assert.equal(again.length, original.length);
      });
    }

    it('keeps the triples of the Turtle sample in every format', async () => {
      const original = await load('sample.ttl');
      for (const format of allRdfFormats) {
        const again = await parseRdf(await serializeRdf(original, format), { format });
        assert.ok(isomorphic(original, again), format.name);
      }
    });
  });

  it('drops graph names in formats without graphs', async () => {
    const quads = await load('sample.trig');
    for (const format of [rdfFormats.turtle, rdfFormats.ntriples, rdfFormats.rdfxml]) {
      const again = await parseRdf(await serializeRdf(quads, format), { format });
      const expected = quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
      assert.ok(isomorphic(expected, again), format.name);
    }
  });

  it('writes Turtle with the prefixes it uses, from src/namespaces.ts by default', async () => {
    const text = await serializeRdf(await load('sample.ttl'), rdfFormats.turtle);
    assert.match(text, /^@prefix dct: <http:\/\/purl\.org\/dc\/terms\/>\.$/m);
    assert.match(text, /^@prefix tre: <https:\/\/w3id\.org\/tre-atlas\/ns#>\.$/m);
    assert.doesNotMatch(text, /@prefix (odrl|hydra|skos):/);
    assert.match(text, /dcat:Catalog/);
  });

  it('uses the prefixes given', async () => {
    const quads = [
      quad(namedNode('https://example.org/vocab/a'), namedNode('https://example.org/vocab/p'), literal('x')),
    ];
    const text = await serializeRdf(quads, rdfFormats.turtle, {
      prefixes: { ex: 'https://example.org/vocab/' },
    });
    assert.match(text, /ex:a ex:p "x"/);
  });

  it('writes JSON-LD compacted against the bundled TRE Atlas context', async () => {
    const doc = JSON.parse(await serializeRdf(await load('sample.ttl'), rdfFormats.jsonld)) as Record<
      string,
      unknown
    >;
    assert.equal(doc['@context'], treAtlasContextUrl);
    assert.match(JSON.stringify(doc), /"dct:title"/);
  });

  it('writes JSON-LD with an inline context when prefixes are given', async () => {
    const quads = [
      quad(namedNode('https://example.org/vocab/a'), namedNode('https://example.org/vocab/p'), literal('x')),
    ];
    const text = await serializeRdf(quads, rdfFormats.jsonld, {
      prefixes: { ex: 'https://example.org/vocab/' },
    });
    assert.deepEqual(JSON.parse(text), {
      '@context': { ex: 'https://example.org/vocab/' },
      '@id': 'ex:a',
      'ex:p': 'x',
    });
  });

  it('refuses RDF/XML for a predicate with no XML local name', async () => {
    const quads = [
      quad(namedNode('https://example.org/a'), namedNode('https://example.org/p/'), literal('x')),
    ];
    await assert.rejects(serializeRdf(quads, rdfFormats.rdfxml), (e: unknown) =>
      isAtlasError(e, 'UNSUPPORTED_FORMAT'),
    );
  });
});
