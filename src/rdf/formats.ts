import { AtlasError } from '../errors.js';

/** Name of an RDF serialisation TRE Atlas reads and writes. */
export type RdfFormatName = 'turtle' | 'trig' | 'ntriples' | 'nquads' | 'jsonld' | 'rdfxml';

/** An RDF serialisation: its media types and file extensions. */
export interface RdfFormat {
  /** Short name. */
  readonly name: RdfFormatName;
  /** The preferred media type, used in `Content-Type`. */
  readonly mediaType: string;
  /** Every media type recognised for it, preferred first, lower case. */
  readonly mediaTypes: readonly string[];
  /** File extensions with the dot, preferred first, lower case. */
  readonly extensions: readonly string[];
  /** True when it carries named graphs. */
  readonly quads: boolean;
}

function format(name: RdfFormatName, mediaTypes: string[], extensions: string[], quads: boolean): RdfFormat {
  const [mediaType] = mediaTypes;
  if (mediaType === undefined) throw new Error(`format ${name} has no media type`);
  return Object.freeze({
    name,
    mediaType,
    mediaTypes: Object.freeze(mediaTypes),
    extensions: Object.freeze(extensions),
    quads,
  });
}

/** Every supported format, by name. */
export const rdfFormats: Readonly<Record<RdfFormatName, RdfFormat>> = Object.freeze({
  turtle: format('turtle', ['text/turtle', 'application/x-turtle'], ['.ttl'], false),
  trig: format('trig', ['application/trig', 'application/x-trig'], ['.trig'], true),
  ntriples: format('ntriples', ['application/n-triples'], ['.nt'], false),
  nquads: format('nquads', ['application/n-quads', 'text/x-nquads'], ['.nq'], true),
  jsonld: format('jsonld', ['application/ld+json'], ['.jsonld', '.json'], true),
  rdfxml: format('rdfxml', ['application/rdf+xml'], ['.rdf', '.owl', '.xml'], false),
});

/** Every supported format, in a stable order (Turtle first). */
export const allRdfFormats: readonly RdfFormat[] = Object.freeze(Object.values(rdfFormats));

/** The file extension of `path`, with the dot, lower case ('' when none). */
function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** The format for a file extension, or undefined. */
export function tryFormatFromPath(path: string): RdfFormat | undefined {
  const ext = extensionOf(path);
  return ext === '' ? undefined : allRdfFormats.find((f) => f.extensions.includes(ext));
}

/** The format of a file from its extension; unknown -> `AtlasError('UNSUPPORTED_FORMAT')`. */
export function formatFromPath(path: string): RdfFormat {
  const found = tryFormatFromPath(path);
  if (found === undefined) {
    const known = allRdfFormats.flatMap((f) => f.extensions).join(', ');
    throw new AtlasError('UNSUPPORTED_FORMAT', `${path}: unknown RDF file extension; known: ${known}`, {
      context: { source: path },
    });
  }
  return found;
}

/**
 * The format for a `Content-Type` value; parameters (`; charset=utf-8`) are ignored, case-insensitive.
 * Unknown -> `AtlasError('UNSUPPORTED_FORMAT')`.
 */
export function formatFromMediaType(contentType: string): RdfFormat {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  const found = allRdfFormats.find((f) => f.mediaTypes.includes(essence));
  if (found === undefined) {
    const known = allRdfFormats.map((f) => f.mediaType).join(', ');
    throw new AtlasError(
      'UNSUPPORTED_FORMAT',
      `unsupported RDF media type '${essence}'; supported: ${known}`,
      {
        context: { mediaType: essence },
      },
    );
  }
  return found;
}
