/**
 * Federated discovery: live SELECT queries over the local graph and provider sources, through comunica. The server
 * contacts only the sources configured in `federation.sources`, and (like every source) only on public addresses
 * unless private networks are allowed.
 */
export {
  federate,
  LOCAL_SOURCE,
  type FailedSource,
  type FederatedResult,
  type FederateOptions,
} from './federate.js';
export { FAILED_SOURCES_HEADER, federatedJson } from './federatedJson.js';
export { parseSource, type ConfiguredSource, type FederationSource } from './FederationSource.js';
export { selectSources } from './selectSources.js';
export { checkSourceUrl, guardedFetch, type AddressPolicy } from './addressGuard.js';
export {
  answerFederated,
  LOCAL_ONLY_NOTE,
  type AnswerFederatedOptions,
  type FederationSettings,
} from './answerFederated.js';
export { sharedEngine } from './sharedEngine.js';
