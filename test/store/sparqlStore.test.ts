import assert from 'node:assert/strict';
import { DigestSession, parseChallenges, supportedDigest } from '../../src/store/sparql/digestAuth.js';
import { DataFactory } from 'n3';
import { pino } from 'pino';
import { isomorphic } from 'rdf-isomorphic';
import { isAtlasError } from '../../src/errors.js';
import { SparqlStore, type GraphStore } from '../../src/store/index.js';
import { startLossyProxy, type LossyProxy } from '../virtuoso/lossyProxy.js';
import { description } from './fixtures.js';
import { clearVirtuoso, useVirtuoso, virtuosoStore } from '../virtuoso/virtuosoFixture.js';
import { describeGraphStore } from './graphStoreSuite.js';

const { namedNode, quad } = DataFactory;

describe('SparqlStore on Virtuoso', function () {
  const virtuoso = useVirtuoso();

  describeGraphStore('SparqlStore (Virtuoso 7)', async () => {
    await clearVirtuoso(virtuoso());
    let store = virtuosoStore(virtuoso());
    await store.open();
    return {
      store,
      async reopen(): Promise<GraphStore> {
        await store.close();
        store = virtuosoStore(virtuoso());
        await store.open();
        return store;
      },
      async cleanup() {
        await store.close();
      },
    };
  });
});

describe('HTTP digest authentication (RFC 7616)', () => {
  // The example of RFC 7616 section 3.9.1.
  const header = (algorithm: string): string =>
    `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, ` +
    'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
  const respond = (algorithm: string): string => {
    const [challenge] = parseChallenges(header(algorithm));
    assert.ok(challenge && supportedDigest(challenge));
    const session = new DigestSession(
      challenge,
      'Mufasa',
      'Circle of Life',
      () => 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    );
    return session.authorization('GET', new URL('http://www.example.org/dir/index.html'));
  };

  it('answers the SHA-256 example with the RFC response', () => {
    const value = respond('SHA-256');
    assert.match(value, /response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"/);
    assert.match(value, /qop=auth, nc=00000001/);
  });

  it('answers the MD5 example with the RFC response', () => {
    assert.match(respond('MD5'), /response="8ca523f5e9506fed4657c9700eebdbec"/);
  });

  it('reads several challenges in one header', () => {
    const challenges = parseChallenges(
      'Basic realm="x", Digest realm="y", nonce="n, with comma", qop="auth"',
    );
    assert.deepEqual(
      challenges.map((c) => [c.scheme, c.params['realm']]),
      [
        ['basic', 'x'],
        ['digest', 'y'],
      ],
    );
    assert.equal(challenges[1]!.params['nonce'], 'n, with comma');
  });
});

describe('SparqlStore on Virtuoso: failures', function () {
  this.timeout(60_000);
  const virtuoso = useVirtuoso();
  let proxy: LossyProxy;
  before(async () => {
    proxy = await startLossyProxy(virtuoso().httpUrl);
  });
  after(async () => {
    await proxy?.close();
  });

  it('retries a commit whose answer was lost, and the graph ends up written once', async () => {
    await clearVirtuoso(virtuoso());
    const store = new SparqlStore({
      queryUrl: `${proxy.url}/sparql-auth`,
      updateUrl: `${proxy.url}/sparql-auth`,
      gspUrl: `${proxy.url}/sparql-graph-crud-auth`,
      user: virtuoso().user,
      password: virtuoso().password,
      logger: pino({ level: 'silent' }),
      retries: 2,
    });
    await store.open();
    try {
      const graph = 'http://example.org/g/retried';
      proxy.loseNext(/INSERT \{ GRAPH \?t/, 1);
      await store.applyChanges([
        { graph, quads: description('r') },
        { graph, add: description('r2') },
      ]);
      assert.equal(proxy.lost, 1);
      const stored = await store.getGraph(graph);
      assert.equal(stored.length, 10);
      assert.ok(
        isomorphic(
          stored,
          [...description('r'), ...description('r2')].map((q) =>
            quad(q.subject, q.predicate, q.object, namedNode(graph)),
          ),
        ),
      );
    } finally {
      await store.close();
    }
  });

  it('refuses a wrong password as UNAUTHORIZED', async () => {
    const store = new SparqlStore({
      queryUrl: virtuoso().authUrl,
      updateUrl: virtuoso().authUrl,
      user: virtuoso().user,
      password: 'wrong',
      logger: pino({ level: 'silent' }),
    });
    await assert.rejects(store.open(), (error: unknown) => isAtlasError(error, 'UNAUTHORIZED'));
  });
});
