import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AtlasError } from '../errors.js';

/** The kinds of provider source TRE Atlas harvests. */
export const sourceTypes = ['document', 'dcat', 'fdp', 'sparql'] as const;

/** The kind of a source: an RDF document, a paged DCAT catalogue, a FAIR Data Point, a SPARQL endpoint. */
export type SourceType = (typeof sourceTypes)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const positiveInt = (what: string) =>
  z
    .number({ error: `expected a positive whole number of ${what}` })
    .int()
    .positive();

const sourceSchema = z
  .object({
    /** A short, stable name of the source: the key of its harvest state. */
    id: z.string({ error: 'expected a string' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
      error: 'expected letters, digits, ".", "_" or "-" (at most 100)',
    }),
    type: z.enum(sourceTypes, { error: `expected one of ${sourceTypes.join(', ')}` }),
    url: httpUrl,
    /** Time limit of one request, in milliseconds (default 30 000). */
    timeoutMs: positiveInt('milliseconds').optional(),
    /** Largest accepted response body, in bytes (default 50 MB). */
    maxBytes: positiveInt('bytes').optional(),
    /** Redirects followed per request (default 5). */
    maxRedirects: z.number({ error: 'expected a whole number' }).int().min(0).max(20).optional(),
    /** Extra request headers (e.g. an API key). */
    headers: z.record(z.string(), z.string({ error: 'expected a string' })).optional(),
    /** Scheduled harvests: skip this source unless this many seconds have passed since its last run. */
    interval: z.number({ error: 'expected a number of seconds' }).positive().optional(),
    /** SPARQL sources: the CONSTRUCT query; default every TRE with its nested nodes. */
    query: z.string({ error: 'expected a SPARQL CONSTRUCT query' }).min(1).optional(),
    /** DCAT and FDP sources: most documents fetched in one run (default 10 000). */
    maxPages: positiveInt('pages').optional(),
  })
  .strict();

const sourcesSchema = z
  .object({
    sources: z.array(sourceSchema, { error: 'expected an array of sources' }),
    /** Allow private, loopback and link-local addresses (tests, intranets). Default false. */
    allowPrivateNetwork: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.sources.forEach((source, index) => {
      if (seen.has(source.id))
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `duplicate id '${source.id}'`,
        });
      seen.add(source.id);
    });
  });

/** One source of a sources file. */
export type HarvestSource = z.output<typeof sourceSchema>;

/** A validated sources file. */
export type HarvestSources = z.output<typeof sourcesSchema>;

/** `sources[2].url` from a zod path. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * Validates a parsed sources file; problems -> `AtlasError('USAGE')` whose message names each source index and key,
 * e.g. `sources.json: sources[1].url: expected an http(s) URL`.
 */
export function parseSources(value: unknown, origin = 'sources file'): HarvestSources {
  const parsed = sourcesSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => {
    const keys =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => ({ key: pathText([...issue.path, k]), message: 'unknown setting' }))
        : [{ key: pathText(issue.path) || '(top level)', message: issue.message }];
    return keys;
  });
  throw new AtlasError('USAGE', `${origin}: ${problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`, {
    context: { source: origin, problems },
  });
}

/** Reads and validates a sources file (JSON). Unreadable -> `AtlasError('IO')`; not JSON -> `'SYNTAX'`. */
export async function readSources(path: string): Promise<HarvestSources> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new AtlasError('IO', `${path}: cannot read the sources file`, { context: { source: path }, cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AtlasError('SYNTAX', `${path}: not valid JSON: ${message}`, {
      context: { source: path },
      cause,
    });
  }
  return parseSources(value, path);
}
