import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startProvider, type Provider } from './providerServer.js';

const bin = fileURLToPath(new URL('../../bin/tre-atlas.js', import.meta.url));
const TITLE = 'http://purl.org/dc/terms/title';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tre-atlas federate', function () {
  this.timeout(60_000);
  let good: Provider;
  let down: Provider;
  before(async () => {
    good = await startProvider(`<https://good.example.org/tre> <${TITLE}> "Good provider TRE" .`);
    down = await startProvider(`<https://down.example.org/tre> <${TITLE}> "never seen" .`);
    down.mode = 'fail';
  });
  after(async () => {
    await good.close();
    await down.close();
  });

  it('refuses a source on a loopback address without --allow-private-network, and never contacts it', async () => {
    const before = good.connections;
    const query = `SELECT ?title WHERE { ?tre <${TITLE}> ?title }`;
    const { stdout, stderr } = await cli([
      'federate',
      query,
      '--no-local',
      '--source',
      good.url,
      '-f',
      'json',
    ]);
    assert.equal(good.connections, before);
    assert.match(stderr, /FORBIDDEN/);
    assert.match(stderr, /127\.0\.0\.1/);
    assert.doesNotMatch(stdout, /Good provider TRE/);
  });

  it('prints the rows of the sources that answered, each with its source, and names the failed one', async () => {
    const query = `SELECT ?title WHERE { ?tre <${TITLE}> ?title }`;
    const { code, stdout, stderr } = await cli([
      'federate',
      query,
      '--no-local',
      '--allow-private-network',
      '--source',
      good.url,
      '--source',
      down.url,
      '-f',
      'json',
    ]);
    assert.equal(code, 0, stderr);
    const body = JSON.parse(stdout) as { results: { bindings: Array<Record<string, { value: string }>> } };
    assert.deepEqual(
      body.results.bindings.map((b) => [b['title']!.value, b['source']!.value]),
      [['Good provider TRE', good.url]],
    );
    assert.match(stderr, new RegExp(`source ${down.url.replace(/[.:/]/g, '\\$&')} failed`));
  });

  it('refuses a query that is not a SELECT (exit 2)', async () => {
    const { code, stderr } = await cli(['federate', 'ASK { ?s ?p ?o }', '--no-local', '--source', good.url]);
    assert.equal(code, 2);
    assert.match(stderr, /SELECT/);
  });
});
