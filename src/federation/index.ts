/** Federated discovery: live SELECT queries over the local graph and provider sources, through comunica. */
export {
  federate,
  LOCAL_SOURCE,
  type FailedSource,
  type FederatedResult,
  type FederateOptions,
} from './federate.js';
export { FAILED_SOURCES_HEADER, federatedJson } from './federatedJson.js';
export { parseSource, type FederationSource } from './FederationSource.js';
export { sharedEngine } from './sharedEngine.js';
