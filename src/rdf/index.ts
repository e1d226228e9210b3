/** RDF parsing and writing: formats, parsers, serialisers and file reading. */
export * from './formats.js';
export * from './parseRdf.js';
