import assert from 'node:assert/strict';
import { isAtlasError } from '../../src/errors.js';
import {
  allRdfFormats,
  formatFromMediaType,
  formatFromPath,
  negotiateFormat,
  rdfFormats,
  tryFormatFromPath,
} from '../../src/rdf/index.js';

describe('rdf formats', () => {
  const byExtension: Array<[string, string]> = [
    ['data/tre/x.ttl', 'turtle'],
    ['x.trig', 'trig'],
    ['x.nt', 'ntriples'],
    ['x.nq', 'nquads'],
    ['x.jsonld', 'jsonld'],
    ['x.json', 'jsonld'],
    ['x.rdf', 'rdfxml'],
    ['ontology/tre.owl', 'rdfxml'],
    ['x.xml', 'rdfxml'],
    ['C:\\data\\X.TTL', 'turtle'],
  ];
  for (const [path, name] of byExtension) {
    it(`maps ${path} to ${name}`, () => assert.equal(formatFromPath(path).name, name));
  }

  it('refuses an unknown or missing extension with UNSUPPORTED_FORMAT naming the path', () => {
    for (const path of ['notes.txt', 'Makefile', '.ttl', 'dir.ttl/file']) {
      assert.throws(
        () => formatFromPath(path),
        (e: unknown) => isAtlasError(e, 'UNSUPPORTED_FORMAT') && e.message.includes(path),
      );
      assert.equal(tryFormatFromPath(path), undefined);
    }
  });

  const byMediaType: Array<[string, string]> = [
    ['text/turtle', 'turtle'],
    ['text/turtle; charset=utf-8', 'turtle'],
    ['TEXT/Turtle;charset=UTF-8', 'turtle'],
    ['application/trig', 'trig'],
    ['application/n-triples', 'ntriples'],
    ['application/n-quads', 'nquads'],
    ['application/ld+json; profile="http://www.w3.org/ns/json-ld#compacted"', 'jsonld'],
    [' application/rdf+xml ', 'rdfxml'],
  ];
  for (const [mediaType, name] of byMediaType) {
    it(`maps media type '${mediaType}' to ${name}`, () =>
      assert.equal(formatFromMediaType(mediaType).name, name));
  }

  it('refuses an unknown media type with UNSUPPORTED_FORMAT', () => {
    for (const mediaType of ['application/json', 'text/html', '', 'text/plain']) {
      assert.throws(
        () => formatFromMediaType(mediaType),
        (e: unknown) => isAtlasError(e, 'UNSUPPORTED_FORMAT'),
      );
    }
  });

  it('describes every format with its preferred media type first and whether it carries graphs', () => {
    for (const format of allRdfFormats) assert.equal(format.mediaTypes[0], format.mediaType);
    assert.deepEqual(
      allRdfFormats.filter((f) => f.quads).map((f) => f.name),
      ['trig', 'nquads', 'jsonld'],
    );
  });
});

describe('negotiateFormat', () => {
  const all = allRdfFormats;
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'turtle'],
    ['', 'turtle'],
    ['*/*', 'turtle'],
    ['application/ld+json', 'jsonld'],
    ['text/html, application/xhtml+xml, application/rdf+xml;q=0.9, */*;q=0.8', 'rdfxml'],
    ['application/n-triples;q=0.5, text/turtle;q=0.9', 'turtle'],
    ['text/turtle;q=0.2, application/n-quads', 'nquads'],
    ['application/*;q=0.5, text/turtle;q=0.4', 'trig'],
    ['text/turtle;q=0, */*', 'trig'],
    ['TEXT/TURTLE', 'turtle'],
    ['application/n-quads;q=0.8, application/trig;q=0.8', 'nquads'],
    ['application/n-quads;q=bogus, application/trig;q=0.1', 'trig'],
  ];
  for (const [accept, name] of cases) {
    it(`picks ${name} for Accept: ${accept ?? '(none)'}`, () =>
      assert.equal(negotiateFormat(accept, all).name, name));
  }

  it('honours the candidates offered and their order', () => {
    const offered = [rdfFormats.jsonld, rdfFormats.turtle];
    assert.equal(negotiateFormat('*/*', offered).name, 'jsonld');
    assert.equal(negotiateFormat('text/*', offered).name, 'turtle');
    assert.equal(negotiateFormat(undefined, offered).name, 'jsonld');
  });

  it('refuses when nothing offered is acceptable, with UNSUPPORTED_FORMAT and status 406', () => {
    for (const accept of ['text/html', 'application/ld+json;q=0, text/turtle;q=0', 'garbage']) {
      assert.throws(
        () => negotiateFormat(accept, [rdfFormats.turtle, rdfFormats.jsonld]),
        (e: unknown) => isAtlasError(e, 'UNSUPPORTED_FORMAT') && e.context['status'] === 406,
      );
    }
  });
});
