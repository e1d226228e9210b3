import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pino } from 'pino';
import { isomorphic } from 'rdf-isomorphic';
import { Harvester } from '../../src/harvest/index.js';
import { dataDir, startAtlas, type AtlasInstance } from './atlasInstance.js';
import { only, sources } from './helpers.js';

/** Asserts that every description graph of `to` is isomorphic to the graph of the same IRI in `from`. */
async function assertSameGraphs(
  from: AtlasInstance,
  to: AtlasInstance,
  graphs: readonly string[],
): Promise<void> {
  for (const graph of graphs) {
    const [a, b] = await Promise.all([from.triples(graph), to.triples(graph)]);
    assert.ok(b.length > 0, `${graph} was not harvested`);
    assert.ok(
      isomorphic(a, b),
      `${graph}: ${a.length} triples at the provider, ${b.length} harvested, not isomorphic`,
    );
  }
}

describe('harvest: another TRE Atlas instance', function () {
  this.timeout(120_000);
  let provider: AtlasInstance;
  let tres: string[];

  before(async () => {
    provider = await startAtlas([dataDir]);
    tres = (await provider.ingestor.listDescriptions())
      .map((r) => r.graph)
      .filter((g) => g.startsWith('https://w3id.org/tre-atlas/id/tre/'));
    assert.equal(tres.length, 18);
  });
  after(() => provider.close());

  function harvester(target: AtlasInstance): Harvester {
    return Harvester.create({
      store: target.store,
      ingestor: target.ingestor,
      logger: pino({ level: 'silent' }),
    });
  }

  it('harvests its SPARQL endpoint with the default CONSTRUCT: every TRE, isomorphic to the original', async () => {
    const target = await startAtlas([join(dataDir, 'org'), join(dataDir, 'federation')]);
    try {
      const report = await harvester(target).run(
        sources([{ id: 'atlas-sparql', type: 'sparql', url: `${provider.url}/sparql` }]),
      );
      const r = only(report);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.invalid, []);
      assert.deepEqual([...r.created].sort(), tres);
      await assertSameGraphs(provider, target, tres);
      const again = only(
        await harvester(target).run(
          sources([{ id: 'atlas-sparql', type: 'sparql', url: `${provider.url}/sparql` }]),
        ),
      );
      assert.equal(again.sourceUnchanged, true);
      assert.equal(again.unchanged.length, 18);
    } finally {
      await target.close();
    }
  });

  it('round trip: harvesting its paged /catalog gives isomorphic description graphs', async () => {
    const target = await startAtlas();
    try {
      const report = await harvester(target).run(
        sources([
          { id: 'atlas-catalog', type: 'dcat', url: `${provider.url}/catalog?page_size=5&profile=tre` },
        ]),
      );
      const r = only(report);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.invalid, []);
      assert.equal(r.fetched, 4);
      const harvested = (await target.ingestor.listDescriptions()).map((d) => d.graph);
      for (const graph of tres) assert.ok(harvested.includes(graph), graph);
      assert.ok(harvested.length > tres.length, 'operators and federations come along');
      await assertSameGraphs(provider, target, harvested);
    } finally {
      await target.close();
    }
  });
});
