/** Codes of program errors. Each face maps them once: HTTP status, GraphQL `extensions.code`, CLI exit code. */
export type ErrorCode =
  | 'SYNTAX' // malformed input (RDF, SPARQL, JSON): context carries source, line, column
  | 'UNSUPPORTED_FORMAT' // no parser for this media type or file extension
  | 'REMOTE_CONTEXT' // a JSON-LD document asked for a context that is not bundled
  | 'UNSAFE_INPUT' // e.g. an RDF/XML entity-expansion bomb
  | 'IO' // a file or folder could not be read
  | 'USAGE' // bad arguments or parameters
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'TOO_LARGE'
  | 'INVALID' // SHACL violations: context carries the report
  | 'TIMEOUT'
  | 'CORRUPT' // a data directory whose log or snapshot fails its checksum
  | 'UNAVAILABLE' // a store or remote source that does not answer
  | 'INTERNAL';

/** Where in a source something went wrong. */
export interface SourceLocation {
  source?: string;
  line?: number;
  column?: number;
}

/** A typed program error: a code, a message naming the subject and location, structured context and a cause. */
export class AtlasError extends Error {
  readonly code: ErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { context?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AtlasError';
    this.code = code;
    this.context = options.context ?? {};
  }
}

/** True when `error` is an AtlasError, optionally of the given code. */
export function isAtlasError(error: unknown, code?: ErrorCode): error is AtlasError {
  return error instanceof AtlasError && (code === undefined || error.code === code);
}
