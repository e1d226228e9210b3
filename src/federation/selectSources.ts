import { AtlasError } from '../errors.js';
import type { ConfiguredSource } from './FederationSource.js';

function sameUrl(given: string, configured: string): boolean {
  if (given === configured) return true;
  try {
    return new URL(given).href === new URL(configured).href;
  } catch {
    return false;
  }
}

/**
 * The configured sources a federated request asks for. No `requested` names: every configured source. Otherwise
 * each name must be the `id` or the URL of a configured source (the URL compared after normalisation, so
 * `http://Host:80/x` matches `http://host/x`); the configured entry is used, never the caller's text.
 * Any other name -> `AtlasError('USAGE')` (HTTP 400) naming every refused one; nothing is contacted.
 */
export function selectSources(
  requested: readonly string[],
  configured: readonly ConfiguredSource[],
): ConfiguredSource[] {
  if (requested.length === 0) return [...configured];
  const chosen: ConfiguredSource[] = [];
  const refused: string[] = [];
  for (const raw of requested) {
    const name = raw.trim();
    const found = configured.find((s) => s.id === name || sameUrl(name, s.url));
    if (found === undefined) refused.push(raw);
    else if (!chosen.includes(found)) chosen.push(found);
  }
  if (refused.length > 0) {
    const list = refused.map((r) => `'${r}'`).join(', ');
    const known =
      configured.length === 0
        ? 'this server has no federation sources configured'
        : `configured sources: ${configured.map((s) => s.id).join(', ')}`;
    throw new AtlasError(
      'USAGE',
      `source ${list} ${refused.length === 1 ? 'is' : 'are'} not a configured federation source (${known})`,
      { context: { refused, configured: configured.map((s) => s.id) } },
    );
  }
  return chosen;
}
