import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import { xsd } from '../namespaces.js';

/** The types a named-query parameter can declare. */
export type ParameterType = 'iri' | 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'dateTime';

/** How many values a parameter takes: exactly one, at most one, any number, at least one. */
export type ParameterArity = 'one' | 'optional' | 'many' | 'some';

/** A parameter declared in a named query's header (`# @param name type[?|*|+|=default] description`). */
export interface QueryParameter {
  /** The variable it binds (without `?`). */
  name: string;
  type: ParameterType;
  arity: ParameterArity;
  /** Raw default value, used when the caller gives none. */
  default?: string;
  description: string;
}

const lexical: Record<Exclude<ParameterType, 'iri' | 'string'>, RegExp> = {
  integer: /^[+-]?\d+$/,
  decimal: /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  boolean: /^(true|false)$/,
  date: /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
  dateTime: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
};

/** An absolute IRI: a scheme, a colon, and no characters that an IRI reference cannot contain. */
const absoluteIri = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;

/**
 * Turns a caller's raw value into the RDF term a parameter of this type stands for.
 * Values are checked against the type's lexical form, so nothing but a well-formed term ever reaches a query.
 */
export function parameterTerm(parameter: QueryParameter, raw: string, query: string): Term {
  const refuse = (expected: string): never => {
    throw new AtlasError(
      'USAGE',
      `Parameter "${parameter.name}" of query "${query}" must be ${expected}; got "${raw}".`,
      {
        context: { parameter: parameter.name, query, value: raw },
      },
    );
  };
  switch (parameter.type) {
    case 'iri':
      return absoluteIri.test(raw) ? DataFactory.namedNode(raw) : refuse('an absolute IRI');
    case 'string':
      return DataFactory.literal(raw);
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'date':
    case 'dateTime':
      return lexical[parameter.type].test(raw)
        ? DataFactory.literal(raw, DataFactory.namedNode(xsd(parameter.type)))
        : refuse(`an xsd:${parameter.type}`);
  }
}

const declaration = /^(\w+)\s+(iri|string|integer|decimal|boolean|date|dateTime)(\?|\*|\+|=(\S+))?\s*(.*)$/;

/** Parses the text after `@param` in a query header. */
export function parseParameterDeclaration(text: string, where: string): QueryParameter {
  const match = declaration.exec(text.trim());
  if (!match) {
    throw new AtlasError(
      'SYNTAX',
      `${where}: malformed @param "${text.trim()}"; expected "name type[?|*|+|=default] description" with type one of iri, string, integer, decimal, boolean, date, dateTime.`,
      { context: { source: where } },
    );
  }
  const [, name = '', type = 'string', suffix, defaultValue, description = ''] = match;
  const arity: ParameterArity =
    suffix === '?' || defaultValue !== undefined
      ? 'optional'
      : suffix === '*'
        ? 'many'
        : suffix === '+'
          ? 'some'
          : 'one';
  const parameter: QueryParameter = { name, type: type as ParameterType, arity, description };
  if (defaultValue !== undefined) parameter.default = defaultValue;
  return parameter;
}
