import type { Quad } from '@rdfjs/types';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRdfPaths } from '../../src/rdf/index.js';
import { ShaclEngine, rdfsClosure, termToString, type ValidationResult } from '../../src/validate/index.js';
import { parseBody, startCatalogServer, type CatalogTestServer } from '../catalog/catalogServer.js';

// DCAT-AP 3.0.1 conformance of /catalog, judged as ../shared/dcat-ap/README.md says: each page as served, parsed
// back from every format, with ontology/ as background and RDFS entailment materialised; every subject of the page
// is a focus node; zero violations. Both profiles.

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shaclDir = resolve(repo, '../shared/dcat-ap/3.0.1/shacl');
const shapeFiles = ['dcat-ap-SHACL.ttl', 'ranges.ttl'].map((f) => join(shaclDir, f));
const available = shapeFiles.every((f) => existsSync(f));

const formats = [
  { name: 'Turtle', accept: 'text/turtle' },
  { name: 'JSON-LD', accept: 'application/ld+json' },
  { name: 'RDF/XML', accept: 'application/rdf+xml' },
  { name: 'N-Triples', accept: 'application/n-triples' },
];
const profiles = ['tre', 'dcat-ap'] as const;
const pageSize = 7;
const HYDRA_NEXT = 'http://www.w3.org/ns/hydra/core#next';
const DCAT_SERVICE = 'http://www.w3.org/ns/dcat#service';

function describeViolations(results: readonly ValidationResult[]): string {
  return results
    .slice(0, 20)
    .map((r) => `  ${r.focusNode}\n    ${r.path ?? '(node)'} ${r.value ?? ''}: ${r.message}`)
    .join('\n');
}

describe('DCAT-AP 3.0.1 conformance of /catalog', function () {
  let server: CatalogTestServer;
  let engine: ShaclEngine;
  let ontology: Quad[];

  before(async function () {
    if (!available) {
      console.log(`    skipped: DCAT-AP 3.0.1 shapes not found at ${shaclDir}`);
      this.skip();
    }
    const [shapes, vocabulary] = await Promise.all([
      readRdfPaths(shapeFiles),
      readRdfPaths([join(repo, 'ontology')]),
    ]);
    engine = await ShaclEngine.compile(shapes.flatMap((f) => f.quads));
    ontology = vocabulary.flatMap((f) => f.quads);
    server = await startCatalogServer();
  });

  after(async () => {
    await server?.close();
  });

  async function violationsOf(page: readonly Quad[]): Promise<ValidationResult[]> {
    const focusNodes = new Set(page.map((q) => termToString(q.subject)));
    const report = await engine.validate(rdfsClosure([...page, ...ontology]), { focusNodes });
    return report.results.filter((r) => r.severity === 'Violation');
  }

  it('the shapes reject a catalogue without title, description and publisher (they are really applied)', async () => {
    const page = (await parseBody(await fetch(`${server.url}/catalog?page_size=${pageSize}`))).filter(
      (q) =>
        !/\/(title|description|publisher)$/.test(q.predicate.value) || !q.subject.value.endsWith('/catalog'),
    );
    const paths = (await violationsOf(page)).map((r) => r.path);
    assert.ok(paths.includes('http://purl.org/dc/terms/title'), paths.join(', '));
    assert.ok(paths.includes('http://purl.org/dc/terms/publisher'), paths.join(', '));
  });

  it('the DCAT-AP view conforms on its own too: without ontology/ and without entailment', async () => {
    const page = await parseBody(await fetch(`${server.url}/catalog?profile=dcat-ap&page_size=100`));
    const focusNodes = new Set(page.map((q) => termToString(q.subject)));
    const report = await engine.validate(page, { focusNodes });
    const violations = report.results.filter((r) => r.severity === 'Violation');
    assert.equal(violations.length, 0, describeViolations(violations));
  });

  for (const profile of profiles) {
    for (const format of formats) {
      it(`every page in ${format.name}, profile ${profile}, has zero violations`, async () => {
        let url: string | undefined = `${server.url}/catalog?profile=${profile}&page_size=${pageSize}`;
        let pages = 0;
        const services = new Set<string>();
        while (url !== undefined) {
          const response: Response = await fetch(url, { headers: { accept: format.accept } });
          assert.equal(response.status, 200, url);
          const page = await parseBody(response);
          for (const q of page) if (q.predicate.value === DCAT_SERVICE) services.add(q.object.value);
          const violations = await violationsOf(page);
          assert.equal(
            violations.length,
            0,
            `${url}: ${violations.length} violations:\n${describeViolations(violations)}`,
          );
          pages += 1;
          url = page.find((q) => q.predicate.value === HYDRA_NEXT)?.object.value;
          assert.ok(pages <= 10, 'more pages than the data can fill: the next links loop');
        }
        assert.equal(pages, 3, '18 TREs in pages of 7');
        assert.equal(services.size, 18, 'every TRE of data/ listed once');
      });
    }
  }
});
