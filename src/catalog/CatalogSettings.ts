import { id } from '../namespaces.js';

/** What the catalogue says about itself. */
export interface CatalogSettings {
  /** The IRI of the `dcat:Catalog`; default `{publicBase}catalog`. */
  iri: string;
  /** `dct:title`. */
  title: string;
  /** `dct:description`. */
  description: string;
  /** Language tag of the title and description. */
  language: string;
  /** The `dct:publisher`: a `foaf:Agent` with this IRI and `foaf:name`. */
  publisher: { iri: string; name: string };
  /** `foaf:homepage` of the catalogue (typed `foaf:Document`), if any. */
  homepage?: string | undefined;
}

/** The IRI base of the project's instance data (`https://w3id.org/tre-atlas/`). */
export const defaultPublicBase = new URL('..', id.iri).href;

/** The default settings for a public IRI base (with trailing slash), overridden by `overrides`. */
export function catalogSettings(
  publicBase: string = defaultPublicBase,
  overrides: Partial<CatalogSettings> = {},
): CatalogSettings {
  const base = publicBase.endsWith('/') ? publicBase : `${publicBase}/`;
  return {
    iri: `${base}catalog`,
    title: 'TRE Atlas',
    description:
      'A catalogue of Trusted Research Environments (secure data services for sensitive research data) and the datasets they serve, described with DCAT-AP and the TRE Atlas vocabulary.',
    language: 'en',
    publisher: { iri: `${base}id/org/tre-atlas`, name: 'TRE Atlas' },
    ...overrides,
  };
}
