/** Minimal declarations for shacl-engine, which ships none. */
declare module 'shacl-engine' {
  import type { DataFactory, DatasetCore, Quad, Term } from '@rdfjs/types';

  export interface ShaclFactory extends DataFactory {
    dataset(quads?: Iterable<Quad>): DatasetCore;
  }

  export interface ValidationResultPointer {
    term: Term;
    dataset: DatasetCore;
  }

  export interface ShaclResult {
    severity: Term;
    focusNode: ValidationResultPointer;
    path?: Array<{ predicates: Term[]; start?: string; end?: string; quantifier?: string }>;
    value?: ValidationResultPointer;
    message: Term[];
    shape: ValidationResultPointer;
    constraintComponent: Term;
    args?: Record<string, unknown>;
  }

  export interface ShaclReport {
    conforms: boolean;
    results: ShaclResult[];
    dataset: DatasetCore;
    ptr: unknown;
  }

  export interface ValidatorOptions {
    factory: ShaclFactory;
    coverage?: boolean;
    debug?: boolean;
    details?: boolean;
    trace?: boolean;
    validations?: Map<Term, unknown>;
  }

  export class Validator {
    constructor(shapes: DatasetCore, options: ValidatorOptions);
    validate(
      data: { dataset: DatasetCore; terms?: Term[] },
      shapes?: Array<{ terms: Term[] }>,
    ): Promise<ShaclReport>;
  }
}
