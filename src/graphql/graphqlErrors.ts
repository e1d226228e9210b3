import { GraphQLError } from 'graphql';
import { isAtlasError, type ErrorCode } from '../errors.js';

/** A user error: shown to the client with `extensions.code`. */
export function userError(
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** How program errors appear in GraphQL; codes not listed are internal and masked. */
const publicCodes: Partial<Record<ErrorCode, string>> = {
  SYNTAX: 'BAD_USER_INPUT',
  USAGE: 'BAD_USER_INPUT',
  UNSUPPORTED_FORMAT: 'BAD_USER_INPUT',
  REMOTE_CONTEXT: 'BAD_USER_INPUT',
  UNSAFE_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TOO_LARGE: 'TOO_LARGE',
  INVALID: 'INVALID',
  TIMEOUT: 'TIMEOUT',
};

/**
 * yoga's `maskError`: GraphQL errors (syntax, validation, user errors) pass; an `AtlasError` with a public code
 * becomes a GraphQL error with that `extensions.code`; anything else becomes "Unexpected error." with code
 * `INTERNAL_SERVER_ERROR`, its message never shown.
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (
    error instanceof GraphQLError &&
    (original === undefined || original === null || original instanceof GraphQLError)
  ) {
    return original instanceof GraphQLError && original !== error ? withPath(original, error) : error;
  }
  if (isAtlasError(original)) {
    const code = publicCodes[original.code];
    if (code !== undefined) {
      const base = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(original.message, {
        ...(base ? { nodes: base.nodes, path: base.path } : {}),
        extensions: { code },
      });
    }
  }
  const base = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(message, {
    ...(base ? { nodes: base.nodes, path: base.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

function withPath(original: GraphQLError, located: GraphQLError): GraphQLError {
  return new GraphQLError(original.message, {
    nodes: located.nodes,
    path: located.path,
    extensions: original.extensions,
  });
}
