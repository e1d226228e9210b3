import type { Quad } from '@rdfjs/types';
import { fileURLToPath } from 'node:url';
import { readRdfPaths } from '../rdf/index.js';
import { ShaclEngine } from './ShaclEngine.js';
import { isoDate, loadShapes } from './loadShapes.js';
import { termToString } from './termToString.js';
import type { ValidationProfile, ValidationReport } from './ValidationReport.js';

/** Options of `ShaclValidator.create`. */
export interface ShaclValidatorOptions {
  /** Which layers of shapes to check: `core`, `recommended` (core + recommended) or `ehds` (all three). */
  profile: ValidationProfile;
  /** Folder with `core.ttl`, `recommended.ttl`, `ehds.ttl`; defaults to the bundled `shapes/`. */
  shapesDir?: string;
  /** Folder of background vocabulary (concept schemes, authority slices); defaults to the bundled `ontology/`. */
  ontologyDir?: string;
  /** The clock that says what "today" is for date checks such as expired certifications. */
  clock?: () => Date;
}

/** Options of one `validate` call. */
export interface ValidateOptions {
  /** More RDF the data may refer to (other descriptions); never itself reported on. */
  background?: readonly Quad[];
  /** The file each focus node came from (keys: IRI or `_:label`); copied into `result.source`. */
  sources?: ReadonlyMap<string, string>;
}

/** The bundled folders, next to `src/`. */
const bundled = (name: string): string => fileURLToPath(new URL(`../../${name}/`, import.meta.url));

/** Validates TRE descriptions against the project's SHACL shapes, compiled once and reused. */
export class ShaclValidator {
  private constructor(
    /** The profile the shapes were compiled for. */
    readonly profile: ValidationProfile,
    private readonly engine: ShaclEngine,
    private readonly ontology: readonly Quad[],
  ) {}

  /** Reads and compiles the shapes of `options.profile` and loads the background vocabulary. */
  static async create(options: ShaclValidatorOptions): Promise<ShaclValidator> {
    const today = isoDate((options.clock ?? (() => new Date()))());
    const [shapes, ontology] = await Promise.all([
      loadShapes(options.profile, options.shapesDir ?? bundled('shapes'), today),
      readRdfPaths([options.ontologyDir ?? bundled('ontology')]),
    ]);
    const engine = await ShaclEngine.compile(shapes);
    return new ShaclValidator(
      options.profile,
      engine,
      ontology.flatMap((f) => f.quads),
    );
  }

  /**
   * Validates `quads` with the ontology and `options.background` as context. Only focus nodes that are subjects
   * in `quads` are reported.
   */
  async validate(quads: readonly Quad[], options: ValidateOptions = {}): Promise<ValidationReport> {
    const focusNodes = new Set(quads.map((q) => termToString(q.subject)));
    const data = [...quads, ...this.ontology, ...(options.background ?? [])];
    return this.engine.validate(data, {
      focusNodes,
      ...(options.sources ? { sources: options.sources } : {}),
    });
  }
}
