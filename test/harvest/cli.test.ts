import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerDocument, startProvider, type Provider } from './helpers.js';

const main = new URL('cliMain.ts', import.meta.url).pathname;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('tre-atlas harvest', function () {
  this.timeout(120_000);
  let provider: Provider;
  let dir: string;
  let document = '';

  before(async () => {
    document = await providerDocument([{ iri: 'https://provider.example.org/tre/alpha', title: 'Alpha' }]);
    provider = await startProvider((request, response) => {
      if (request.url === '/gone') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/turtle', etag: '"v1"' });
      response.end(document);
    });
    dir = mkdtempSync(join(tmpdir(), 'tre-atlas-harvest-cli-'));
  });
  after(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function sourcesFile(name: string, value: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  }

  it('harvests, prints the report and exits 0 when every source was read', async () => {
    const file = sourcesFile('ok.json', {
      allowPrivateNetwork: true,
      sources: [{ id: 'uni', type: 'document', url: `${provider.url}/tres.ttl` }],
    });
    const result = await run(['harvest', '--sources', file, '--data-dir', join(dir, 'store'), '--no-seed']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /source\s+type\s+fetched\s+new\s+updated\s+unchanged\s+invalid\s+withdrawn\s+errors\s+read/,
    );
    assert.match(result.stdout, /uni\s+document\s+1\s+2\s+0\s+0\s+0\s+0\s+0\s+complete/);
    assert.match(result.stdout, /Every source was read completely\./);
    assert.doesNotMatch(result.stderr, /█|░/, 'no progress bars when stderr is not a terminal');
  });

  it('exits 1 when a source could not be read, naming it', async () => {
    const file = sourcesFile('down.json', {
      allowPrivateNetwork: true,
      sources: [
        { id: 'uni', type: 'document', url: `${provider.url}/tres.ttl` },
        { id: 'gone', type: 'document', url: `${provider.url}/gone` },
      ],
    });
    const result = await run(['harvest', '--sources', file, '--data-dir', join(dir, 'store'), '--no-seed']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /uni\s+document\s+1\s+0\s+0\s+2\s+0\s+0\s+0\s+complete \(not modified\)/);
    assert.match(result.stdout, /\[gone\] http:\/\/127\.0\.0\.1:\d+\/gone: HTTP 404/);
  });

  it('exits 2 for a bad sources file, naming the index and key', async () => {
    const file = sourcesFile('bad.json', {
      sources: [{ id: 'x', type: 'document', url: 'ftp://example.org/' }],
    });
    const result = await run(['harvest', '--sources', file, '--data-dir', join(dir, 'store'), '--no-seed']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bad\.json: sources\[0\]\.url: expected an http\(s\) URL/);
  });
});
