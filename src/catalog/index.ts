/** The DCAT-AP catalogue face: paged, in two profiles, for harvesters and for export. */
export {
  Catalog,
  type CatalogOptions,
  type CatalogPlan,
  type CatalogRequest,
  type RenderOptions,
} from './Catalog.js';
export { catalogSettings, defaultPublicBase, type CatalogSettings } from './CatalogSettings.js';
export {
  catalogProfiles,
  negotiateProfile,
  parseProfileParam,
  profileFromToken,
  profileIris,
  type CatalogProfile,
} from './profiles.js';
export {
  defaultPageSize,
  maxPageSize,
  parseCatalogQuery,
  parseIsoInstant,
  type CatalogQuery,
} from './parseCatalogQuery.js';
export { itemModified, type CatalogItem, type CatalogState } from './readCatalogState.js';
export { isDcatApTerm } from './dcatApView.js';
export { notModified, toHttpSecond, weakEtag, type ConditionalHeaders } from './conditional.js';
export { catalogPrefixes } from './catalogVocabulary.js';
