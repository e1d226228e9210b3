import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';
import { ShaclValidator, type ValidationReport } from '../../src/validate/index.js';

const head = `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
`;
const layers = {
  'core.ttl': `${head}ex:Core a sh:NodeShape ; sh:targetClass ex:Tre ; sh:property [ sh:path ex:name ; sh:minCount 1 ] ,
    [ sh:path ex:operator ; sh:class ex:Org ] , [ sh:path ex:mode ; sh:class skos:Concept ] .`,
  'recommended.ttl': `${head}ex:Rec a sh:NodeShape ; sh:targetClass ex:Tre ; sh:property [ sh:path ex:expires ;
    sh:minInclusive "$TODAY"^^xsd:date ; sh:severity sh:Warning ; sh:message "Expired"@en ] .`,
  'ehds.ttl': `${head}ex:Ehds a sh:NodeShape ; sh:targetClass ex:Tre ; sh:property [ sh:path ex:audit ; sh:minCount 1 ] .`,
};
const data = `${head}ex:tre a ex:Tre ; ex:operator ex:org ; ex:mode ex:Remote ; ex:expires "2025-06-01"^^xsd:date .`;

describe('ShaclValidator', () => {
  let dir: string;
  const options = () => ({ shapesDir: join(dir, 'shapes'), ontologyDir: join(dir, 'ontology') });
  const summary = (report: ValidationReport) => report.results.map((r) => `${r.severity} ${r.path ?? ''}`);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tre-atlas-shapes-'));
    mkdirSync(join(dir, 'shapes'));
    mkdirSync(join(dir, 'ontology', 'vocab'), { recursive: true });
    for (const [name, text] of Object.entries(layers)) writeFileSync(join(dir, 'shapes', name), text);
    writeFileSync(join(dir, 'ontology', 'vocab', 'mode.ttl'), `${head}ex:Remote a skos:Concept .`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks the layers cumulatively, with the ontology as background', async () => {
    const quads = await parseRdf(data, { format: rdfFormats.turtle });
    const clock = () => new Date('2025-01-01T00:00:00Z');
    const core = await ShaclValidator.create({ profile: 'core', ...options(), clock });
    const ehds = await ShaclValidator.create({ profile: 'ehds', ...options(), clock });
    assert.deepEqual(summary(await core.validate(quads)), [
      'Violation http://example.org/name',
      'Violation http://example.org/operator',
    ]);
    assert.deepEqual(summary(await ehds.validate(quads)), [
      'Violation http://example.org/name',
      'Violation http://example.org/operator',
      'Violation http://example.org/audit',
    ]);
  });

  it('reads "today" from the clock, and resolves references through the background', async () => {
    const quads = await parseRdf(data, { format: rdfFormats.turtle });
    const background = await parseRdf(`${head}ex:org a ex:Org .`, { format: rdfFormats.turtle });
    const later = await ShaclValidator.create({
      profile: 'recommended',
      ...options(),
      clock: () => new Date('2026-01-01T00:00:00Z'),
    });
    const report = await later.validate(quads, { background });
    assert.deepEqual(summary(report), [
      'Violation http://example.org/name',
      'Warning http://example.org/expires',
    ]);
    assert.equal(report.results[1]?.message, 'Expired');
    assert.equal(report.results[1]?.value, '"2025-06-01"^^<http://www.w3.org/2001/XMLSchema#date>');
  });
});
