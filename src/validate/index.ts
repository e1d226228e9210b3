/** SHACL validation of TRE descriptions and the reports it produces. */
export * from './ValidationReport.js';
export { ShaclValidator, type ShaclValidatorOptions, type ValidateOptions } from './ShaclValidator.js';
export { ShaclEngine, shaclFactory, type EngineValidateOptions } from './ShaclEngine.js';
export { reportToText, countSeverities, type ReportToTextOptions } from './reportToText.js';
export { reportToJson, reportJsonFormat, type ReportJson } from './reportToJson.js';
export { reportToQuads } from './reportToQuads.js';
export { rdfsClosure } from './rdfsClosure.js';
export { termToString } from './termToString.js';
export { compactIri, compactPath, compactValue } from './compactIri.js';
