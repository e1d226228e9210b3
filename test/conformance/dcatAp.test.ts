import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRdf, rdfFormats, readRdfPaths, tryFormatFromPath } from '../../src/rdf/index.js';
import {
  ShaclEngine,
  rdfsClosure,
  termToString,
  type ValidationReport,
  type ValidationResult,
} from '../../src/validate/index.js';

// DCAT-AP 3.0.1 conformance of the bundled data, judged as ../shared/dcat-ap/README.md says: the data plus
// ontology/ as background, RDFS entailment materialised, only focus nodes of the data, zero violations.

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shaclDir = resolve(repo, '../shared/dcat-ap/3.0.1/shacl');
const shapeFiles = ['dcat-ap-SHACL.ttl', 'ranges.ttl'].map((f) => join(shaclDir, f));
const available = shapeFiles.every((f) => existsSync(f));
const dataDir = join(repo, 'data');
const TRE = 'https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const dataFiles = existsSync(dataDir)
  ? readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => tryFormatFromPath(f) !== undefined)
      .map((f) => join(dataDir, f))
      .sort()
  : [];

function describeViolations(results: readonly ValidationResult[]): string {
  return results
    .map(
      (r) =>
        `  ${r.focusNode}\n    ${r.path ?? '(node)'} ${r.value ?? ''}: ${r.message}\n    shape ${r.shape}`,
    )
    .join('\n');
}

describe('DCAT-AP 3.0.1 conformance of data/', function () {
  let report: ValidationReport;
  let treFiles: Set<string>;
  let engine: ShaclEngine;

  before(async function () {
    if (!available) {
      console.log(`    skipped: DCAT-AP 3.0.1 shapes not found at ${shaclDir}`);
      this.skip();
    }
    const [shapes, data, ontology] = await Promise.all([
      readRdfPaths(shapeFiles),
      readRdfPaths([dataDir]),
      readRdfPaths([join(repo, 'ontology')]),
    ]);
    engine = await ShaclEngine.compile(shapes.flatMap((f) => f.quads));
    const sources = new Map<string, string>();
    treFiles = new Set();
    for (const { file, quads } of data) {
      for (const q of quads) {
        if (!sources.has(termToString(q.subject))) sources.set(termToString(q.subject), resolve(file));
        if (q.predicate.value === RDF_TYPE && q.object.value === TRE) treFiles.add(resolve(file));
      }
    }
    const closed = rdfsClosure([...data.flatMap((f) => f.quads), ...ontology.flatMap((f) => f.quads)]);
    report = await engine.validate(closed, { focusNodes: new Set(sources.keys()), sources });
  });

  it('the shapes reject a bare dcat:DataService (they are really applied)', async () => {
    const bare = await parseRdf('<https://example.org/s> a <http://www.w3.org/ns/dcat#DataService> .', {
      format: rdfFormats.turtle,
    });
    const paths = (
      await engine.validate(bare, { focusNodes: new Set(['https://example.org/s']) })
    ).results.map((r) => r.path);
    assert.ok(paths.includes('http://www.w3.org/ns/dcat#endpointURL'), paths.join(', '));
    assert.ok(paths.includes('http://purl.org/dc/terms/title'), paths.join(', '));
  });

  it('data/ holds TRE descriptions', () => {
    assert.ok(treFiles.size > 0, `no tre:TrustedResearchEnvironment in ${dataDir}`);
  });

  if (dataFiles.length === 0) {
    it('data/ has RDF files', () => assert.fail(`no RDF files in ${dataDir}`));
  }
  for (const file of dataFiles) {
    it(relative(repo, file), () => {
      const violations = report.results.filter((r) => r.source === file && r.severity === 'Violation');
      assert.equal(
        violations.length,
        0,
        `${violations.length} violations:\n${describeViolations(violations)}`,
      );
    });
  }
});
