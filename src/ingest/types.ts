import type { Quad } from '@rdfjs/types';
import type { Logger } from 'pino';
import type { GraphStore } from '../store/index.js';
import type { ShaclValidator, ValidationReport } from '../validate/index.js';

/** Options of `Ingestor.create`. */
export interface IngestorOptions {
  /** Where descriptions, their history and the meta graph live. */
  store: GraphStore;
  /** Gate of every write: a document with a `Violation` is refused (use the `core` profile). */
  validator: ShaclValidator;
  /** The time recorded as `dct:modified` and `prov:invalidatedAtTime`; default `new Date()`. */
  clock?: () => Date;
  /** pino logger. */
  logger: Logger;
}

/** One RDF document to store as one named graph. */
export interface IngestDocument {
  /** Its triples (graph terms are ignored: the document becomes one graph). */
  quads: Quad[];
  /** Where it came from: a file path or URL, recorded as `dct:source`. */
  source: string;
  /** The graph IRI chosen by the submitter (Graph Store Protocol `?graph=`); else derived, see `graphIriOf`. */
  graph?: string;
}

/** Who writes, and on whose behalf. */
export interface IngestOptions {
  /** IRI (or name) of the submitter, recorded as `prov:wasAttributedTo`: a provider, `sys('seed')`, ... */
  submitter: string;
  /** The provider of the bearer token; with it and without `admin`, ownership rules apply. */
  provider?: string;
  /** True: no ownership rules. */
  admin?: boolean;
  /** IRI of the activity (e.g. a harvest run) that produced the documents, recorded as `prov:wasGeneratedBy`. */
  activity?: string;
}

/** What happened to one document of a batch. */
export interface DocumentOutcome {
  /** The graph IRI the document maps to. */
  graph: string;
  /** The document's source. */
  source: string;
  /** Its validation report (only focus nodes that are subjects of the document). */
  report: ValidationReport;
  /** True when the batch committed and this document is the graph's current content (new or unchanged). */
  stored: boolean;
  /** The graph's current version number when stored. */
  version?: number;
  /** True when the content equals the current version (same canonical hash): no new version. */
  unchanged?: boolean;
  /** Why the document was refused: violations, or a graph the submitter may not write. */
  refused?: 'INVALID' | 'FORBIDDEN';
  /** Why a `FORBIDDEN` document was refused, in English. */
  reason?: string;
}

/** The outcome of a batch: all documents stored, or none. */
export interface IngestResult {
  /** True when every document was stored (or unchanged). */
  committed: boolean;
  /** One outcome per document, in input order. */
  documents: DocumentOutcome[];
}

/** The meta-graph record of one version of a description. */
export interface VersionRecord {
  /** 1 for the first version. */
  version: number;
  /** IRI of the record, `sys('version/{key}/{n}')`; an archived version's quads live in the graph of that IRI. */
  iri: string;
  /** When this version was stored. */
  modified: Date;
  /** SHA-256 of its canonical N-Quads. */
  contentHash: string;
  /** Who submitted it. */
  submitter: string;
  /** Where it came from. */
  source: string;
  /** The publisher (operator) of the description: the TRE's `dct:publisher`, or the organisation itself. */
  publisher?: string;
  /** True when it conformed to the shapes (warnings allowed). */
  conforms: boolean;
  /** The activity that produced it (harvest). */
  activity?: string;
  /** True for the version that is the graph's current content. */
  current: boolean;
  /** True when this version was deleted (withdrawn) and nothing replaced it yet. */
  withdrawn: boolean;
  /** When it was withdrawn. */
  withdrawnAt?: Date;
}

/** The record of a current description graph. */
export interface DescriptionRecord extends Omit<VersionRecord, 'current' | 'withdrawn' | 'withdrawnAt'> {
  /** The description graph's IRI. */
  graph: string;
}
