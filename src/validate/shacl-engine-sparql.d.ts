/** shacl-engine's optional SPARQL plug-in (sh:sparql constraints, sh:select targets); it ships no types. */
declare module 'shacl-engine/sparql.js' {
  /** Validation functions keyed by constraint parameter, for `ValidatorOptions.validations`. */
  export const validations: Map<unknown, unknown>;
  /** Target resolvers for `sh:target` with `sh:select`. */
  export const targetResolvers: Map<unknown, unknown>;
}
