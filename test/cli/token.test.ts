import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TokenStore } from '../../src/auth/index.js';

const bin = fileURLToPath(new URL('../../bin/tre-atlas.js', import.meta.url));
const provider = 'https://w3id.org/tre-atlas/id/org/example';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, TRE_ATLAS_DATA_DIR: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tre-atlas token', function () {
  this.timeout(60000);
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tre-atlas-token-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('create prints an explanation on stderr and the token as the last line of stdout', async () => {
    const { code, stdout, stderr } = await cli([
      'token',
      'create',
      '--provider',
      provider,
      '--data-dir',
      dataDir,
    ]);
    assert.equal(code, 0, stderr);
    const token = stdout.trimEnd().split('\n').at(-1)!;
    assert.match(token, /^tre_[A-Za-z0-9_-]{43}$/);
    assert.match(stderr, /Bearer/);
    assert.ok(stderr.includes(provider));
    assert.ok(!readFileSync(join(dataDir, 'tokens.json'), 'utf8').includes(token));
    const tokens = await TokenStore.open({ dataDir });
    assert.deepEqual(tokens.verify(token), { provider, admin: false });
  });

  it('list shows ids, providers and creation times, never the hashes', async () => {
    await cli([
      'token',
      'create',
      '--provider',
      'https://example.org/admin',
      '--admin',
      '--data-dir',
      dataDir,
    ]);
    const { code, stdout } = await cli(['token', 'list', '--data-dir', dataDir]);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(
      lines[0]!,
      new RegExp(`^[0-9a-f]{12}\\t\\d{4}-\\d\\d-\\d\\dT[^\\t]+\\tprovider\\t${provider}$`),
    );
    assert.match(lines[1]!, /\tadmin\thttps:\/\/example\.org\/admin$/);
    const file = JSON.parse(readFileSync(join(dataDir, 'tokens.json'), 'utf8'));
    for (const t of file.tokens) assert.ok(!stdout.includes(t.hash));
  });

  it('create without --provider is a usage error (exit 2)', async () => {
    const { code, stdout } = await cli(['token', 'create', '--data-dir', dataDir]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
  });
});
