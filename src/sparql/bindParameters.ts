import sparqljs from 'sparqljs';
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';
import { AtlasError } from '../errors.js';
import { xsd } from '../namespaces.js';
import { parameterTerm, type QueryParameter } from './QueryParameter.js';

/** Raw parameter values as a caller gives them: one string, or several for repeatable parameters. */
export type RawParameters = Readonly<Record<string, string | readonly string[] | undefined>>;

const generator = new sparqljs.Generator();

function valuesOf(raw: string | readonly string[] | undefined): string[] {
  if (raw === undefined) return [];
  return (typeof raw === 'string' ? [raw] : [...raw]).filter((value) => value !== '');
}

/**
 * Binds parameters to a parsed query as RDF terms: each given parameter becomes a `VALUES` block at the start of
 * the query's top-level group (its values checked against the declared type), so a value is never pasted into
 * query text. A repeatable parameter also binds `?{name}_count`, the number of values given, for queries that
 * need "all of them" rather than "any of them". Returns the query text the engine runs.
 */
export function bindParameters(
  name: string,
  query: sparqljs.Query,
  declared: readonly QueryParameter[],
  raw: RawParameters,
): string {
  const known = new Set(declared.map((parameter) => parameter.name));
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && raw[key] !== undefined) {
      const list = declared.map((parameter) => parameter.name).join(', ') || 'none';
      throw new AtlasError('USAGE', `Query "${name}" has no parameter "${key}"; its parameters: ${list}.`, {
        context: { query: name, parameter: key },
      });
    }
  }
  const blocks: sparqljs.ValuesPattern[] = [];
  for (const parameter of declared) {
    let values = valuesOf(raw[parameter.name]);
    if (values.length === 0 && parameter.default !== undefined) values = [parameter.default];
    if (values.length === 0) {
      if (parameter.arity === 'one' || parameter.arity === 'some') {
        throw new AtlasError(
          'USAGE',
          `Query "${name}" needs parameter "${parameter.name}": ${parameter.description}`,
          {
            context: { query: name, parameter: parameter.name },
          },
        );
      }
      continue;
    }
    if (values.length > 1 && (parameter.arity === 'one' || parameter.arity === 'optional')) {
      throw new AtlasError(
        'USAGE',
        `Parameter "${parameter.name}" of query "${name}" takes one value; got ${values.length}.`,
        {
          context: { query: name, parameter: parameter.name },
        },
      );
    }
    const terms = values.map((value) => parameterTerm(parameter, value, name));
    blocks.push(valuesBlock(parameter.name, terms));
    if (parameter.arity === 'many' || parameter.arity === 'some') {
      const count = DataFactory.literal(String(new Set(values).size), DataFactory.namedNode(xsd('integer')));
      blocks.push(valuesBlock(`${parameter.name}_count`, [count]));
    }
  }
  const bound: sparqljs.Query = { ...query, where: [...blocks, ...(query.where ?? [])] };
  return generator.stringify(bound);
}

function valuesBlock(variable: string, terms: readonly Term[]): sparqljs.ValuesPattern {
  return {
    type: 'values',
    values: terms.map((term) => ({ [`?${variable}`]: term as sparqljs.ValuePatternRow[string] })),
  };
}
