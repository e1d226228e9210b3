/**
 * The part of n3 (which ships no types) that TRE Atlas uses. Ambient, so every module sees the same declaration.
 */
declare module 'n3' {
  import type * as RDF from '@rdfjs/types';

  /** RDF/JS data factory producing n3 terms. */
  export const DataFactory: RDF.DataFactory<RDF.Quad, RDF.Quad> & {
    namedNode(value: string): RDF.NamedNode;
    blankNode(value?: string): RDF.BlankNode;
    literal(
      value: string,
      languageOrDatatype?: string | RDF.NamedNode | RDF.DirectionalLanguage,
    ): RDF.Literal;
    variable(value: string): RDF.Variable;
    defaultGraph(): RDF.DefaultGraph;
    quad(
      subject: RDF.Quad_Subject,
      predicate: RDF.Quad_Predicate,
      object: RDF.Quad_Object,
      graph?: RDF.Quad_Graph,
    ): RDF.Quad;
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
