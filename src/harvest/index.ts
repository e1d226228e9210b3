/** Harvesting providers' own descriptions: RDF documents, DCAT catalogues, FAIR Data Points, SPARQL endpoints. */
export { Harvester, harvestDefaults, type HarvesterOptions, type HarvestRunOptions } from './Harvester.js';
export { HarvestScheduler, type HarvestSchedulerOptions } from './HarvestScheduler.js';
export { scheduleHarvest, type HarvestSettings } from './scheduleHarvest.js';
export {
  parseSources,
  readSources,
  sourceTypes,
  type HarvestSource,
  type HarvestSources,
  type SourceType,
} from './sourcesFile.js';
export { checkUrl, isPublicAddress, type LookupFunction } from './addressPolicy.js';
export type { FetchFunction } from './HttpFetcher.js';
export { splitDescriptions, type HarvestedDescription, type DescriptionKind } from './splitDescriptions.js';
export { countProperties } from './reportQuads.js';
export { sourceStateIri } from './HarvestState.js';
export type { HarvestProgress, HarvestReport, InvalidDescription, SourceReport } from './types.js';
