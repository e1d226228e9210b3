import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { isAtlasError } from '../src/errors.js';

describe('loadConfig', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tre-atlas-config-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function file(name: string, content: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('gives the documented defaults', () => {
    const { port, host, dataDir, queryTimeout, bodyLimit, seedDir, logLevel, baseUrl } = loadConfig({
      env: {},
    });
    assert.deepEqual(
      { port, host, dataDir, queryTimeout, bodyLimit, seedDir, logLevel, baseUrl },
      {
        port: 8080,
        host: '127.0.0.1',
        dataDir: './.tre-atlas',
        queryTimeout: 10000,
        bodyLimit: 10 * 1024 * 1024,
        seedDir: fileURLToPath(new URL('../data/', import.meta.url)),
        logLevel: 'info',
        baseUrl: 'http://127.0.0.1:8080',
      },
    );
  });

  it('takes flags over environment over config file over defaults', () => {
    const configFile = file('precedence.json', {
      port: 1111,
      host: '0.0.0.0',
      dataDir: '/from/file',
      seedDir: 'seed/',
    });
    const env = { TRE_ATLAS_PORT: '2222', TRE_ATLAS_DATA_DIR: '/from/env', TRE_ATLAS_LOG_LEVEL: 'debug' };
    const config = loadConfig({ configFile, env, flags: { port: '3333', config: configFile, admin: true } });
    assert.equal(config.port, 3333);
    assert.equal(config.dataDir, '/from/env');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.seedDir, 'seed/');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.queryTimeout, 10000);
    assert.equal(config.baseUrl, 'http://0.0.0.0:3333');
  });

  it('reads byte sizes and a base URL from the environment', () => {
    const config = loadConfig({
      env: {
        TRE_ATLAS_BODY_LIMIT: '2mb',
        TRE_ATLAS_BASE_URL: 'https://atlas.example.org/',
        TRE_ATLAS_HOST: '',
      },
    });
    assert.equal(config.bodyLimit, 2 * 1024 * 1024);
    assert.equal(config.baseUrl, 'https://atlas.example.org');
    assert.equal(config.host, '127.0.0.1', 'an empty variable counts as unset');
  });

  it('names the key and the environment variable of a bad value', () => {
    assert.throws(
      () => loadConfig({ env: { TRE_ATLAS_PORT: 'eighty' } }),
      (error: unknown) =>
        isAtlasError(error, 'USAGE') &&
        /'port'/.test(error.message) &&
        /"eighty"/.test(error.message) &&
        /environment variable TRE_ATLAS_PORT/.test(error.message),
    );
  });

  it('names the key and the flag of a bad value', () => {
    assert.throws(
      () => loadConfig({ env: {}, flags: { port: '70000' } }),
      (error: unknown) =>
        isAtlasError(error, 'USAGE') && /'port' = "70000" from command-line flag/.test(error.message),
    );
  });

  it('names the config file of a bad or unknown key', () => {
    const configFile = file('bad.json', { logLevel: 'loud', prot: 80 });
    assert.throws(
      () => loadConfig({ env: {}, configFile }),
      (error: unknown) =>
        isAtlasError(error, 'USAGE') &&
        error.message.includes(`'logLevel' = "loud" from config file ${configFile}`) &&
        error.message.includes('expected one of fatal') &&
        error.message.includes(`unknown setting 'prot' in config file ${configFile}`),
    );
  });

  it('reports a config file that is missing or not JSON', () => {
    assert.throws(
      () => loadConfig({ env: {}, configFile: join(dir, 'missing.json') }),
      (error: unknown) => isAtlasError(error, 'IO') && error.message.includes('missing.json'),
    );
    const broken = file('broken.json', '{ "port": ');
    assert.throws(
      () => loadConfig({ env: {}, configFile: broken }),
      (error: unknown) =>
        isAtlasError(error, 'SYNTAX') && error.message.includes('broken.json: not valid JSON'),
    );
  });
});
