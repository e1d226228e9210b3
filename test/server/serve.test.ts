import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iris } from './testServer.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seedDir = fileURLToPath(new URL('fixtures/seed/', import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Runs `tre-atlas serve ARGS` as a user would and waits for the address it prints. */
async function serve(args: string[], env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['bin/tre-atlas.js', 'serve', ...args], {
    cwd: root,
    env: { ...process.env, TRE_ATLAS_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /tre-atlas listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

/** Polls /ready until it answers 200 (or the process dies). */
async function waitReady(running: Running): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await fetch(`${running.url}/ready`);
    if (response.status === 200) return;
    const body = (await response.json()) as { status: string; reason?: string };
    if (body.status === 'failed') throw new Error(`start failed: ${body.reason}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready; log: ${running.stderr()}`);
}

async function stop(running: Running): Promise<number | null> {
  const exited = once(running.child, 'exit');
  running.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

async function titles(url: string): Promise<string[]> {
  const query =
    'SELECT ?title WHERE { ?tre a <https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment> ; <http://purl.org/dc/terms/title> ?title }';
  const response = await fetch(`${url}/sparql?query=${encodeURIComponent(query)}`);
  assert.equal(response.status, 200);
  const body = (await response.json()) as { results: { bindings: Array<{ title: { value: string } }> } };
  return body.results.bindings.map((b) => b.title.value);
}

describe('tre-atlas serve (command line)', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-serve-'));
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  it('seeds an empty store, serves SPARQL, and stops cleanly on SIGTERM', async () => {
    const running = await serve(['--port', '0', '--data-dir', dataDir, '--query-timeout', '5000'], {
      TRE_ATLAS_SEED_DIR: seedDir,
    });
    try {
      assert.equal((await fetch(`${running.url}/health`)).status, 200);
      await waitReady(running);
      assert.deepEqual(await titles(running.url), ['Minimal Example TRE']);
      const description = await fetch(`${running.url}/id/tre/minimal`);
      assert.equal(description.status, 200);
      assert.match(await description.text(), /Minimal Example TRE/);
    } finally {
      assert.equal(await stop(running), 0);
    }
    assert.match(running.stderr(), /shutting down/);
  });

  it('restarts from its data directory without seeding again, with settings from a config file', async () => {
    const configFile = join(dataDir, 'config.json');
    await writeFile(configFile, JSON.stringify({ port: 0, dataDir, seedDir: join(dataDir, 'no-such-seed') }));
    const running = await serve(['--config', configFile], {});
    try {
      await waitReady(running);
      assert.deepEqual(await titles(running.url), ['Minimal Example TRE']);
      const graph = await fetch(`${running.url}/graphs?graph=${encodeURIComponent(iris.minimal)}`);
      assert.equal(graph.status, 200);
    } finally {
      assert.equal(await stop(running), 0);
    }
  });

  it('refuses a bad setting with exit code 2 and names it', async () => {
    const child = spawn(process.execPath, ['bin/tre-atlas.js', 'serve', '--port', 'eighty'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(stderr, /port/);
  });
});
