import assert from 'node:assert/strict';
import { contentHash, graphIriOf, publisherOf } from '../../src/ingest/index.js';
import { ID, operator, tre, turtle } from './helpers.js';

describe('graph IRIs, publishers and content hashes', () => {
  const uni = `${ID}org/uni`;

  it('names the graph after the TRE, else the federation, organisation or catalogue', async () => {
    const doc = [...(await tre(`${ID}tre/x`, uni, 'X')), ...(await operator(uni, 'Uni'))];
    assert.equal(graphIriOf({ quads: doc, source: 'x.ttl' }), `${ID}tre/x`);
    assert.equal(graphIriOf({ quads: await operator(uni, 'Uni'), source: 'uni.ttl' }), uni);
    const fed = await turtle(
      `<${ID}fed/f> a tre:Federation ; dct:publisher <${uni}> . <${uni}> a org:Organization .`,
    );
    assert.equal(graphIriOf({ quads: fed, source: 'f.ttl' }), `${ID}fed/f`);
    assert.equal(
      graphIriOf({ quads: doc, source: 'x.ttl', graph: 'https://example.org/g' }),
      'https://example.org/g',
    );
  });

  it('falls back to an http(s) source, else a slug of the source', async () => {
    const two = [...(await tre(`${ID}tre/x`, uni, 'X')), ...(await tre(`${ID}tre/y`, uni, 'Y'))];
    assert.equal(
      graphIriOf({ quads: two, source: 'https://provider.example/tres.ttl' }),
      'https://provider.example/tres.ttl',
    );
    assert.equal(graphIriOf({ quads: two, source: 'data/TRE/Two Tres.ttl' }), `${ID}graph/data-tre-two-tres`);
  });

  it('finds the publisher: the organisation itself, or the TRE publisher', async () => {
    assert.equal(publisherOf(await operator(uni, 'Uni')), uni);
    assert.equal(publisherOf(await tre(`${ID}tre/x`, uni, 'X')), uni);
    assert.equal(publisherOf(await turtle(`<${ID}x> dct:title "no publisher" .`)), undefined);
  });

  it('hashes isomorphic descriptions alike and different ones differently', async () => {
    const a = await tre(`${ID}tre/x`, uni, 'X');
    const b = (await tre(`${ID}tre/x`, uni, 'X')).reverse();
    const c = await tre(`${ID}tre/x`, uni, 'Y');
    const blank = (quads: typeof a) =>
      quads.filter((q) => q.object.termType === 'BlankNode').map((q) => q.object.value);
    assert.equal(blank(a).length, 1, 'the fixture has a blank node');
    assert.notDeepEqual(blank(a), blank(b), 'the two parses label it differently');
    assert.equal(await contentHash(a), await contentHash(b));
    assert.notEqual(await contentHash(a), await contentHash(c));
  });
});
