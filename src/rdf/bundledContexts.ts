import { readFileSync } from 'node:fs';
import { AtlasError } from '../errors.js';

interface ContextIndex {
  default: string;
  contexts: Record<string, string>;
}

const contextsDir = new URL('./contexts/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', contextsDir), 'utf8')) as ContextIndex;
const cache = new Map<string, unknown>();

/** URL of the TRE Atlas JSON-LD context, which maps the prefixes of `src/namespaces.ts`. */
export const treAtlasContextUrl: string = index.default;

/** URLs of every bundled JSON-LD context. */
export const bundledContextUrls: readonly string[] = Object.freeze(Object.keys(index.contexts));

/** The parsed bundled context document at `url`, or undefined when `url` is not bundled. */
export function bundledContext(url: string): unknown {
  const file = index.contexts[url];
  if (file === undefined) return undefined;
  let document = cache.get(url);
  if (document === undefined) {
    document = JSON.parse(readFileSync(new URL(file, contextsDir), 'utf8')) as unknown;
    cache.set(url, document);
  }
  return document;
}

/** A JSON-LD remote document as the `jsonld` package expects from a document loader. */
export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

/**
 * A `jsonld` document loader that serves bundled contexts only and never touches the network; any other URL ->
 * `AtlasError('REMOTE_CONTEXT')`. `source` names the document being read, for the message.
 */
export function bundledDocumentLoader(source: string): (url: string) => Promise<LoadedDocument> {
  return (url: string) => {
    const document = bundledContext(url);
    if (document === undefined) {
      return Promise.reject(
        new AtlasError(
          'REMOTE_CONTEXT',
          `${source}: JSON-LD context <${url}> is not bundled; TRE Atlas never fetches remote contexts. ` +
            `Inline it or use one of: ${bundledContextUrls.join(', ')}`,
          { context: { source, url } },
        ),
      );
    }
    return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
}
