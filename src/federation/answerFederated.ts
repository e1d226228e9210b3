import type { Logger } from 'pino';
import type { LookupFunction } from '../harvest/index.js';
import type { GraphStore } from '../store/index.js';
import { federate } from './federate.js';
import { federatedJson } from './federatedJson.js';
import type { ConfiguredSource } from './FederationSource.js';
import { selectSources } from './selectSources.js';

/** The server's federation settings (the `federation` section of the configuration). */
export interface FederationSettings {
  /** The only provider sources `/sparql?federated=true` may contact. */
  sources: readonly ConfiguredSource[];
  /** Allow sources on loopback, private, link-local or other non-public addresses (default false). */
  allowPrivateNetwork: boolean;
  /** Time limit of each source in milliseconds; default: the query timeout. */
  timeoutMs?: number | undefined;
}

/** What {@link answerFederated} needs besides the query. */
export interface AnswerFederatedOptions {
  store: GraphStore;
  /** Absent: no sources configured, private networks refused. */
  settings?: FederationSettings | undefined;
  /** Time limit when the settings give none. */
  queryTimeoutMs: number;
  lookup?: LookupFunction | undefined;
  logger?: Logger | undefined;
}

/** The note of an answer from the local graph alone because the server has no sources configured. */
export const LOCAL_ONLY_NOTE =
  'this server has no federation sources configured (federation.sources); only the local graph was queried';

/**
 * Answers `/sparql?federated=true`: the local graph plus the configured sources named in `requested` (ids or URLs;
 * all of them when none is named). A name that is not configured -> `AtlasError('USAGE')` before anything is
 * contacted; with no sources configured and none named, the local graph alone, with a `note` saying so.
 * Returns the SPARQL JSON body and the sources that failed (for the failed-sources header).
 */
export async function answerFederated(
  query: string,
  requested: readonly string[],
  options: AnswerFederatedOptions,
): Promise<{ body: string; failed: string[] }> {
  const settings = options.settings ?? { sources: [], allowPrivateNetwork: false };
  const sources = selectSources(requested, settings.sources);
  const result = await federate(query, {
    store: options.store,
    sources,
    timeoutMs: settings.timeoutMs ?? options.queryTimeoutMs,
    allowPrivateNetwork: settings.allowPrivateNetwork,
    lookup: options.lookup,
    hint: 'the operator may set federation.allowPrivateNetwork to allow it',
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const note = settings.sources.length === 0 ? LOCAL_ONLY_NOTE : undefined;
  return {
    body: federatedJson(result, note === undefined ? {} : { note }),
    failed: result.failed.map((f) => f.source),
  };
}
