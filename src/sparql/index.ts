export { checkQuery, type CheckedQuery, type QueryForm } from './checkQuery.js';
export { negotiateMediaType } from './negotiateMediaType.js';
export {
  bindingsFormats,
  formatsFor,
  graphFormats,
  negotiateResultFormat,
  type ResultFormat,
} from './resultFormats.js';
export { queryOptionsFor, runQuery, type ProtocolDataset } from './runQuery.js';
export { serviceDescription, type ServiceDescriptionOptions } from './serviceDescription.js';
export { unionGraphQuery } from './unionGraphQuery.js';
export { NamedQueries, type NamedQuery } from './NamedQueries.js';
export { bindParameters, type RawParameters } from './bindParameters.js';
export type { ParameterType, ParameterArity, QueryParameter } from './QueryParameter.js';
