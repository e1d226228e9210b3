/** RDF parsing and writing: formats, parsers, serialisers and file reading. */
export * from './formats.js';
export * from './negotiateFormat.js';
export * from './parseRdf.js';
export * from './serializeRdf.js';
export * from './readRdfPaths.js';
export { bundledContextUrls, treAtlasContextUrl } from './bundledContexts.js';
