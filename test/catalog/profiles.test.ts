import type { Quad } from '@rdfjs/types';
import assert from 'node:assert/strict';
import {
  getPage,
  objects,
  single,
  startCatalogServer,
  terms,
  type CatalogTestServer,
} from './catalogServer.js';

const tsd = 'https://w3id.org/tre-atlas/id/tre/tsd';
/** Namespaces that are not DCAT-AP: the TRE Atlas ontology and vocabularies, ORG, schema.org, DPV, DQV. */
const foreign = [
  'https://w3id.org/tre-atlas/ns#',
  'https://w3id.org/tre-atlas/vocab/',
  'http://www.w3.org/ns/org#',
  'https://schema.org/',
  'https://w3id.org/dpv',
  'http://www.w3.org/ns/dqv#',
];

function foreignTerms(quads: readonly Quad[]): string[] {
  const found = new Set<string>();
  for (const q of quads) {
    for (const term of [q.subject, q.predicate, q.object]) {
      if (term.termType === 'NamedNode' && foreign.some((ns) => term.value.startsWith(ns)))
        found.add(term.value);
    }
  }
  return [...found].sort();
}

describe('GET /catalog: profiles', function () {
  let server: CatalogTestServer;
  before(async () => {
    server = await startCatalogServer();
  });
  after(async () => {
    await server?.close();
  });

  it('serves the full TRE profile by default, saying so in Content-Profile and Link', async () => {
    const { response, quads } = await getPage(`${server.url}/catalog`);
    assert.equal(response.headers.get('content-profile'), `<${terms.treProfile}>`);
    assert.ok(response.headers.get('link')?.includes(`<${terms.treProfile}>; rel="profile"`));
    assert.match(response.headers.get('vary') ?? '', /Accept-Profile/);
    assert.equal(single(quads, terms.mfaRequired, tsd), 'true');
    assert.ok(foreignTerms(quads).length > 0);
  });

  it('serves the DCAT-AP view with ?profile=dcat-ap: no tre: (or other non-DCAT-AP) terms anywhere', async () => {
    const { response, quads } = await getPage(`${server.url}/catalog?profile=dcat-ap`);
    assert.equal(response.headers.get('content-profile'), `<${terms.dcatApProfile}>`);
    assert.ok(response.headers.get('link')?.includes(`<${terms.dcatApProfile}>; rel="profile"`));
    assert.deepEqual(foreignTerms(quads), []);
    assert.equal(objects(quads, terms.service, terms.catalogIri).length, 18);
  });

  it('keeps in the DCAT-AP view what DCAT-AP needs of a TRE: typing, title, endpoint, contact point, publisher', async () => {
    const { quads } = await getPage(`${server.url}/catalog?profile=dcat-ap`);
    assert.deepEqual(objects(quads, terms.type, tsd), [
      'http://www.w3.org/ns/dcat#DataService',
      'http://www.w3.org/ns/dcat#Resource',
    ]);
    assert.ok(single(quads, 'http://purl.org/dc/terms/title', tsd));
    assert.equal(single(quads, 'http://www.w3.org/ns/dcat#endpointURL', tsd), 'https://view.tsd.usit.no/');
    const contact = single(quads, 'http://www.w3.org/ns/dcat#contactPoint', tsd)!;
    assert.ok(objects(quads, terms.type, contact).includes('http://www.w3.org/2006/vcard/ns#Kind'));
    assert.equal(
      single(quads, 'http://xmlns.com/foaf/0.1/name', 'https://ror.org/01xtthb56'),
      'University of Oslo',
    );
    assert.ok(
      objects(quads, terms.type, 'https://ror.org/01xtthb56').includes('http://xmlns.com/foaf/0.1/Agent'),
    );
  });

  it('drops from the DCAT-AP view the nested nodes only tre: properties point to', async () => {
    const full = await getPage(`${server.url}/catalog`);
    const view = await getPage(`${server.url}/catalog?profile=dcat-ap`);
    const control = `${tsd}#control-mfa`;
    assert.ok(full.quads.some((q) => q.subject.value === control));
    assert.ok(!view.quads.some((q) => q.subject.value === control || q.object.value === control));
    assert.ok(view.quads.length < full.quads.length);
  });

  for (const [header, expected] of [
    [`<${'https://semiceu.github.io/DCAT-AP/releases/3.0.1'}>`, 'dcat-ap'],
    ['<http://data.europa.eu/r5r/>', 'dcat-ap'],
    [`<https://w3id.org/tre-atlas/profile/tre>`, 'tre'],
    [
      `<https://w3id.org/tre-atlas/profile/tre>;q=0.5, <https://semiceu.github.io/DCAT-AP/releases/3.0.1>;q=0.9`,
      'dcat-ap',
    ],
    ['<https://example.org/unknown-profile>', 'tre'],
  ] as const) {
    it(`chooses the ${expected} profile for Accept-Profile: ${header}`, async () => {
      const response = await fetch(`${server.url}/catalog?page_size=1`, {
        headers: { 'accept-profile': header },
      });
      assert.equal(response.status, 200);
      const iri = expected === 'tre' ? terms.treProfile : terms.dcatApProfile;
      assert.equal(response.headers.get('content-profile'), `<${iri}>`);
    });
  }

  it('lets ?profile= win over Accept-Profile', async () => {
    const response = await fetch(`${server.url}/catalog?page_size=1&profile=tre`, {
      headers: { 'accept-profile': `<${terms.dcatApProfile}>` },
    });
    assert.equal(response.headers.get('content-profile'), `<${terms.treProfile}>`);
  });

  it('answers 400 for an unknown ?profile=', async () => {
    const response = await fetch(`${server.url}/catalog?profile=iso19115`);
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /dcat-ap/);
  });

  it('gives the two profiles different ETags', async () => {
    const a = await fetch(`${server.url}/catalog?profile=tre`);
    const b = await fetch(`${server.url}/catalog?profile=dcat-ap`);
    assert.notEqual(a.headers.get('etag'), b.headers.get('etag'));
  });
});
