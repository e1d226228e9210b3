/**
 * The part of n3 (which ships no types) that TRE Atlas uses. Ambient, so every module sees the same declaration.
 */
declare module 'n3' {
  import type * as RDF from '@rdfjs/types';

  /** RDF/JS data factory producing n3 terms (functions, safe to destructure). */
  export const DataFactory: {
    readonly namedNode: <I extends string = string>(value: I) => RDF.NamedNode<I>;
    readonly blankNode: (value?: string) => RDF.BlankNode;
    readonly literal: (
      value: string | number,
      languageOrDatatype?: string | RDF.NamedNode | RDF.DirectionalLanguage,
    ) => RDF.Literal;
    readonly variable: (value: string) => RDF.Variable;
    readonly defaultGraph: () => RDF.DefaultGraph;
    readonly quad: (
      subject: RDF.Quad_Subject,
      predicate: RDF.Quad_Predicate,
      object: RDF.Quad_Object,
      graph?: RDF.Quad_Graph,
    ) => RDF.Quad;
    readonly triple: (
      subject: RDF.Quad_Subject,
      predicate: RDF.Quad_Predicate,
      object: RDF.Quad_Object,
    ) => RDF.Quad;
    readonly fromTerm: <T extends RDF.Term>(term: T) => T;
    readonly fromQuad: (quad: RDF.Quad) => RDF.Quad;
  };

  /** Where an n3 syntax error happened. */
  export interface N3ErrorContext {
    token?: { type: string; value: string; line: number; start?: number; end?: number } | undefined;
    line: number;
    previousToken?: { type: string; value: string; line: number; start?: number; end?: number } | undefined;
  }

  export interface ParserOptions {
    format?: string;
    baseIRI?: string;
    blankNodePrefix?: string;
    factory?: RDF.DataFactory;
  }

  export class Parser {
    constructor(options?: ParserOptions);
    parse(input: string): RDF.Quad[];
    parse(
      input: string,
      callback: (error: (Error & { context?: N3ErrorContext }) | null, quad: RDF.Quad | null) => void,
      prefixCallback?: (prefix: string, iri: RDF.NamedNode) => void,
    ): void;
  }

  export interface WriterOptions {
    format?: string;
    prefixes?: Record<string, string | RDF.NamedNode>;
    baseIRI?: string;
  }

  export class Writer {
    constructor(options?: WriterOptions);
    addQuad(quad: RDF.Quad): void;
    addQuads(quads: RDF.Quad[]): void;
    addPrefixes(prefixes: Record<string, string | RDF.NamedNode>): void;
    quadsToString(quads: RDF.Quad[]): string;
    end(callback: (error: Error | null, result: string) => void): void;
  }

  export class Store implements RDF.DatasetCore {
    constructor(quads?: RDF.Quad[]);
    readonly size: number;
    add(quad: RDF.Quad): this;
    addQuad(quad: RDF.Quad): boolean;
    addQuads(quads: RDF.Quad[]): void;
    delete(quad: RDF.Quad): this;
    removeQuad(quad: RDF.Quad): boolean;
    has(quad: RDF.Quad): boolean;
    match(
      subject?: RDF.Term | null,
      predicate?: RDF.Term | null,
      object?: RDF.Term | null,
      graph?: RDF.Term | null,
    ): RDF.DatasetCore;
    getQuads(
      subject: RDF.Term | null,
      predicate: RDF.Term | null,
      object: RDF.Term | null,
      graph: RDF.Term | null,
    ): RDF.Quad[];
    [Symbol.iterator](): Iterator<RDF.Quad>;
  }
}
