/** Severity of a validation result, the local name of `sh:Violation`, `sh:Warning` or `sh:Info`. */
export type Severity = 'Violation' | 'Warning' | 'Info';

/** The layers of shapes a validator checks against; each includes the ones before it. */
export type ValidationProfile = 'core' | 'recommended' | 'ehds';

/** All validation profiles, from the smallest to the largest. */
export const validationProfiles: readonly ValidationProfile[] = ['core', 'recommended', 'ehds'];

/** One finding of a SHACL validation. */
export interface ValidationResult {
  /** `Violation` breaks conformance; `Warning` and `Info` do not. */
  severity: Severity;
  /** The node the finding is about: an IRI, or `_:label` for a blank node. */
  focusNode: string;
  /** The property: an IRI for a simple path, else a SPARQL property path with `<IRI>`s (`^<p>`, `<p>/<q>`). */
  path?: string;
  /**
   * The offending value: an IRI, `_:label` for a blank node, or a literal in N-Triples syntax
   * (`"text"@en`, `"5"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"plain"`).
   */
  value?: string;
  /** What is wrong, in English: the shape's `sh:message`, else the engine's. */
  message: string;
  /** The IRI (or `_:label`) of the shape that produced the finding. */
  shape: string;
  /** The IRI of the SHACL constraint component, e.g. `sh:MinCountConstraintComponent`. */
  constraint: string;
  /** The file the focus node came from, when the caller said so. */
  source?: string;
}

/** The outcome of validating RDF: data, never an exception. */
export interface ValidationReport {
  /** True when no result is a `Violation`. */
  conforms: boolean;
  /** Findings in a stable order: source file, focus node, shape order, path. */
  results: ValidationResult[];
}
