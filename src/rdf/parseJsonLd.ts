import type { Quad } from '@rdfjs/types';
import jsonld from 'jsonld';
import { AtlasError } from '../errors.js';
import { bundledDocumentLoader } from './bundledContexts.js';
import { jsonErrorPosition } from './jsonErrorPosition.js';
import { positionAt, syntaxError, type TextPosition } from './syntaxError.js';
import { toN3Quads, type LooseQuad } from './toN3Quads.js';

/**
 * Parses JSON-LD. Contexts load only from the bundled set (never the network); JSON errors and JSON-LD errors ->
 * `AtlasError('SYNTAX')` located in the text; an unbundled context -> `AtlasError('REMOTE_CONTEXT')`.
 */
export async function parseJsonLd(text: string, source: string, baseIri?: string): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const found = jsonErrorPosition(text) ?? { offset: 0, message: (error as Error).message };
    throw syntaxError(source, positionAt(text, found.offset), found.message, error);
  }
  const options = {
    documentLoader: bundledDocumentLoader(source),
    // Safe mode: a term the context does not map, or a relative IRI, is an error instead of silently dropped data.
    safe: true,
    ...(baseIri === undefined ? {} : { base: baseIri }),
  };
  let dataset: unknown;
  try {
    dataset = await jsonld.toRDF(
      document as jsonld.JsonLdDocument,
      options as unknown as jsonld.Options.ToRdf,
    );
  } catch (error) {
    const atlas = findAtlasError(error);
    if (atlas !== undefined) throw atlas;
    if (error instanceof Error && error.name.startsWith('jsonld.')) {
      const { message, details } = describeJsonLdError(error);
      throw syntaxError(source, locateDetail(text, details), message, error);
    }
    throw error;
  }
  return toN3Quads(dataset as LooseQuad[], 'j');
}

/** The AtlasError somewhere in the cause chain of a jsonld error (jsonld wraps document loader failures). */
function findAtlasError(error: unknown, depth = 0): AtlasError | undefined {
  if (error instanceof AtlasError) return error;
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { details, cause } = error as { details?: { cause?: unknown }; cause?: unknown };
  return findAtlasError(details?.cause, depth + 1) ?? findAtlasError(cause, depth + 1);
}

/** The message and details of a jsonld error; safe-mode errors carry them in a nested event. */
function describeJsonLdError(error: Error): { message: string; details: Record<string, unknown> } {
  const details = (error as { details?: Record<string, unknown> }).details ?? {};
  const event = details['event'] as
    { code?: string; message?: string; details?: Record<string, unknown> } | undefined;
  if (event?.message !== undefined) {
    const subject = Object.values(event.details ?? {}).find((v) => typeof v === 'string');
    const about = [event.code, subject === undefined ? undefined : JSON.stringify(subject)]
      .filter(Boolean)
      .join(' ');
    return { message: `${event.message}${about === '' ? '' : ` (${about})`}`, details: event.details ?? {} };
  }
  const code = typeof details['code'] === 'string' ? ` (${details['code']})` : '';
  return { message: `${error.message}${code}`, details };
}

/** Best-effort position of a JSON-LD error: the first occurrence of the term or value it names, else 1:1. */
function locateDetail(text: string, details: Record<string, unknown>): TextPosition {
  for (const key of ['term', 'key', 'property', 'id', 'value']) {
    const value = details[key];
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    const offset = text.indexOf(JSON.stringify(value));
    if (offset !== -1) return positionAt(text, offset);
  }
  return { line: 1, column: 1 };
}
