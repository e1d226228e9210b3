import assert from 'node:assert/strict';
import { pino } from 'pino';
import { Harvester, isPublicAddress, type LookupFunction } from '../../src/harvest/index.js';
import { harvestSetup, only, providerDocument, sources, startProvider, type Provider } from './helpers.js';

describe('harvest: address policy', function () {
  this.timeout(60_000);

  const cases: Array<[string, boolean]> = [
    ['8.8.8.8', true],
    ['2a00:1450:4001::200e', true],
    ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false],
    ['10.2.3.4', false],
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.1', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2002:c0a8:0101::1', false],
    ['ff02::1', false],
  ];
  for (const [address, expected] of cases) {
    it(`${address} is ${expected ? 'public' : 'refused'}`, () =>
      assert.equal(isPublicAddress(address), expected));
  }

  describe('with names resolved by an injected lookup', () => {
    let provider: Provider;
    let setup: Awaited<ReturnType<typeof harvestSetup>>;
    const names: Record<string, string[]> = {
      'public.test': ['93.184.216.34'],
      'mixed.test': ['93.184.216.34', '::ffff:10.0.0.1'],
      'inside.test': ['fd00::5'],
    };
    const lookup: LookupFunction = (host) => {
      const found = names[host];
      if (found === undefined) return Promise.reject(new Error(`ENOTFOUND ${host}`));
      return Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
    };

    before(async () => {
      const document = await providerDocument([
        { iri: 'https://provider.example.org/tre/alpha', title: 'Alpha' },
      ]);
      provider = await startProvider((request, response) => {
        if (request.url === '/to-private') {
          response.writeHead(302, { location: 'http://inside.test/tres.ttl' }).end();
        } else {
          response.writeHead(200, { 'content-type': 'text/turtle' }).end(document);
        }
      });
    });
    after(() => provider.close());
    beforeEach(async () => {
      setup = await harvestSetup();
    });
    afterEach(() => setup.close());

    /** A harvester whose fetch sends every request to the loopback provider, keeping the path. */
    function harvester(): Harvester {
      return Harvester.create({
        store: setup.store,
        ingestor: setup.ingestor,
        logger: pino({ level: 'silent' }),
        lookup,
        fetch: (input, init) => {
          const url = new URL(input);
          return fetch(`${provider.url}${url.pathname}`, init);
        },
      });
    }

    it('harvests a name resolving to a public address', async () => {
      const report = await harvester().run(
        sources([{ id: 'p', type: 'document', url: 'http://public.test/tres.ttl' }], false),
      );
      assert.equal(only(report).errors.length, 0);
      assert.equal(only(report).created.length, 2);
    });

    it('refuses a name when any of its addresses is private (IPv4-mapped IPv6)', async () => {
      const report = await harvester().run(
        sources([{ id: 'p', type: 'document', url: 'http://mixed.test/tres.ttl' }], false),
      );
      assert.match(only(report).errors.join(), /mixed\.test is a private.*\(::ffff:10\.0\.0\.1\)/);
      assert.equal(only(report).created.length, 0);
    });

    it('checks the address again after a redirect', async () => {
      const before = provider.requests.length;
      const report = await harvester().run(
        sources([{ id: 'p', type: 'document', url: 'http://public.test/to-private' }], false),
      );
      assert.match(only(report).errors.join(), /inside\.test is a private.*\(fd00::5\)/);
      assert.equal(provider.requests.length, before + 1, 'the redirect target was never requested');
    });

    it('refuses schemes other than http(s) in the sources file', () => {
      assert.throws(
        () => sources([{ id: 'p', type: 'document', url: 'file:///etc/passwd' }]),
        /sources\[0\]\.url: expected an http\(s\) URL/,
      );
    });
  });
});
