import assert from 'node:assert/strict';
import { isAtlasError } from '../../src/errors.js';
import type { Ingestor } from '../../src/ingest/index.js';
import type { EmbeddedStore } from '../../src/store/index.js';
import { ID, SYS, dump, freshIngestor, operator, tre } from './helpers.js';

const uniA = `${ID}org/uni-a`;
const uniB = `${ID}org/uni-b`;
const treA = `${ID}tre/a-safe-haven`;
const treB = `${ID}tre/b-secure-lab`;
const title = 'http://purl.org/dc/terms/title';
const admin = { submitter: `${SYS}seed`, admin: true };
const asA = { submitter: uniA, provider: uniA };

describe('Ingestor', function () {
  this.timeout(60000);
  let store: EmbeddedStore;
  let ingestor: Ingestor;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, ingestor, close } = await freshIngestor());
    const seeded = await ingestor.ingest(
      [
        { quads: await operator(uniA, 'University A'), source: 'org/uni-a.ttl' },
        { quads: await operator(uniB, 'University B'), source: 'org/uni-b.ttl' },
      ],
      admin,
    );
    assert.equal(seeded.committed, true);
  });
  afterEach(() => close());

  it('stores a new description as the graph named by its TRE, with a meta record', async () => {
    const result = await ingestor.ingest(
      [{ quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' }],
      asA,
    );
    assert.equal(result.committed, true);
    const [doc] = result.documents;
    assert.deepEqual(
      { graph: doc!.graph, stored: doc!.stored, version: doc!.version, refused: doc!.refused },
      { graph: treA, stored: true, version: 1, refused: undefined },
    );
    assert.equal(doc!.report.conforms, true);
    assert.ok(
      (await store.getGraph(treA)).some(
        (q) => q.predicate.value === title && q.object.value === 'A Safe Haven',
      ),
    );
    const record = await ingestor.getRecord(treA);
    assert.equal(record?.source, 'a.ttl');
    assert.equal(record?.submitter, uniA);
    assert.equal(record?.publisher, uniA);
    assert.equal(record?.version, 1);
    assert.equal(record?.conforms, true);
    assert.match(record?.contentHash ?? '', /^[0-9a-f]{64}$/);
    assert.equal(record?.modified.toISOString(), '2025-06-01T12:00:02.000Z');
    const graphs = (await ingestor.listDescriptions()).map((r) => r.graph);
    assert.deepEqual(graphs, [uniA, uniB, treA].sort());
    assert.deepEqual(
      await store.listGraphs(),
      [uniA, uniB, treA].sort(),
      'records stay out of the public dataset',
    );
  });

  it('replaces a description as version 2, keeping version 1 readable and diffable', async () => {
    await ingestor.ingest([{ quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' }], asA);
    const second = await ingestor.ingest(
      [{ quads: await tre(treA, uniA, 'A Safer Haven'), source: 'a2.ttl' }],
      asA,
    );
    assert.equal(second.documents[0]?.version, 2);
    const titles = (await store.getGraph(treA))
      .filter((q) => q.predicate.value === title)
      .map((q) => q.object.value);
    assert.deepEqual(titles, ['A Safer Haven']);

    const versions = await ingestor.listVersions(treA);
    assert.deepEqual(
      versions.map((v) => [v.version, v.current, v.source]),
      [
        [1, false, 'a.ttl'],
        [2, true, 'a2.ttl'],
      ],
    );
    assert.notEqual(versions[0]?.contentHash, versions[1]?.contentHash);
    const v1 = await ingestor.getVersion(treA, 1);
    assert.deepEqual(
      v1?.filter((q) => q.predicate.value === title).map((q) => q.object.value),
      ['A Safe Haven'],
    );
    assert.equal(v1?.length, (await store.getGraph(treA)).length);

    const diff = await ingestor.diffVersions(treA, 1, 2);
    assert.deepEqual(
      diff.added.map((q) => [q.subject.value, q.predicate.value, q.object.value]),
      [[treA, title, 'A Safer Haven']],
    );
    assert.deepEqual(
      diff.removed.map((q) => [q.subject.value, q.predicate.value, q.object.value]),
      [[treA, title, 'A Safe Haven']],
    );
    await assert.rejects(ingestor.diffVersions(treA, 1, 3), (e: unknown) => isAtlasError(e, 'NOT_FOUND'));
    assert.equal(await ingestor.getVersion(treA, 3), undefined);
  });

  it('makes no new version for unchanged content, whatever the blank node labels', async () => {
    await ingestor.ingest([{ quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' }], asA);
    const before = await dump(store);
    const again = await ingestor.ingest(
      [{ quads: (await tre(treA, uniA, 'A Safe Haven')).reverse(), source: 'a.ttl' }],
      asA,
    );
    assert.equal(again.committed, true);
    assert.deepEqual(
      {
        stored: again.documents[0]?.stored,
        unchanged: again.documents[0]?.unchanged,
        version: again.documents[0]?.version,
      },
      { stored: true, unchanged: true, version: 1 },
    );
    assert.equal((await ingestor.listVersions(treA)).length, 1);
    assert.deepEqual(await dump(store), before);
  });

  it('refuses an invalid description and leaves the store unchanged', async () => {
    const before = await dump(store);
    const result = await ingestor.ingest(
      [{ quads: await tre(treA, uniA, 'x', { omitTitle: true }), source: 'bad.ttl' }],
      asA,
    );
    assert.equal(result.committed, false);
    const [doc] = result.documents;
    assert.equal(doc?.refused, 'INVALID');
    assert.equal(doc?.stored, false);
    assert.ok(
      doc?.report.results.some((r) => r.severity === 'Violation' && r.focusNode === treA && r.path === title),
    );
    assert.deepEqual(await dump(store), before);
  });

  it('refuses a replacement that drops a required statement, even though the old version had it', async () => {
    await ingestor.ingest([{ quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' }], asA);
    const before = await dump(store);
    const result = await ingestor.ingest(
      [{ quads: await tre(treA, uniA, 'x', { omitTitle: true }), source: 'a.ttl' }],
      asA,
    );
    assert.equal(result.documents[0]?.refused, 'INVALID');
    assert.deepEqual(await dump(store), before);
  });

  it('gives concurrent writes of one graph successive versions', async () => {
    const [first, second] = [await tre(treA, uniA, 'One'), await tre(treA, uniA, 'Two')];
    const [one, two] = await Promise.all([
      ingestor.ingest([{ quads: first, source: 'one.ttl' }], asA),
      ingestor.ingest([{ quads: second, source: 'two.ttl' }], asA),
    ]);
    assert.deepEqual([one.documents[0]?.version, two.documents[0]?.version], [1, 2]);
    assert.deepEqual(
      (await ingestor.listVersions(treA)).map((v) => [v.version, v.source]),
      [
        [1, 'one.ttl'],
        [2, 'two.ttl'],
      ],
    );
  });

  it('stores nothing of a batch with one invalid document', async () => {
    const before = await dump(store);
    const result = await ingestor.ingest(
      [
        { quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' },
        { quads: await tre(treB, uniB, 'x', { omitTitle: true }), source: 'b.ttl' },
      ],
      admin,
    );
    assert.equal(result.committed, false);
    assert.deepEqual(
      result.documents.map((d) => [d.graph, d.stored, d.refused, d.report.conforms]),
      [
        [treA, false, undefined, true],
        [treB, false, 'INVALID', false],
      ],
    );
    assert.deepEqual(await dump(store), before);
  });

  it('resolves references to documents of the same batch', async () => {
    const uniC = `${ID}org/uni-c`;
    const treC = `${ID}tre/c`;
    const alone = await ingestor.ingest([{ quads: await tre(treC, uniC, 'C'), source: 'c.ttl' }], admin);
    assert.equal(alone.committed, false, 'a TRE whose operator is described nowhere is invalid');
    const together = await ingestor.ingest(
      [
        { quads: await tre(treC, uniC, 'C'), source: 'c.ttl' },
        { quads: await operator(uniC, 'University C'), source: 'org-c.ttl' },
      ],
      admin,
    );
    assert.equal(together.committed, true);
    assert.deepEqual(
      together.documents.map((d) => [d.graph, d.version]),
      [
        [treC, 1],
        [uniC, 1],
      ],
    );
  });

  describe('ownership', () => {
    it("lets a provider write its own TRE but not another provider's", async () => {
      const own = await ingestor.ingest([{ quads: await tre(treA, uniA, 'A'), source: 'a.ttl' }], asA);
      assert.equal(own.committed, true);
      const before = await dump(store);
      const other = await ingestor.ingest([{ quads: await tre(treB, uniB, 'B'), source: 'b.ttl' }], asA);
      assert.equal(other.committed, false);
      assert.equal(other.documents[0]?.refused, 'FORBIDDEN');
      assert.match(other.documents[0]?.reason ?? '', /uni-b/);
      assert.deepEqual(await dump(store), before);
    });

    it("refuses a takeover of another provider's graph", async () => {
      await ingestor.ingest([{ quads: await tre(treB, uniB, 'B'), source: 'b.ttl' }], {
        submitter: uniB,
        provider: uniB,
      });
      const before = await dump(store);
      // A's own TRE content, written to the graph that holds B's TRE
      const takeover = await ingestor.ingest(
        [{ quads: await tre(treA, uniA, 'A'), source: 'x', graph: treB }],
        asA,
      );
      assert.equal(takeover.documents[0]?.refused, 'FORBIDDEN');
      assert.match(takeover.documents[0]?.reason ?? '', new RegExp(`belongs to ${uniB}`));
      // A claiming B's TRE as its own
      const claim = await ingestor.ingest([{ quads: await tre(treB, uniA, 'Mine now'), source: 'x' }], asA);
      assert.equal(claim.documents[0]?.refused, 'FORBIDDEN');
      // describing B's organisation
      const org = await ingestor.ingest([{ quads: await operator(uniB, 'Renamed'), source: 'x' }], asA);
      assert.equal(org.documents[0]?.refused, 'FORBIDDEN');
      await assert.rejects(ingestor.deleteDescription(treB, asA), (e: unknown) =>
        isAtlasError(e, 'FORBIDDEN'),
      );
      assert.deepEqual(await dump(store), before);
    });

    it('refuses system graphs to everyone', async () => {
      const result = await ingestor.ingest(
        [{ quads: await tre(treA, uniA, 'A'), source: 'x', graph: `${SYS}meta` }],
        admin,
      );
      assert.equal(result.documents[0]?.refused, 'FORBIDDEN');
    });
  });

  it('deletes a description keeping its history, and takes it back as a new version', async () => {
    await ingestor.ingest([{ quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' }], asA);
    assert.equal(await ingestor.deleteDescription(treA, asA), true);
    assert.equal(await store.hasGraph(treA), false);
    assert.equal(await ingestor.getRecord(treA), undefined);
    assert.ok(!(await ingestor.listDescriptions()).some((r) => r.graph === treA));
    const [v1] = await ingestor.listVersions(treA);
    assert.deepEqual([v1?.version, v1?.current, v1?.withdrawn], [1, false, true]);
    assert.equal(v1?.withdrawnAt?.toISOString(), '2025-06-01T12:00:03.000Z');
    assert.ok((await ingestor.getVersion(treA, 1))?.some((q) => q.object.value === 'A Safe Haven'));
    const meta = await store.query(
      `ASK { GRAPH <${SYS}meta> { ?r <http://xmlns.com/foaf/0.1/primaryTopic> <${treA}> ;
         <https://w3id.org/tre-atlas/ns#withdrawn> true ; <http://www.w3.org/ns/prov#invalidatedAtTime> ?t } }`,
      { dataset: 'system' },
    );
    assert.deepEqual(meta, { kind: 'boolean', value: true });
    assert.equal(await ingestor.deleteDescription(treA, asA), false);

    const back = await ingestor.ingest(
      [{ quads: await tre(treA, uniA, 'A Safe Haven'), source: 'a.ttl' }],
      asA,
    );
    assert.equal(back.documents[0]?.version, 2);
    assert.equal(back.documents[0]?.unchanged, undefined);
    assert.equal((await ingestor.getRecord(treA))?.version, 2);
  });
});
