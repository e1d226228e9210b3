import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ns from '../../src/namespaces.js';
import { bundledContextUrls, treAtlasContextUrl } from '../../src/rdf/index.js';

describe('bundled JSON-LD contexts', () => {
  const context = (
    JSON.parse(readFileSync('src/rdf/contexts/tre-atlas.jsonld', 'utf8')) as {
      '@context': Record<string, string>;
    }
  )['@context'];

  it('serves the TRE Atlas context at its w3id URL', () => {
    assert.equal(treAtlasContextUrl, 'https://w3id.org/tre-atlas/context.jsonld');
    assert.ok(bundledContextUrls.includes(treAtlasContextUrl));
  });

  it('maps every writing prefix of src/namespaces.ts to the same IRI', () => {
    for (const [prefix, iri] of Object.entries(ns.prefixes)) assert.equal(context[prefix], iri, prefix);
  });

  it('maps only namespaces that src/namespaces.ts declares', () => {
    const declared = new Set(
      Object.values(ns)
        .filter((v): v is ns.Namespace => typeof v === 'function' && 'iri' in v)
        .map((n) => n.iri),
    );
    for (const [prefix, iri] of Object.entries(context)) assert.ok(declared.has(iri), `${prefix}: ${iri}`);
  });
});
