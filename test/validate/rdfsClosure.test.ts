import assert from 'node:assert/strict';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { rdfsClosure } from '../../src/validate/index.js';

const ttl = `
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
ex:Tre rdfs:subClassOf ex:Service . ex:Service rdfs:subClassOf ex:Resource2 .
ex:operatedBy rdfs:subPropertyOf ex:publisher .
ex:publisher rdfs:domain ex:Published ; rdfs:range ex:Agent .
ex:Org rdfs:subClassOf ex:Agent .
ex:label rdfs:range ex:Labelled .
ex:tsd a ex:Tre ; ex:operatedBy ex:uio ; ex:label "TSD" .
`;

describe('rdfsClosure', () => {
  it('materialises subclass, subproperty, domain, range and rdfs:Resource', async () => {
    const quads = await parseRdf(ttl, { format: rdfFormats.turtle });
    const closed = rdfsClosure(quads);
    const has = (s: string, p: string, o: string): boolean =>
      closed.some((q) => q.subject.value === s && q.predicate.value === p && q.object.value === o);
    const ex = (l: string): string => `http://example.org/${l}`;
    const type = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    assert.ok(has(ex('tsd'), type, ex('Service')), 'subclass');
    assert.ok(has(ex('tsd'), type, ex('Resource2')), 'transitive subclass');
    assert.ok(has(ex('tsd'), ex('publisher'), ex('uio')), 'subproperty');
    assert.ok(has(ex('tsd'), type, ex('Published')), 'domain through subproperty');
    assert.ok(has(ex('uio'), type, ex('Agent')), 'range through subproperty');
    assert.ok(
      has(ex('uio'), type, 'http://www.w3.org/2000/01/rdf-schema#Resource'),
      'every IRI is a resource',
    );
    assert.ok(
      !closed.some((q) => q.predicate.value === type && q.object.value === ex('Labelled')),
      'a literal gets no type from a range',
    );
    assert.equal(
      closed.length,
      new Set(closed.map((q) => JSON.stringify([q.subject, q.predicate, q.object]))).size,
    );
  });
});
