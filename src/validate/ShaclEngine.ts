import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { Validator, type ShaclFactory } from 'shacl-engine';
import { sh } from '../namespaces.js';
import type { Severity, ValidationReport, ValidationResult } from './ValidationReport.js';
import { pathToString, type PathStep } from './pathToString.js';
import { termToString } from './termToString.js';
import { compareResults } from './compareResults.js';
import { fallbackMessage, type ShapePointer } from './fallbackMessage.js';
import { focusOn, restrictTargets } from './focusTargets.js';

/** The factory shacl-engine needs: RDF/JS terms plus `dataset()`, backed by n3. */
export const shaclFactory: ShaclFactory = {
  ...DataFactory,
  dataset: (quads?: Iterable<Quad>) => new Store(quads ? [...quads] : []),
};

/** What shacl-engine's results carry (its own typings describe less). */
interface EngineResult {
  severity: Term;
  focusNode: { term: Term };
  path?: PathStep[] | null;
  value?: { term?: Term };
  message: Term[];
  shape: { ptr: ShapePointer };
  constraintComponent: Term;
}

/** Options of one validation run. */
export interface EngineValidateOptions {
  /** Report only results about these focus nodes (as `termToString` writes them). */
  focusNodes: ReadonlySet<string>;
  /** The file each focus node came from, keyed like `focusNodes`. */
  sources?: ReadonlyMap<string, string>;
}

/**
 * A compiled set of SHACL shapes. Compile once, validate many data graphs. The low-level piece behind
 * `ShaclValidator`; also used to judge conformance against third-party shapes (DCAT-AP).
 */
export class ShaclEngine {
  private constructor(
    private readonly validator: Validator,
    private readonly shapeOrder: ReadonlyMap<string, number>,
  ) {}

  /** Compiles `shapes`; SPARQL-based constraints and targets are supported when the shapes use them. */
  static async compile(shapes: readonly Quad[]): Promise<ShaclEngine> {
    const store = new Store(shapes.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
    const usesSparql = [sh('sparql'), sh('select')].some(
      (iri) => store.getQuads(null, DataFactory.namedNode(iri), null, null).length > 0,
    );
    const extra: Record<string, unknown> = {};
    if (usesSparql) {
      const sparql = await import('shacl-engine/sparql.js');
      extra['validations'] = sparql.validations;
      extra['targetResolvers'] = sparql.targetResolvers;
    }
    const validator = new Validator(store, { factory: shaclFactory, ...extra });
    restrictTargets(validator);
    const shapeOrder = new Map<string, number>();
    for (const quad of shapes) {
      const key = termToString(quad.subject);
      if (!shapeOrder.has(key)) shapeOrder.set(key, shapeOrder.size);
    }
    return new ShaclEngine(validator, shapeOrder);
  }

  /** Validates `data` (one graph: graph names are ignored) and reports on the requested focus nodes only. */
  async validate(data: Iterable<Quad>, options: EngineValidateOptions): Promise<ValidationReport> {
    const store = new Store();
    for (const q of data) store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
    focusOn(store, options.focusNodes);
    const report = await this.validator.validate({ dataset: store });
    const seen = new Set<string>();
    const results: ValidationResult[] = [];
    for (const raw of report.results as unknown as EngineResult[]) {
      const result = this.toResult(raw, options.sources);
      if (!options.focusNodes.has(result.focusNode)) continue;
      const key = JSON.stringify(result);
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(result);
    }
    results.sort((a, b) => compareResults(a, b, this.shapeOrder));
    return { conforms: !results.some((r) => r.severity === 'Violation'), results };
  }

  private toResult(raw: EngineResult, sources: ReadonlyMap<string, string> | undefined): ValidationResult {
    const focusNode = termToString(raw.focusNode.term);
    const result: ValidationResult = {
      severity: severityName(raw.severity),
      focusNode,
      message: pickMessage(raw.message) ?? fallbackMessage(raw.constraintComponent.value, raw.shape.ptr),
      shape: termToString(raw.shape.ptr.term),
      constraint: raw.constraintComponent.value,
    };
    const path = pathToString(raw.path);
    if (path !== undefined) result.path = path;
    if (raw.value?.term) result.value = termToString(raw.value.term);
    const source = sources?.get(focusNode);
    if (source !== undefined) result.source = source;
    return result;
  }
}

function severityName(term: Term): Severity {
  if (term.value === sh('Warning')) return 'Warning';
  if (term.value === sh('Info')) return 'Info';
  return 'Violation';
}

/** The English message, else one without a language, else the first. */
function pickMessage(messages: readonly Term[]): string | undefined {
  const lang = (t: Term): string => (t.termType === 'Literal' ? t.language.toLowerCase() : '');
  const chosen =
    messages.find((m) => lang(m) === 'en' || lang(m).startsWith('en-')) ??
    messages.find((m) => lang(m) === '') ??
    messages[0];
  return chosen?.value;
}
