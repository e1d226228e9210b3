import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIri } from './sparqlAst.js';

function stringScalar(
  name: string,
  description: string,
  valid: (value: string) => boolean,
): GraphQLScalarType {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}: ${description}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: check,
    parseLiteral: (ast: ValueNode) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const date = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;
const dateTime = /^-?\d{4,}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The custom scalars: `IRI`, `Date` and `DateTime`, all carried as their lexical forms. */
export const scalarResolvers = {
  IRI: stringScalar('IRI', 'an absolute IRI', isIri),
  Date: stringScalar('Date', 'an xsd:date such as 2025-01-31', (value) => date.test(value)),
  DateTime: stringScalar('DateTime', 'an xsd:dateTime such as 2025-01-31T12:00:00Z, or a date', (value) =>
    dateTime.test(value),
  ),
};
