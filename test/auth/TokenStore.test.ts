import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenStore } from '../../src/auth/index.js';
import { isAtlasError } from '../../src/errors.js';

const provider = 'https://w3id.org/tre-atlas/id/org/example';

describe('TokenStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tre-atlas-tokens-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a token that verifies to its provider', async () => {
    const tokens = await TokenStore.open({ dataDir });
    const token = await tokens.create({ provider });
    assert.match(token, /^tre_[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(tokens.verify(token), { provider, admin: false });
    const admin = await tokens.create({ provider, admin: true });
    assert.deepEqual(tokens.verify(admin), { provider, admin: true });
  });

  it('refuses a wrong, altered or malformed token', async () => {
    const tokens = await TokenStore.open({ dataDir });
    const token = await tokens.create({ provider });
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    assert.equal(tokens.verify(token.slice(0, -1) + last), undefined);
    assert.equal(tokens.verify(token.slice(0, -1)), undefined);
    assert.equal(tokens.verify(''), undefined);
    assert.equal(tokens.verify(`tre_${'x'.repeat(43)}`), undefined);
  });

  it('keeps only hashes in a private file, and a new instance reads it', async () => {
    const tokens = await TokenStore.open({ dataDir });
    const token = await tokens.create({ provider });
    const path = join(dataDir, 'tokens.json');
    const text = readFileSync(path, 'utf8');
    assert.ok(!text.includes(token), 'the file contains the token');
    assert.ok(!text.includes(token.slice(4)), 'the file contains the secret part of the token');
    assert.equal(statSync(path).mode & 0o077, 0, 'the file is readable by others');
    const reopened = await TokenStore.open({ dataDir });
    assert.deepEqual(reopened.verify(token), { provider, admin: false });
  });

  it('sees tokens created by another instance (another process)', async () => {
    const server = await TokenStore.open({ dataDir });
    const cli = await TokenStore.open({ dataDir });
    const token = await cli.create({ provider });
    assert.deepEqual(server.verify(token), { provider, admin: false });
  });

  it('lists ids, providers and times, and revokes by id', async () => {
    const tokens = await TokenStore.open({ dataDir });
    const token = await tokens.create({ provider });
    const [info, ...rest] = tokens.list();
    assert.equal(rest.length, 0);
    assert.equal(info!.provider, provider);
    assert.ok(!Number.isNaN(Date.parse(info!.created)));
    assert.deepEqual(Object.keys(info!).sort(), ['admin', 'created', 'id', 'provider']);
    assert.equal(await tokens.revoke(info!.id), true);
    assert.equal(tokens.verify(token), undefined);
    assert.equal(await tokens.revoke(info!.id), false);
  });

  it('refuses a provider that is not an IRI, and a corrupt file', async () => {
    const tokens = await TokenStore.open({ dataDir });
    await assert.rejects(tokens.create({ provider: 'acme' }), (e: unknown) => isAtlasError(e, 'USAGE'));
    writeFileSync(join(dataDir, 'tokens.json'), '{"version":1,"tokens":[{"id":"x"}]}');
    await assert.rejects(TokenStore.open({ dataDir }), (e: unknown) => isAtlasError(e, 'CORRUPT'));
  });
});
