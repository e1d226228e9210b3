import { AtlasError } from '../errors.js';
import { dcatap, dcatAp301, profile } from '../namespaces.js';

/** The two views of the catalogue: everything (`tre`), or only DCAT-AP terms (`dcat-ap`). */
export type CatalogProfile = 'tre' | 'dcat-ap';

/** Every profile, the default first. */
export const catalogProfiles: readonly CatalogProfile[] = ['tre', 'dcat-ap'];

/** The IRI that names each profile in `Content-Profile`, `Link: rel="profile"` and `Accept-Profile`. */
export const profileIris: Readonly<Record<CatalogProfile, string>> = {
  tre: profile('tre'),
  'dcat-ap': dcatAp301,
};

/** Other IRIs accepted in `Accept-Profile` (and `?profile=`) for the same profiles. */
const aliases: ReadonlyArray<[string, CatalogProfile]> = [
  [`${dcatAp301}/`, 'dcat-ap'],
  [dcatap.iri, 'dcat-ap'],
  [dcatap.iri.replace(/\/$/, ''), 'dcat-ap'],
];

/** The profile a token (`tre`, `dcat-ap`) or profile IRI names, or undefined. */
export function profileFromToken(value: string): CatalogProfile | undefined {
  const trimmed = value.trim();
  for (const profile of catalogProfiles) {
    if (trimmed === profile || trimmed === profileIris[profile]) return profile;
  }
  return aliases.find(([iri]) => iri === trimmed)?.[1];
}

/** The profile of a `?profile=` value; unknown -> `AtlasError('USAGE')`. */
export function parseProfileParam(value: string): CatalogProfile {
  const profile = profileFromToken(value);
  if (profile === undefined) {
    throw new AtlasError(
      'USAGE',
      `unknown profile '${value}'; known: ${catalogProfiles.map((p) => `${p} (<${profileIris[p]}>)`).join(', ')}`,
      { context: { profile: value } },
    );
  }
  return profile;
}

/**
 * The profile an `Accept-Profile` header prefers (W3C Content Negotiation by Profile: comma-separated `<IRI>` with
 * optional `;q=`); tokens are accepted too. Undefined when the header names no known profile with q > 0.
 */
export function negotiateProfile(header: string | undefined): CatalogProfile | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  let best: { profile: CatalogProfile; q: number; index: number } | undefined;
  header.split(',').forEach((part, index) => {
    const [value = '', ...params] = part.split(';').map((s) => s.trim());
    const profile = profileFromToken(value.replace(/^<(.*)>$/, '$1'));
    if (profile === undefined) return;
    let q = 1;
    for (const param of params) {
      const [key, raw] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() === 'q') q = Number.isFinite(Number(raw)) ? Number(raw) : 0;
    }
    if (q > 0 && (best === undefined || q > best.q)) best = { profile, q, index };
  });
  return best?.profile;
}
