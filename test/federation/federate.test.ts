import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory } from 'n3';
import { pino } from 'pino';
import { federate, federatedJson, parseSource } from '../../src/federation/index.js';
import { EmbeddedStore } from '../../src/store/index.js';
import { startProvider, type Provider } from './providerServer.js';

const { namedNode, literal, quad } = DataFactory;
const TITLE = 'http://purl.org/dc/terms/title';
const query = `SELECT ?tre ?title WHERE { ?tre <${TITLE}> ?title }`;
/** The providers of these tests listen on loopback, which federation refuses unless allowed. */
const loopback = { allowPrivateNetwork: true };
const turtle = (name: string): string =>
  `<https://${name}.example.org/tre/1> <${TITLE}> "${name} TRE one" .\n<https://${name}.example.org/tre/2> <${TITLE}> "${name} TRE two" .\n`;

describe('federate', function () {
  this.timeout(60_000);
  let alpha: Provider;
  let beta: Provider;
  let store: EmbeddedStore;
  let dir: string;

  before(async () => {
    alpha = await startProvider(turtle('alpha'));
    beta = await startProvider(turtle('beta'));
    dir = await mkdtemp(join(tmpdir(), 'tre-atlas-federation-'));
    store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }) });
    await store.open();
    await store.applyChanges([
      {
        graph: 'https://local.example.org/tre/0',
        quads: [quad(namedNode('https://local.example.org/tre/0'), namedNode(TITLE), literal('local TRE'))],
      },
    ]);
  });
  after(async () => {
    await alpha.close();
    await beta.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    alpha.mode = 'ok';
    beta.mode = 'ok';
  });

  const titlesBySource = (rows: Array<Record<string, { value: string }>>): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    for (const row of rows) (out[row['source']!.value] ??= []).push(row['title']!.value);
    for (const list of Object.values(out)) list.sort();
    return out;
  };

  it('unions the local graph and two provider endpoints, each row naming its source', async () => {
    const result = await federate(query, {
      ...loopback,
      store,
      sources: [parseSource(alpha.url), parseSource(beta.url)],
    });
    assert.deepEqual(result.failed, []);
    assert.deepEqual(result.variables, ['tre', 'title', 'source']);
    assert.deepEqual(titlesBySource(result.rows), {
      local: ['local TRE'],
      [alpha.url]: ['alpha TRE one', 'alpha TRE two'],
      [beta.url]: ['beta TRE one', 'beta TRE two'],
    });
  });

  it('returns the other sources when one fails, and names the failed one', async () => {
    beta.mode = 'fail';
    const result = await federate(query, {
      ...loopback,
      store,
      sources: [parseSource(alpha.url), parseSource(beta.url)],
    });
    assert.deepEqual(titlesBySource(result.rows), {
      local: ['local TRE'],
      [alpha.url]: ['alpha TRE one', 'alpha TRE two'],
    });
    assert.deepEqual(
      result.failed.map((f) => f.source),
      [beta.url],
    );
    const json = JSON.parse(federatedJson(result));
    assert.deepEqual(
      json.failures.map((f: { source: string }) => f.source),
      [beta.url],
    );
    assert.equal(json.results.bindings.length, 3);
  });

  it('gives up on a source that does not answer within its time limit', async () => {
    alpha.mode = 'hang';
    const result = await federate(query, {
      ...loopback,
      store,
      sources: [parseSource(alpha.url), parseSource(beta.url)],
      timeoutMs: 1500,
    });
    assert.deepEqual(
      result.failed.map((f) => [f.source, f.code]),
      [[alpha.url, 'TIMEOUT']],
    );
    assert.deepEqual(Object.keys(titlesBySource(result.rows)).sort(), ['local', beta.url].sort());
  });

  it('refuses a loopback source by default: reported as FORBIDDEN, never contacted', async () => {
    const gamma = await startProvider(turtle('gamma'));
    try {
      const result = await federate(query, { store, sources: [parseSource(gamma.url)] });
      assert.equal(gamma.connections, 0);
      assert.deepEqual(
        result.failed.map((f) => [f.source, f.code]),
        [[gamma.url, 'FORBIDDEN']],
      );
      assert.match(result.failed[0]!.message, /127\.0\.0\.1/);
      assert.deepEqual(Object.keys(titlesBySource(result.rows)), ['local']);
    } finally {
      await gamma.close();
    }
  });

  it('refuses a name that resolves to a private address (every address is checked, IPv4-mapped IPv6 too)', async () => {
    const lookup = () =>
      Promise.resolve([
        { address: '93.184.216.34', family: 4 },
        { address: '::ffff:169.254.169.254', family: 6 },
      ]);
    const result = await federate(query, {
      sources: [{ url: 'http://metadata.example.org/sparql', type: 'sparql' }],
      lookup,
    });
    assert.deepEqual(
      result.failed.map((f) => f.code),
      ['FORBIDDEN'],
    );
    assert.match(result.failed[0]!.message, /::ffff:169\.254\.169\.254/);
  });

  it('does not follow a redirect from an allowed source to a private address', async () => {
    // `localhost` is declared public by the lookup, so the first hop is allowed; the redirect to 127.0.0.1 is not.
    const target = await startProvider(turtle('target'));
    const front = await startProvider(turtle('front'), 'localhost');
    front.redirectTo = target.url;
    try {
      const result = await federate(query, {
        sources: [parseSource(front.url)],
        lookup: () => Promise.resolve([{ address: '93.184.216.34', family: 4 }]),
        timeoutMs: 5000,
      });
      assert.ok(front.connections > 0, 'the allowed first hop was contacted');
      assert.equal(target.connections, 0, 'the redirect target was never contacted');
      assert.deepEqual(
        result.failed.map((f) => f.code),
        ['FORBIDDEN'],
      );
      assert.deepEqual(result.rows, []);
    } finally {
      await front.close();
      await target.close();
    }
  });
});
