import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAtlasError } from '../../src/errors.js';
import { readRdfPaths } from '../../src/rdf/index.js';

const tree = 'test/fixtures/rdf/tree';

describe('readRdfPaths', () => {
  it('walks folders recursively, known extensions only, skipping hidden entries, sorted', async () => {
    const files = await readRdfPaths([tree]);
    assert.deepEqual(
      files.map((f) => f.file),
      [`${tree}/a.ttl`, `${tree}/sub/b.jsonld`, `${tree}/sub/c.nt`],
    );
    assert.deepEqual(
      files.map((f) => f.quads[0]?.object.value),
      ['A', 'B', 'C'],
    );
  });

  it('mixes files and folders, without duplicates, sorted', async () => {
    const files = await readRdfPaths([`${tree}/sub/c.nt`, `${tree}/sub`, `${tree}/a.ttl`]);
    assert.deepEqual(
      files.map((f) => f.file),
      [`${tree}/a.ttl`, `${tree}/sub/b.jsonld`, `${tree}/sub/c.nt`],
    );
  });

  it('refuses a missing path with IO naming it', async () => {
    await assert.rejects(
      readRdfPaths([tree, `${tree}/missing.ttl`]),
      (e: unknown) =>
        isAtlasError(e, 'IO') && e.message.includes(`${tree}/missing.ttl`) && /no such file/.test(e.message),
    );
  });

  it('refuses a file named explicitly with an unknown extension', async () => {
    await assert.rejects(readRdfPaths([`${tree}/notes.txt`]), (e: unknown) =>
      isAtlasError(e, 'UNSUPPORTED_FORMAT'),
    );
  });

  it('reports syntax errors with the file path as source', async () => {
    await assert.rejects(
      readRdfPaths(['test/fixtures/rdf/malformed/bad.ttl']),
      (e: unknown) =>
        isAtlasError(e, 'SYNTAX') && e.message.startsWith('test/fixtures/rdf/malformed/bad.ttl:6:19: '),
    );
  });

  describe('with a scratch folder', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tre-atlas-rdf-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('refuses a file over maxBytes with TOO_LARGE', async () => {
      const file = join(dir, 'big.nt');
      await writeFile(file, `<https://example.org/a> <https://example.org/p> "${'x'.repeat(2000)}" .\n`);
      await assert.rejects(
        readRdfPaths([file], { maxBytes: 1000 }),
        (e: unknown) => isAtlasError(e, 'TOO_LARGE') && e.message.includes(file),
      );
      assert.equal((await readRdfPaths([file], { maxBytes: 4000 }))[0]?.quads.length, 1);
    });

    it('reads files that start with a byte order mark, in JSON-LD too', async () => {
      await writeFile(
        join(dir, 'a.jsonld'),
        '\ufeff{"@id": "https://example.org/a", "https://example.org/p": "x"}',
      );
      await writeFile(join(dir, 'b.ttl'), '\ufeff<https://example.org/b> <https://example.org/p> "y" .');
      const files = await readRdfPaths([dir]);
      assert.deepEqual(
        files.map((f) => f.quads.length),
        [1, 1],
      );
    });

    it('returns an empty list for a folder without RDF files', async () => {
      await writeFile(join(dir, 'README.md'), '# nothing');
      assert.deepEqual(await readRdfPaths([dir]), []);
    });
  });
});
