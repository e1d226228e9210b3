import type { FastifyPluginCallback } from 'fastify';
import { AtlasError } from '../../errors.js';
import { graphIriOf, type Ingestor } from '../../ingest/index.js';
import { validationProfiles, type ShaclValidator, type ValidationProfile } from '../../validate/index.js';
import { readRdfBody } from '../readRdfBody.js';
import { searchParams } from '../requestParams.js';
import { sendReport } from '../sendReport.js';

/** Options of the validation route. */
export interface ValidateRoutesOptions {
  ingestor: Ingestor;
  /** The validator of a profile (`core`, `recommended`, `ehds`), built once per profile. */
  validatorFor: (profile: ValidationProfile) => Promise<ShaclValidator>;
  /** The profile used when the request names none. */
  defaultProfile: ValidationProfile;
}

function isProfile(value: string): value is ValidationProfile {
  return (validationProfiles as readonly string[]).includes(value);
}

/**
 * `POST /validate[?profile=core|recommended|ehds][&graph=IRI]`: validates the RDF body (any supported format, by
 * Content-Type) exactly as a write of it (to `graph`, default: the graph derived from the document) would be, and
 * answers 200 with the report. Stores nothing.
 */
export const validateRoutes: FastifyPluginCallback<ValidateRoutesOptions> = (app, options, done) => {
  app.post('/validate', async (request, reply) => {
    const requested = searchParams(request).get('profile') ?? options.defaultProfile;
    if (!isProfile(requested)) {
      throw new AtlasError(
        'USAGE',
        `unknown profile '${requested}'; known: ${validationProfiles.join(', ')}`,
      );
    }
    const quads = await readRdfBody(request);
    const validator = await options.validatorFor(requested);
    // As on the write path: the graph the document would replace is not part of its background.
    const graph = searchParams(request).get('graph') ?? graphIriOf({ quads, source: 'request body' });
    const background = await options.ingestor.backgroundFor(quads, { exclude: [graph] });
    const report = await validator.validate(quads, { background });
    return sendReport(request, reply, 200, report);
  });
  done();
};
