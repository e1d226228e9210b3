import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAtlasError } from '../../src/errors.js';
import { loadSeed } from '../../src/ingest/index.js';
import { readRdfPaths } from '../../src/rdf/index.js';
import { SYS, dump, freshIngestor } from './helpers.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

describe('loadSeed', function () {
  this.timeout(120000);

  it('stores every file of data/ in one batch with zero violations', async () => {
    const { store, ingestor, close } = await freshIngestor();
    try {
      const files = (await readRdfPaths([dataDir])).filter((f) => f.quads.length > 0);
      assert.ok(files.length > 10, 'data/ holds the seed');
      const result = await loadSeed({ ingestor, dir: dataDir });
      assert.equal(result.committed, true);
      assert.equal(result.documents.length, files.length);
      const violations = result.documents
        .flatMap((d) => d.report.results)
        .filter((r) => r.severity === 'Violation');
      assert.deepEqual(violations, []);
      assert.ok(result.documents.every((d) => d.stored && d.version === 1));
      const records = await ingestor.listDescriptions();
      assert.equal(records.length, files.length);
      assert.ok(records.every((r) => r.submitter === `${SYS}seed` && !r.source.startsWith('/')));
      assert.equal((await store.listGraphs()).length, files.length);

      const before = await dump(store);
      const again = await loadSeed({ ingestor, dir: dataDir });
      assert.ok(
        again.documents.every((d) => d.unchanged === true),
        'reloading the same seed changes nothing',
      );
      assert.deepEqual(await dump(store), before);
    } finally {
      await close();
    }
  });

  it('stores nothing when one seed file violates the shapes', async () => {
    const { store, ingestor, close } = await freshIngestor();
    const seed = mkdtempSync(join(tmpdir(), 'tre-atlas-seed-'));
    try {
      cpSync(dataDir, seed, { recursive: true });
      writeFileSync(
        join(seed, 'tre', 'broken.ttl'),
        `<https://w3id.org/tre-atlas/id/tre/broken> a <https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment> .\n`,
      );
      await assert.rejects(
        loadSeed({ ingestor, dir: seed }),
        (e: unknown) => isAtlasError(e, 'INVALID') && /tre\/broken\.ttl \(\d+ violations/.test(e.message),
      );
      assert.deepEqual(await dump(store), []);
    } finally {
      rmSync(seed, { recursive: true, force: true });
      await close();
    }
  });
});
