import type { FastifyRequest } from 'fastify';
import type { TokenStore } from '../auth/index.js';
import { AtlasError } from '../errors.js';

/** Who makes an authenticated write. */
export interface Principal {
  /** The provider id the token was issued to. */
  provider: string;
  /** Admins may write any description. */
  admin: boolean;
}

/**
 * Reads `Authorization: Bearer <token>` and verifies it. Missing, malformed or unknown -> `UNAUTHORIZED`
 * (answered 401 with `WWW-Authenticate`).
 */
export function authenticate(request: FastifyRequest, tokens: TokenStore): Principal {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw new AtlasError('UNAUTHORIZED', 'writes need an Authorization: Bearer <token> header');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) {
    throw new AtlasError('UNAUTHORIZED', 'the Authorization header must be "Bearer <token>"');
  }
  const principal = tokens.verify(match[1]);
  if (principal === undefined) throw new AtlasError('UNAUTHORIZED', 'the bearer token is not valid');
  return { provider: principal.provider, admin: principal.admin };
}
