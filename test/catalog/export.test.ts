import type { Quad } from '@rdfjs/types';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseRdf, rdfFormats, type RdfFormat } from '../../src/rdf/index.js';
import { objects, terms, tripleLines } from './catalogServer.js';

const bin = fileURLToPath(new URL('../../bin/tre-atlas.js', import.meta.url));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, TRE_ATLAS_DATA_DIR: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tre-atlas export', function () {
  this.timeout(120_000);
  let dataDir: string;
  let turtle: Quad[];
  /** Later runs on the filled data directory, one after the other (the store is locked while open). */
  const runs = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
  const run = (args: string[]) => {
    const key = args.join(' ');
    const found = runs.get(key);
    if (found === undefined) throw new Error(`not started: ${key}`);
    return found;
  };
  const later = [
    ['--format', 'jsonld'],
    ['--format', 'rdfxml'],
    ['--format', 'nt'],
    ['--profile', 'dcat-ap', '--format', 'nt'],
    ['--format', 'xml'],
  ];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-export-'));
    const { code, stdout, stderr } = await cli(['export', '--data-dir', dataDir]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /empty: loading/);
    turtle = await parseRdf(stdout, { format: rdfFormats.turtle, source: 'stdout' });
    let previous: Promise<unknown> = Promise.resolve();
    for (const args of later) {
      const next = previous.then(() => cli(['export', ...args, '--data-dir', dataDir]));
      runs.set(args.join(' '), next);
      previous = next;
    }
  });
  after(async () => {
    await Promise.allSettled(runs.values());
    await rm(dataDir, { recursive: true, force: true });
  });

  it('writes the whole catalogue as Turtle by default: every TRE, no paging', () => {
    assert.equal(objects(turtle, terms.service, terms.catalogIri).length, 18);
    assert.equal(objects(turtle, terms.hydraView).length, 0);
    assert.equal(objects(turtle, terms.totalItems).length, 0);
    assert.equal(objects(turtle, terms.mfaRequired, 'https://w3id.org/tre-atlas/id/tre/tsd')[0], 'true');
  });

  for (const [flag, format] of [
    ['jsonld', rdfFormats.jsonld],
    ['rdfxml', rdfFormats.rdfxml],
    ['nt', rdfFormats.ntriples],
  ] as Array<[string, RdfFormat]>) {
    it(`--format ${flag} writes the same triples`, async () => {
      const { code, stdout, stderr } = await run(['--format', flag]);
      assert.equal(code, 0, stderr);
      const quads = await parseRdf(stdout, { format, source: 'stdout' });
      assert.deepEqual(tripleLines(quads), tripleLines(turtle));
    });
  }

  it('--profile dcat-ap writes the DCAT-AP view: every TRE, no tre: term', async () => {
    const { code, stdout, stderr } = await run(['--profile', 'dcat-ap', '--format', 'nt']);
    assert.equal(code, 0, stderr);
    const quads = await parseRdf(stdout, { format: rdfFormats.ntriples, source: 'stdout' });
    assert.equal(objects(quads, terms.service, terms.catalogIri).length, 18);
    assert.ok(!stdout.includes(terms.tre), 'a tre: term in the DCAT-AP export');
  });

  it('refuses an unknown format with exit code 2 and the choices', async () => {
    const { code, stdout, stderr } = await run(['--format', 'xml']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /ttl, jsonld, rdfxml, nt/);
  });
});
