import assert from 'node:assert/strict';
import {
  bindingsFormats,
  graphFormats,
  negotiateMediaType,
  negotiateResultFormat,
} from '../../src/sparql/index.js';

describe('negotiateMediaType', () => {
  const offers = ['text/turtle', 'application/n-triples', 'application/ld+json'];

  it('gives the first offer when Accept is absent, empty or */*', () => {
    assert.equal(negotiateMediaType(undefined, offers), 'text/turtle');
    assert.equal(negotiateMediaType('', offers), 'text/turtle');
    assert.equal(negotiateMediaType('*/*', offers), 'text/turtle');
  });

  it('follows quality values and the client order', () => {
    assert.equal(negotiateMediaType('text/turtle;q=0.5, application/ld+json', offers), 'application/ld+json');
    assert.equal(
      negotiateMediaType('application/n-triples, application/ld+json', offers),
      'application/n-triples',
    );
    assert.equal(negotiateMediaType('application/*', offers), 'application/n-triples');
  });

  it('prefers an explicitly named type over a wildcard of equal quality', () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    assert.equal(negotiateMediaType(browser, offers), 'text/turtle');
    assert.equal(negotiateMediaType('application/ld+json, */*;q=0.1', offers), 'application/ld+json');
  });

  it('gives nothing when nothing is acceptable or q=0', () => {
    assert.equal(negotiateMediaType('image/png', offers), undefined);
    assert.equal(negotiateMediaType('text/turtle;q=0', ['text/turtle']), undefined);
  });
});

describe('negotiateResultFormat', () => {
  it('maps aliases to the canonical result media type', () => {
    assert.equal(
      negotiateResultFormat('application/json', bindingsFormats)?.mediaType,
      'application/sparql-results+json',
    );
    assert.equal(negotiateResultFormat('text/csv', bindingsFormats)?.name, 'csv');
    assert.equal(negotiateResultFormat('application/rdf+xml', graphFormats)?.name, 'rdfxml');
    assert.equal(negotiateResultFormat('text/turtle', bindingsFormats), undefined);
  });
});
