import assert from 'node:assert/strict';
import {
  counts,
  harvestSetup,
  operator,
  sendWithEtag,
  sources,
  startProvider,
  toTurtle,
  tre,
  type Provider,
} from './helpers.js';

const prefixes = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix fdp-o: <https://w3id.org/fdp/fdp-o#> .
@prefix ldp: <http://www.w3.org/ns/ldp#> .
@prefix r3d: <http://www.re3data.org/schema/3-0#> .
`;

/**
 * A FAIR Data Point tree on the provider: the root (v2 terms, or v1 `r3d:` terms) with its publisher, two catalogues
 * (one linked by `fdp-o:metadataCatalog` / `r3d:dataCatalog`, one through an LDP container), and TRE services each
 * at its own URL.
 */
function fdpTree(base: string, version: 1 | 2): Record<string, () => Promise<string>> {
  const org = `${base}/org`;
  const service = (slug: string) => `${base}/service/${slug}`;
  const root =
    version === 2
      ? `<${base}/fdp> a fdp-o:FAIRDataPoint, fdp-o:MetadataService ; dct:title "FDP"@en ; dct:publisher <${org}> ;
    fdp-o:metadataCatalog <${base}/catalog/one> .
<${base}/fdp/catalogs> a ldp:DirectContainer ; ldp:membershipResource <${base}/fdp> ;
    ldp:hasMemberRelation fdp-o:metadataCatalog ; ldp:contains <${base}/catalog/two> .`
      : `<${base}/fdp> a r3d:Repository ; dct:title "FDP"@en ; dct:publisher <${org}> ;
    r3d:dataCatalog <${base}/catalog/one>, <${base}/catalog/two> .`;
  return {
    '/fdp': async () => `${prefixes + root}\n${await toTurtle(await operator(org, 'FDP University'))}`,
    '/catalog/one': () =>
      Promise.resolve(`${prefixes}<${base}/catalog/one> a dcat:Catalog ; dct:title "One"@en ; dct:publisher <${org}> ;
    dcat:service <${service('alpha')}>, <${service('beta')}> .`),
    '/catalog/two': () =>
      Promise.resolve(`${prefixes}<${base}/catalog/two> a dcat:Catalog ; dct:title "Two"@en ; dct:publisher <${org}> ;
    dcat:service <${service('gamma')}> .`),
    '/service/alpha': async () => toTurtle(await tre(service('alpha'), org, 'Alpha')),
    '/service/beta': async () => toTurtle(await tre(service('beta'), org, 'Beta')),
    '/service/gamma': async () => toTurtle(await tre(service('gamma'), org, 'Gamma')),
  };
}

describe('harvest: a FAIR Data Point', function () {
  this.timeout(60_000);
  let provider: Provider;
  let setup: Awaited<ReturnType<typeof harvestSetup>>;
  let version: 1 | 2 = 2;
  const bodies = new Map<string, string>();

  before(async () => {
    provider = await startProvider(async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const make = fdpTree(provider.url, version)[path];
      if (make === undefined) return void response.writeHead(404).end();
      const key = `${version}${path}`;
      const body = bodies.get(key) ?? (await make());
      bodies.set(key, body);
      sendWithEtag(request, response, body, 'text/turtle');
    });
  });
  after(() => provider.close());
  beforeEach(async () => {
    setup = await harvestSetup();
  });
  afterEach(() => setup.close());

  for (const v of [2, 1] as const) {
    it(`follows ${v === 2 ? 'fdp-o:metadataCatalog and LDP containers (v2)' : 'r3d:dataCatalog (v1)'} to the catalogues and services`, async () => {
      version = v;
      const report = await setup.harvester.run(
        sources([{ id: 'fdp', type: 'fdp', url: `${provider.url}/fdp` }]),
      );
      // three TREs and their operator (described in the FDP root as its publisher)
      assert.deepEqual(counts(report), {
        new: 4,
        updated: 0,
        unchanged: 0,
        invalid: 0,
        withdrawn: 0,
        errors: 0,
        complete: true,
      });
      assert.equal(await setup.store.hasGraph(`${provider.url}/org`), true);
      assert.equal(await setup.store.hasGraph(`${provider.url}/fdp`), false);
      for (const slug of ['alpha', 'beta', 'gamma']) {
        assert.equal(await setup.store.hasGraph(`${provider.url}/service/${slug}`), true, slug);
      }
      const paths = provider.requests.slice(-6).map((r) => r.path);
      assert.ok(paths.includes('/catalog/two'));
    });
  }
});
