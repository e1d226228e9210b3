import assert from 'node:assert/strict';
import { Readiness } from '../../src/server/index.js';
import { startTestServer, type TestServer } from './testServer.js';

/** A cross product of 10^10 rows: runs far past any time limit. */
const slowQuery = (() => {
  const values = Array.from({ length: 100 }, (_, i) => i).join(' ');
  const blocks = ['a', 'b', 'c', 'd', 'e'].map((v) => `VALUES ?${v} { ${values} }`).join(' ');
  return `SELECT (COUNT(*) AS ?n) WHERE { ${blocks} FILTER(?a + ?b + ?c + ?d + ?e < 0) }`;
})();

describe('health, readiness and time limits', () => {
  describe('/health and /ready', () => {
    let server: TestServer;
    const readiness = new Readiness();
    before(async () => {
      server = await startTestServer({ readiness });
    });
    after(async () => server.close());

    it('answers /health at once, and /ready 503 until loaded, then 200', async () => {
      const health = await fetch(`${server.url}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const loading = await fetch(`${server.url}/ready`);
      assert.equal(loading.status, 503);
      assert.deepEqual(await loading.json(), { status: 'starting' });
      readiness.markReady();
      const ready = await fetch(`${server.url}/ready`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
    });

    it('reports a failed start on /ready with the reason', async () => {
      readiness.markFailed('data/tsd.ttl:3:1: bad');
      const failed = await fetch(`${server.url}/ready`);
      assert.equal(failed.status, 503);
      assert.deepEqual(await failed.json(), { status: 'failed', reason: 'data/tsd.ttl:3:1: bad' });
    });
  });

  describe('a query past its time limit', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ config: { queryTimeout: 1500 } });
    });
    after(async () => server.close());

    it('keeps /health answering while it runs, then answers 503 with a message', async () => {
      let settled = false;
      const slow = fetch(`${server.url}/sparql?query=${encodeURIComponent(slowQuery)}`).then((response) => {
        settled = true;
        return response;
      });
      // Give the query time to reach the engine, then ask for /health while it runs.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const health = await fetch(`${server.url}/health`);
      assert.equal(health.status, 200);
      assert.equal(settled, false, 'the long query should still be running when /health answered');

      const response = await slow;
      assert.equal(response.status, 503);
      const body = (await response.json()) as { error: string; message: string };
      assert.equal(body.error, 'TIMEOUT');
      assert.match(body.message, /time limit of 1500 ms/);
      const after = await fetch(`${server.url}/sparql?query=${encodeURIComponent('ASK {}')}`);
      assert.equal(after.status, 200, 'the endpoint answers again after a timed-out query');
    });
  });
});
