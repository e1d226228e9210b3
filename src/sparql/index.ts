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
