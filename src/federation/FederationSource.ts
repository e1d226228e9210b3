import { AtlasError } from '../errors.js';

/** A live source of a federated query. */
export interface FederationSource {
  /** The URL of a SPARQL endpoint or an RDF document. */
  url: string;
  /** `sparql` (a SPARQL 1.1 endpoint) or `document` (an RDF file comunica fetches and parses). */
  type: 'sparql' | 'document';
}

/** A source the operator allowed in the configuration (`federation.sources`): a name, a URL and a type. */
export interface ConfiguredSource extends FederationSource {
  /** Short name callers use in `source=` (letters, digits, `.`, `_`, `-`). */
  id: string;
}

/**
 * Reads a source given on the command line: `URL` (a SPARQL endpoint when its path ends in `/sparql`, else an RDF
 * document), or `sparql@URL` / `document@URL` to say which. Only http(s) URLs. (The server does not take arbitrary
 * URLs: see {@link selectSources}.)
 */
export function parseSource(text: string): FederationSource {
  const match = /^(sparql|document)@(.+)$/.exec(text.trim());
  const url = (match ? match[2]! : text).trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AtlasError('USAGE', `source '${text}' is not a URL`, { context: { source: text } });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new AtlasError('USAGE', `source '${text}' must be an http(s) URL`, { context: { source: text } });
  const type =
    (match?.[1] as FederationSource['type'] | undefined) ??
    (/\/sparql\/?$/.test(parsed.pathname) ? 'sparql' : 'document');
  return { url, type };
}
