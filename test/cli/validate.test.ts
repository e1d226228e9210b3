import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRdf, rdfFormats } from '../../src/rdf/index.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line as a user does. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['bin/tre-atlas.js', ...args],
      { cwd: repo, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

const prefixes = `@prefix tre: <https://w3id.org/tre-atlas/ns#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
`;
const TRE = 'https://w3id.org/tre-atlas/id/tre/cli-test';
const OPERATOR = 'https://w3id.org/tre-atlas/id/org/cli-test';
const DCT_PUBLISHER = 'http://purl.org/dc/terms/publisher';

/** Malformed input per format, with the line of the error. */
const malformed: Array<{ ext: string; line: number; text: string }> = [
  { ext: 'ttl', line: 3, text: '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b .\n' },
  { ext: 'trig', line: 3, text: '@prefix ex: <http://example.org/> .\nex:g {\n  ex:a ex:b .\n}\n' },
  {
    ext: 'nt',
    line: 2,
    text: '<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n<http://example.org/a> <http://example.org/b> .\n',
  },
  {
    ext: 'nq',
    line: 2,
    text: '<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n<http://example.org/a> <http://example.org/b> .\n',
  },
  { ext: 'jsonld', line: 3, text: '{\n  "@id": "http://example.org/a",\n  "http://example.org/b": ,\n}\n' },
  {
    ext: 'rdf',
    line: 4,
    text:
      '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n' +
      '  <rdf:Description rdf:about="http://example.org/a">\n    <ex:b>x</ex:c>\n  </rdf:Description>\n</rdf:RDF>\n',
  },
];

describe('tre-atlas validate', function () {
  let dir: string;
  let treFile: string;
  let operatorFile: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tre-atlas-validate-'));
    treFile = join(dir, 'tre.ttl');
    operatorFile = join(dir, 'operator.ttl');
    writeFileSync(
      treFile,
      `${prefixes}<${TRE}> a tre:TrustedResearchEnvironment, dcat:DataService ;\n  dct:title "CLI test TRE"@en ;\n  dct:publisher <${OPERATOR}> .\n`,
    );
    writeFileSync(
      operatorFile,
      `${prefixes}<${OPERATOR}> a foaf:Organization, org:Organization ;\n  foaf:name "CLI test operator"@en .\n`,
    );
    for (const { ext, text } of malformed) writeFileSync(join(dir, `broken.${ext}`), text);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the bundled data/ (exit 0)', async () => {
    const run = await cli('validate', 'data/');
    assert.equal(run.code, 0, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    assert.match(run.stdout, /^0 violations, \d+ warnings? in \d+ files?$/m);
  });

  it('reports a violating file in text: file, focus node, path and message (exit 1)', async () => {
    const [text, json] = await Promise.all([
      cli('validate', treFile),
      cli('validate', '--format', 'json', treFile),
    ]);
    assert.equal(text.code, 1, text.stderr);
    assert.equal(json.code, 1, json.stderr);
    const results = JSON.parse(json.stdout).results as Array<{
      focusNode: string;
      path?: string;
      message: string;
      severity: string;
    }>;
    const violations = results.filter((r) => r.severity === 'Violation');
    assert.ok(violations.length > 0);
    assert.match(text.stdout, new RegExp(`^${escape(treFile)}$`, 'm'), 'names the file');
    assert.match(text.stdout, new RegExp(`^ {2}${escape(TRE)}$`, 'm'), 'names the focus node');
    const description = violations.find((r) => r.path === 'http://purl.org/dc/terms/description');
    assert.ok(description, 'a missing dct:description is a violation');
    assert.match(
      text.stdout,
      new RegExp(`^ {4}Violation dct:description: ${escape(description.message)}$`, 'm'),
    );
    for (const r of results) assert.ok(text.stdout.includes(r.message), `text has "${r.message}"`);
    assert.match(
      text.stdout,
      new RegExp(`^${violations.length} violations?, \\d+ warnings? in 1 file$`, 'm'),
    );
  });

  it('resolves a reference to an operator described in another file', async () => {
    const alone = JSON.parse((await cli('validate', '--format', 'json', treFile)).stdout);
    const together = JSON.parse((await cli('validate', '--format', 'json', treFile, operatorFile)).stdout);
    const publisher = (report: { results: Array<{ path?: string }> }) =>
      report.results.filter((r) => r.path === DCT_PUBLISHER);
    assert.ok(publisher(alone).length > 0, 'alone, the operator is not known to be an organisation');
    assert.deepEqual(publisher(together), []);
  });

  it('writes JSON and Turtle reports that carry the same results', async () => {
    const [json, turtle] = await Promise.all([
      cli('validate', '--format', 'json', '--profile', 'recommended', treFile),
      cli('validate', '--format', 'turtle', '--profile', 'recommended', treFile),
    ]);
    assert.equal(turtle.code, 1, turtle.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.format, 'tre-atlas-report/1');
    assert.equal(report.conforms, false);
    assert.equal(report.results[0].source, treFile);
    const quads = await parseRdf(turtle.stdout, { format: rdfFormats.turtle, source: 'report.ttl' });
    const sh = 'http://www.w3.org/ns/shacl#';
    const objects = (s: string, p: string) =>
      quads.filter((q) => q.subject.value === s && q.predicate.value === sh + p).map((q) => q.object);
    const conforms = quads.find((q) => q.predicate.value === `${sh}conforms`);
    assert.equal(conforms?.object.value, 'false');
    const fromTurtle = quads
      .filter((q) => q.predicate.value === `${sh}result`)
      .map((q) => {
        const path = objects(q.object.value, 'resultPath')[0];
        return JSON.stringify([
          objects(q.object.value, 'focusNode')[0]?.value,
          objects(q.object.value, 'resultSeverity')[0]?.value.replace(sh, ''),
          path?.termType === 'NamedNode' ? path.value : null,
          objects(q.object.value, 'resultMessage')[0]?.value,
        ]);
      })
      .sort();
    const fromJson = (
      report.results as Array<{ focusNode: string; severity: string; path?: string; message: string }>
    )
      .map((r) =>
        JSON.stringify([r.focusNode, r.severity, r.path?.startsWith('http') ? r.path : null, r.message]),
      )
      .sort();
    assert.deepEqual(fromTurtle, fromJson);
  });

  for (const { ext, line } of malformed) {
    it(`rejects malformed .${ext} with file:line:column (exit 2)`, async () => {
      const file = join(dir, `broken.${ext}`);
      const run = await cli('validate', treFile, file);
      assert.equal(run.code, 2, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
      assert.match(run.stderr, new RegExp(`^${escape(file)}:${line}:\\d+: \\S`, 'm'));
      assert.equal(run.stdout, '');
    });
  }

  it('rejects a missing path (exit 2)', async () => {
    const missing = join(dir, 'no-such-file.ttl');
    const run = await cli('validate', missing);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(missing), run.stderr);
  });

  it('rejects an unknown --profile (exit 2)', async () => {
    const run = await cli('validate', '--profile', 'strict', treFile);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /strict/);
    assert.match(run.stderr, /core, recommended, ehds|core|recommended/);
  });

  it('rejects a call without paths (exit 2)', async () => {
    const run = await cli('validate');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /paths/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
