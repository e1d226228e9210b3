import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAtlasError } from '../../src/errors.js';
import { parseSources, readSources } from '../../src/harvest/index.js';

describe('harvest: sources file', () => {
  it('accepts the four kinds with per-source settings', () => {
    const parsed = parseSources({
      allowPrivateNetwork: true,
      sources: [
        {
          id: 'doc',
          type: 'document',
          url: 'https://a.example.org/tre.ttl',
          timeoutMs: 5000,
          maxBytes: 1000,
        },
        { id: 'cat', type: 'dcat', url: 'https://a.example.org/catalog', maxRedirects: 2, interval: 3600 },
        { id: 'fdp', type: 'fdp', url: 'https://a.example.org/fdp', headers: { 'x-api-key': 'k' } },
        {
          id: 'sq',
          type: 'sparql',
          url: 'https://a.example.org/sparql',
          query: 'CONSTRUCT WHERE { ?s ?p ?o }',
        },
      ],
    });
    assert.deepEqual(
      parsed.sources.map((s) => s.type),
      ['document', 'dcat', 'fdp', 'sparql'],
    );
    assert.equal(parsed.allowPrivateNetwork, true);
  });

  it('names the source index and key of every problem', () => {
    try {
      parseSources(
        {
          sources: [
            { id: 'ok', type: 'document', url: 'https://a.example.org/' },
            { id: 'bad', type: 'ftp', url: 'https://a.example.org/', timeoutMs: -1 },
            { id: 'ok', type: 'dcat', url: 'not a url', colour: 'blue' },
          ],
        },
        'sources.json',
      );
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(isAtlasError(error, 'USAGE'));
      assert.match(error.message, /^sources\.json: /);
      assert.match(error.message, /sources\[1\]\.type: expected one of document, dcat, fdp, sparql/);
      assert.match(
        error.message,
        /sources\[1\]\.timeoutMs: expected a positive whole number of milliseconds/,
      );
      assert.match(error.message, /sources\[2\]\.url: expected an http\(s\) URL/);
      assert.match(error.message, /sources\[2\]\.colour: unknown setting/);
    }
  });

  it('refuses two sources with one id', () => {
    assert.throws(
      () =>
        parseSources({
          sources: [
            { id: 'same', type: 'document', url: 'https://a.example.org/' },
            { id: 'same', type: 'dcat', url: 'https://b.example.org/' },
          ],
        }),
      /sources\[1\]\.id: duplicate id 'same'/,
    );
  });

  it('reports a file that is missing or not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tre-atlas-sources-'));
    try {
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "sources": [ ');
      await assert.rejects(
        readSources(broken),
        (e: unknown) => isAtlasError(e, 'SYNTAX') && /broken\.json: not valid JSON/.test(e.message),
      );
      await assert.rejects(readSources(join(dir, 'missing.json')), (e: unknown) => isAtlasError(e, 'IO'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
