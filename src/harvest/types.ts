import type { ValidationReport } from '../validate/index.js';
import type { SourceType } from './sourcesFile.js';

/** A harvested description that violated the shapes: not stored (its previous valid version, if any, stays). */
export interface InvalidDescription {
  /** Its graph IRI (the TRE, federation or organisation IRI). */
  graph: string;
  report: ValidationReport;
}

/** What happened to one source in one run. */
export interface SourceReport {
  /** The source's id in the sources file. */
  id: string;
  type: SourceType;
  url: string;
  /** IRI of the PROV activity of this source's harvest (submitter of what it stored). */
  activity: string;
  startedAt: Date;
  endedAt: Date;
  /** True when every document of the source was read (only then are missing descriptions withdrawn). */
  complete: boolean;
  /** True when the source answered "not modified" (or the same bytes) everywhere: nothing was rewritten. */
  sourceUnchanged: boolean;
  /** Requests answered. */
  fetched: number;
  /** Descriptions found in the source. */
  descriptions: number;
  /** Graphs stored for the first time (or again after a withdrawal). */
  created: string[];
  /** Graphs replaced by a new version. */
  updated: string[];
  /** Graphs whose content did not change. */
  unchanged: string[];
  /** Descriptions refused by the shapes, with their reports. */
  invalid: InvalidDescription[];
  /** Graphs withdrawn because the source, read completely, no longer provides them. */
  withdrawn: string[];
  /** Problems, in English: unreachable documents, timeouts, limits, refused addresses, conflicts. */
  errors: string[];
}

/** One harvest run over a sources file. */
export interface HarvestReport {
  /** IRI of the run's PROV activity. */
  activity: string;
  startedAt: Date;
  endedAt: Date;
  sources: SourceReport[];
  /** True when every source was read completely without errors. */
  ok: boolean;
}

/** Progress of a run, for progress bars. */
export type HarvestProgress =
  | { phase: 'fetch'; source: string; url: string; fetched: number }
  | { phase: 'ingest'; source: string; done: number; total: number }
  | { phase: 'done'; source: string; report: SourceReport };
