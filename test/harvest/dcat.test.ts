import assert from 'node:assert/strict';
import {
  counts,
  harvestSetup,
  only,
  operator,
  ORG,
  sendWithEtag,
  sources,
  startProvider,
  toTurtle,
  tre,
  type Provider,
} from './helpers.js';

const tres = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map(
  (s) => `https://provider.example.org/tre/${s}`,
);
const CATALOG = 'https://provider.example.org/catalog';

/** One page of a DCAT catalogue: its TREs as dcat:service, a Hydra view with a next link. */
async function page(base: string, n: number, iris: string[], next: number | undefined): Promise<string> {
  const quads = n === 1 ? await operator(ORG, 'Example University') : [];
  for (const iri of iris) quads.push(...(await tre(iri, ORG, `TRE ${iri.split('/').pop()}`)));
  const head = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
<${CATALOG}> a dcat:Catalog ; dct:title "Provider catalogue"@en ; dct:publisher <https://provider.example.org/catalogue-team> ;
  hydra:view <${base}/catalog?page=${n}> ${iris.map((i) => `; dcat:service <${i}>`).join(' ')} .
<https://provider.example.org/catalogue-team> a <http://xmlns.com/foaf/0.1/Organization> .
<${base}/catalog?page=${n}> a hydra:PartialCollectionView${next === undefined ? '' : ` ; hydra:next <catalog?page=${next}>`} .
`;
  return head + (await toTurtle(quads));
}

describe('harvest: a paged DCAT catalogue', function () {
  this.timeout(60_000);
  let provider: Provider;
  let setup: Awaited<ReturnType<typeof harvestSetup>>;
  let pages: Record<number, { iris: string[]; next?: number }> = {};
  /** Page bodies by content: a provider answers the same bytes for the same content. */
  const bodies = new Map<string, string>();

  before(async () => {
    provider = await startProvider(async (request, response) => {
      const n = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
      const spec = pages[n];
      if (spec === undefined) return void response.writeHead(404).end();
      const key = JSON.stringify([n, spec]);
      const body = bodies.get(key) ?? (await page(provider.url, n, spec.iris, spec.next));
      bodies.set(key, body);
      sendWithEtag(request, response, body, 'text/turtle');
    });
  });
  after(() => provider.close());
  beforeEach(async () => {
    setup = await harvestSetup();
    pages = {
      1: { iris: tres.slice(0, 2), next: 2 },
      2: { iris: tres.slice(2, 4), next: 3 },
      3: { iris: tres.slice(4) },
    };
  });
  afterEach(() => setup.close());

  const source = () => sources([{ id: 'cat', type: 'dcat', url: `${provider.url}/catalog` }]);

  it('follows every page and stores each listed TRE and the operator, not the catalogue publisher', async () => {
    const report = await setup.harvester.run(source());
    assert.deepEqual(counts(report), {
      new: 6,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      withdrawn: 0,
      errors: 0,
      complete: true,
    });
    assert.equal(only(report).fetched, 3);
    for (const iri of tres) assert.equal(await setup.store.hasGraph(iri), true, iri);
    assert.equal(await setup.store.hasGraph('https://provider.example.org/catalogue-team'), false);
    assert.equal(await setup.store.hasGraph(CATALOG), false);
  });

  it('answers 304 everywhere on the second run: nothing is rewritten', async () => {
    await setup.harvester.run(source());
    const report = await setup.harvester.run(source());
    assert.equal(only(report).sourceUnchanged, true);
    assert.equal(only(report).unchanged.length, 6);
    const conditional = provider.requests.slice(-3);
    assert.ok(conditional.every((r) => r.headers['if-none-match'] !== undefined));
  });

  it('when one page changes, reads the others again and withdraws what is gone', async () => {
    await setup.harvester.run(source());
    pages[2] = { iris: [tres[2]!], next: 3 };
    const report = await setup.harvester.run(source());
    assert.deepEqual(only(report).withdrawn, [tres[3]]);
    assert.equal(only(report).unchanged.length, 5);
    assert.equal(await setup.store.hasGraph(tres[0]!), true);
  });

  it('detects a page loop: reports it, stores what it read, withdraws nothing', async () => {
    await setup.harvester.run(source());
    pages = { 1: { iris: tres.slice(0, 2), next: 2 }, 2: { iris: tres.slice(2, 3), next: 1 } };
    const report = await setup.harvester.run(source());
    const r = only(report);
    assert.equal(r.complete, false);
    assert.match(r.errors.join('\n'), /page loop, its next page .*catalog\?page=\d was already read/);
    assert.ok(r.fetched <= 3);
    assert.equal(r.withdrawn.length, 0);
    for (const iri of tres) assert.equal(await setup.store.hasGraph(iri), true, iri);
  });
});
