import type { Quad } from '@rdfjs/types';
import type { TokenStore } from '../auth/index.js';
import { AtlasError } from '../errors.js';
import type { Ingestor } from '../ingest/index.js';
import { parseRdf, rdfFormats, type RdfFormatName } from '../rdf/index.js';
import type { ShaclValidator, ValidationReport } from '../validate/index.js';
import { userError } from './graphqlErrors.js';
import { isIri } from './sparqlAst.js';

/** What validation and the mutations need; absent services make those fields answer `UNAVAILABLE`-style errors. */
export interface WriteServices {
  validator?: ShaclValidator | undefined;
  ingestor?: Ingestor | undefined;
  tokens?: TokenStore | undefined;
}

/** The per-request context yoga gives resolvers (the Fetch API request). */
export interface RequestContext {
  request: Request;
}

interface DocumentArgs {
  document: string;
  format: RdfFormatName;
}

async function parseDocument(args: DocumentArgs): Promise<Quad[]> {
  return parseRdf(args.document, { format: rdfFormats[args.format], source: 'document' });
}

function principalOf(context: RequestContext, tokens: TokenStore | undefined) {
  const header = context.request.headers.get('authorization');
  if (header === null || header.trim() === '') {
    throw userError('UNAUTHENTICATED', 'mutations need an Authorization: Bearer <token> header');
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined)
    throw userError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"');
  const grant = tokens?.verify(match[1]);
  if (grant === undefined) throw userError('UNAUTHENTICATED', 'the bearer token is not valid');
  return grant;
}

function need<T>(service: T | undefined, what: string): T {
  if (service === undefined) throw new AtlasError('UNAVAILABLE', `this server has no ${what}`);
  return service;
}

/** `validate`, `upsertDescription`, `deleteDescription`, and the enums they use. */
export function writeResolvers(services: WriteServices) {
  return {
    Query: {
      validate: async (_: unknown, args: DocumentArgs): Promise<ValidationReport> => {
        const validator = need(services.validator, 'validator');
        const quads = await parseDocument(args);
        const background = (await services.ingestor?.backgroundFor(quads)) ?? [];
        return validator.validate(quads, { background });
      },
    },
    Mutation: {
      upsertDescription: async (_: unknown, args: DocumentArgs, context: RequestContext) => {
        const grant = principalOf(context, services.tokens);
        const ingestor = need(services.ingestor, 'ingestor');
        const quads = await parseDocument(args);
        const outcome = await ingestor.ingest([{ quads, source: 'graphql:upsertDescription' }], {
          submitter: grant.provider,
          provider: grant.provider,
          admin: grant.admin,
        });
        const doc = outcome.documents[0];
        if (doc?.refused === 'FORBIDDEN') {
          throw userError(
            'FORBIDDEN',
            doc.reason ?? `provider '${grant.provider}' may not write <${doc.graph}>`,
          );
        }
        const stored = outcome.committed && doc?.stored === true;
        return {
          stored,
          id: doc?.graph ?? null,
          version: stored ? (doc?.version ?? null) : null,
          unchanged: doc?.unchanged === true,
          report: doc?.report ?? { conforms: false, results: [] },
        };
      },
      deleteDescription: async (_: unknown, args: { id: string }, context: RequestContext) => {
        const grant = principalOf(context, services.tokens);
        const ingestor = need(services.ingestor, 'ingestor');
        if (!isIri(args.id))
          throw userError(
            'BAD_USER_INPUT',
            `id: not an absolute IRI: ${JSON.stringify(args.id.slice(0, 200))}`,
          );
        const deleted = await ingestor.deleteDescription(args.id, {
          submitter: grant.provider,
          provider: grant.provider,
          admin: grant.admin,
        });
        if (!deleted) throw userError('NOT_FOUND', `no description <${args.id}>`);
        return { id: args.id, deleted };
      },
    },
    RdfFormat: {
      TURTLE: 'turtle',
      TRIG: 'trig',
      NTRIPLES: 'ntriples',
      NQUADS: 'nquads',
      JSONLD: 'jsonld',
      RDFXML: 'rdfxml',
    },
    Severity: { VIOLATION: 'Violation', WARNING: 'Warning', INFO: 'Info' },
  };
}
