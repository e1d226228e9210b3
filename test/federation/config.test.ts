import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.js';
import { isAtlasError } from '../../src/errors.js';
import { selectSources } from '../../src/federation/index.js';

const tsd = { id: 'tsd', url: 'https://tsd.example.org/sparql', type: 'sparql' };

describe('federation settings', () => {
  it('default to no sources and private networks refused', () => {
    const config = loadConfig({ env: {} });
    assert.deepEqual(config.federation, { sources: [], allowPrivateNetwork: false });
  });

  it('read the sources from TRE_ATLAS_FEDERATION_SOURCES as JSON text', () => {
    const config = loadConfig({
      env: {
        TRE_ATLAS_FEDERATION_SOURCES: JSON.stringify([tsd]),
        TRE_ATLAS_FEDERATION_ALLOW_PRIVATE_NETWORK: 'true',
        TRE_ATLAS_FEDERATION_TIMEOUT: '2500',
      },
    });
    assert.deepEqual(config.federation, { sources: [tsd], allowPrivateNetwork: true, timeoutMs: 2500 });
  });

  const refusal = (value: string, pattern: RegExp): void => {
    assert.throws(
      () => loadConfig({ env: { TRE_ATLAS_FEDERATION_SOURCES: value } }),
      (error: unknown) =>
        isAtlasError(error, 'USAGE') &&
        error.message.includes('federation.sources') &&
        error.message.includes('TRE_ATLAS_FEDERATION_SOURCES') &&
        pattern.test(error.message),
    );
  };

  it('refuse text that is not a JSON array', () => refusal('not json', /JSON array/));
  it('refuse a source that is not http(s)', () =>
    refusal(JSON.stringify([{ ...tsd, url: 'file:///etc/passwd' }]), /http\(s\) URL/));
  it('refuse two sources with one id', () => refusal(JSON.stringify([tsd, tsd]), /same id/));
  it('refuse the id "local"', () => refusal(JSON.stringify([{ ...tsd, id: 'local' }]), /local graph/));
});

describe('selectSources', () => {
  const configured = [
    { id: 'tsd', url: 'https://tsd.example.org/sparql', type: 'sparql' as const },
    { id: 'doc', url: 'https://doc.example.org/tres.ttl', type: 'document' as const },
  ];

  it('gives every configured source when none is named', () => {
    assert.deepEqual(selectSources([], configured), configured);
  });

  it('finds a source by id or by its URL (normalised), once', () => {
    assert.deepEqual(
      selectSources(['doc', 'HTTPS://tsd.example.org:443/sparql', 'tsd'], configured).map((s) => s.id),
      ['doc', 'tsd'],
    );
  });

  it('refuses every name that is not configured, naming each', () => {
    assert.throws(
      () => selectSources(['tsd', 'http://169.254.169.254/latest', 'other'], configured),
      (error: unknown) =>
        isAtlasError(error, 'USAGE') &&
        error.message.includes("'http://169.254.169.254/latest'") &&
        error.message.includes("'other'") &&
        error.message.includes('configured sources: tsd, doc'),
    );
  });
});
