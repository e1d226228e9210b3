import type { Quad } from '@rdfjs/types';
import { dct, foaf, org, rdf, tre } from '../namespaces.js';
import { primarySubject } from './graphIri.js';

const organisationTypes = new Set([org('Organization'), foaf('Organization')]);

function typesOf(quads: readonly Quad[], subject: string): Set<string> {
  return new Set(
    quads
      .filter((q) => q.subject.value === subject && q.predicate.value === rdf('type'))
      .map((q) => q.object.value),
  );
}

function publishersOf(quads: readonly Quad[], subject?: string): Set<string> {
  return new Set(
    quads
      .filter(
        (q) =>
          q.predicate.value === dct('publisher') && (subject === undefined || q.subject.value === subject),
      )
      .map((q) => q.object.value),
  );
}

/**
 * Who is responsible for a document: the primary subject itself when it is an organisation (an operator
 * description), else the primary subject's single `dct:publisher`; without a primary subject, the single
 * `dct:publisher` of the whole document. Undefined when there is none or several.
 */
export function publisherOf(quads: readonly Quad[]): string | undefined {
  const primary = primarySubject(quads);
  if (primary !== undefined && [...typesOf(quads, primary)].some((t) => organisationTypes.has(t))) {
    if (!typesOf(quads, primary).has(tre('TrustedResearchEnvironment'))) return primary;
  }
  const publishers = publishersOf(quads, primary);
  return publishers.size === 1 ? [...publishers][0] : undefined;
}

/** What the store knows about a graph before the write. */
export interface PreviousOwner {
  /** True when the graph exists, or existed, in the store. */
  exists: boolean;
  /** The publisher recorded for its latest version (undefined when unrecorded). */
  publisher?: string | undefined;
}

/**
 * Why `provider` may not write `quads` to a graph, or undefined when it may. Every TRE of the document must have
 * exactly `provider` as `dct:publisher`; the document must be the provider's (see {@link publisherOf}); a graph
 * that exists must have been the provider's too.
 */
export function ownershipProblem(
  quads: readonly Quad[],
  provider: string,
  previous: PreviousOwner,
): string | undefined {
  const tres = new Set(
    quads
      .filter(
        (q) => q.predicate.value === rdf('type') && q.object.value === tre('TrustedResearchEnvironment'),
      )
      .map((q) => q.subject.value),
  );
  for (const subject of [...tres].sort()) {
    const publishers = [...publishersOf(quads, subject)];
    if (publishers.length !== 1 || publishers[0] !== provider) {
      const found = publishers.length === 0 ? 'no dct:publisher' : `dct:publisher ${publishers.join(', ')}`;
      return `the TRE ${subject} has ${found}; a token of ${provider} may only write its own TREs`;
    }
  }
  const publisher = publisherOf(quads);
  if (publisher !== provider) {
    return publisher === undefined
      ? `the document names no single publisher; a token of ${provider} may only write its own descriptions`
      : `the document is published by ${publisher}; a token of ${provider} may only write its own descriptions`;
  }
  if (previous.exists && previous.publisher !== provider) {
    return previous.publisher === undefined
      ? `the graph already exists without a recorded publisher; only an administrator may replace it`
      : `the graph belongs to ${previous.publisher}; a token of ${provider} may not replace it`;
  }
  return undefined;
}
