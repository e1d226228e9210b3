/**
 * Configuration: one zod schema, the only reader of `process.env`. Precedence: command-line flags > environment
 * variables > JSON config file > defaults. Errors name the key and where its bad value came from.
 *
 * To add a setting: add it to `configSchema` (with a default), and, when it has an environment variable, to
 * `envVariables` (nested sections use dotted keys, e.g. `'harvest.interval'`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AtlasError } from './errors.js';

/** The descriptions bundled with TRE Atlas (`data/`), loaded into an empty store. */
export const bundledData = fileURLToPath(new URL('../data/', import.meta.url));

/** The project's vocabulary (`ontology/`), kept in the store as one graph per file. */
export const bundledOntology = fileURLToPath(new URL('../ontology/', import.meta.url));

const sizeUnits: Readonly<Record<string, number>> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A byte count: a number, or a string like `10mb`, `512kb`, `1048576`. */
const byteSize = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(value);
    const unit = sizeUnits[(match?.[2] ?? '').toLowerCase()];
    return match === null || unit === undefined ? value : Math.round(Number(match[1]) * unit);
  },
  z.number({ error: 'expected a byte size such as 10485760 or "10mb"' }).int().positive(),
);

/** A byte count that may be 0 (a feature turned off), in the same forms as `byteSize`. */
const byteSizeOrZero = z.preprocess(
  (value) => (value === '0' ? 0 : value),
  z.union([z.literal(0), byteSize], { error: 'expected 0 or a byte size such as 67108864 or "64mb"' }),
);

const durationUnits: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** A duration in seconds: a number, or a string like `90`, `90s`, `15m`, `6h`, `1d`. */
const duration = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(value);
    const unit = durationUnits[(match?.[2] ?? '').toLowerCase()];
    return match === null || unit === undefined ? value : Number(match[1]) * unit;
  },
  z.number({ error: 'expected a duration such as 3600, "90s", "15m", "6h" or "1d"' }).positive(),
);

/** A whole number, also from a string (environment variables and flags are strings). */
function integer(message: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int({ error: message }),
  );
}

/** One allowed federation source: `id` (used in `source=`), an http(s) `url`, and its `type`. */
const federationSource = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' })
      .refine((id) => id !== 'local', { error: '"local" names the local graph' }),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    type: z.enum(['sparql', 'document'], { error: 'expected sparql or document' }),
  })
  .strict();

/** The levels pino knows, plus `silent`. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The schema of the configuration. Every field has a default, so `{}` is a valid configuration. */
export const configSchema = z
  .object({
    /** TCP port of the HTTP server (0: any free port). */
    port: integer('expected a whole number between 0 and 65535')
      .pipe(z.number().min(0).max(65535))
      .default(8080),
    /** Interface the HTTP server listens on. */
    host: z.string().min(1).default('127.0.0.1'),
    /** Directory of the embedded store and the token file. */
    dataDir: z.string().min(1).default('./.tre-atlas'),
    /** Time limit of a SPARQL query, in milliseconds. */
    queryTimeout: integer('expected a whole number of milliseconds')
      .pipe(z.number().positive({ error: 'expected a positive number of milliseconds' }))
      .default(10000),
    /** Largest accepted request body, in bytes. */
    bodyLimit: byteSize.default(10 * 1024 * 1024),
    /**
     * Memory for cached query answers, in bytes (default 64 MB; 0 turns the cache off). Answers are reused until the
     * next write; a request with `Cache-Control: no-cache` bypasses the cache.
     */
    queryCache: byteSizeOrZero.default(64 * 1024 * 1024),
    /** Limits of the GraphQL facade; each refused request names the limit in `extensions.code`. */
    graphql: z
      .object({
        /** Deepest field nesting of a query (introspection not counted). */
        maxDepth: integer('expected a whole number').pipe(z.number().min(1)).default(10),
        /** Largest estimated query cost (fields times page sizes of enclosing lists). */
        maxCost: integer('expected a whole number').pipe(z.number().min(1)).default(50000),
        /** Largest `first` of a listing. */
        maxPageSize: integer('expected a whole number').pipe(z.number().min(1)).default(100),
        /** `first` of a listing when the query gives none. */
        defaultPageSize: integer('expected a whole number').pipe(z.number().min(1)).default(20),
      })
      .strict()
      .default({ maxDepth: 10, maxCost: 50000, maxPageSize: 100, defaultPageSize: 20 }),
    /** Public base URL of the server (links in the catalogue); default `http://{host}:{port}`. */
    baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    /**
     * The IRI base that request paths map to when dereferencing: with the default, `GET /id/tre/tsd` answers with the
     * description of `https://w3id.org/tre-atlas/id/tre/tsd` (w3id redirects there in production).
     */
    publicBase: z
      .url({ error: 'expected an absolute IRI ending in /' })
      .default('https://w3id.org/tre-atlas/'),
    /** Folder of RDF files loaded into an empty store on first start. */
    seedDir: z.string().min(1).default(bundledData),
    /** pino log level. */
    logLevel: z.enum(logLevels, { error: `expected one of ${logLevels.join(', ')}` }).default('info'),
    /** The graph store: `embedded` (oxigraph + write-ahead log in `dataDir`) or `sparql` (a remote server). */
    store: z.enum(['embedded', 'sparql'], { error: 'expected embedded or sparql' }).default('embedded'),
    /** The remote SPARQL server of `store: sparql` (tested with Virtuoso 7). */
    sparql: z
      .object({
        /** SPARQL 1.1 Protocol query endpoint. */
        query: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
        /** SPARQL 1.1 Update endpoint. */
        update: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
        /** Graph Store Protocol endpoint (Virtuoso: /sparql-graph-crud-auth), used to stage writes. */
        gsp: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
        /** User for HTTP basic or digest authentication. */
        user: z.string().min(1).optional(),
        /** Password of `user`. */
        password: z.string().optional(),
      })
      .strict()
      .default({}),
    /** Scheduled harvesting inside `serve`: off unless `sources` is set. */
    harvest: z
      .object({
        /** Path of the harvest sources file (JSON, see `tre-atlas harvest --sources`). */
        sources: z.string().min(1).optional(),
        /** Time between two harvest runs: seconds, or a duration such as `90s`, `15m`, `6h`, `1d` (default 1 h). */
        interval: duration.default(3600),
        /** Run a harvest as soon as the server is ready (default true); else wait one interval first. */
        atStart: z
          .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
          .default(true),
      })
      .strict()
      .default({ interval: 3600, atStart: true }),
    /**
     * Federated queries (`/sparql?federated=true`): the server contacts only these provider sources, never a URL a
     * caller makes up, and only on public internet addresses unless `allowPrivateNetwork`. With no sources, a
     * federated query answers from the local graph alone and says so in its `note`.
     */
    federation: z
      .object({
        /**
         * The allowed sources, each `{ "id": "tsd", "url": "https://tsd.example.org/sparql", "type": "sparql" }`
         * (`type` is `sparql` for a SPARQL 1.1 endpoint, `document` for an RDF file). Callers name them by id or
         * URL in `source=`. The environment variable `TRE_ATLAS_FEDERATION_SOURCES` holds the same list as inline
         * JSON text (not a file path), e.g. `[{"id":"tsd","url":"https://tsd.example.org/sparql","type":"sparql"}]`.
         */
        sources: z.preprocess(
          (value) => {
            if (typeof value !== 'string') return value;
            try {
              return JSON.parse(value) as unknown;
            } catch {
              return value;
            }
          },
          z
            .array(federationSource, { error: 'expected a JSON array of { id, url, type } sources' })
            .refine((list) => new Set(list.map((s) => s.id)).size === list.length, {
              error: 'two sources have the same id',
            }),
        ),
        /** Allow sources on loopback, private, link-local or other non-public addresses (default false). */
        allowPrivateNetwork: z
          .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
          .default(false),
        /** Time limit of each source, in milliseconds; default: `queryTimeout`. */
        timeoutMs: integer('expected a whole number of milliseconds')
          .pipe(z.number().positive({ error: 'expected a positive number of milliseconds' }))
          .optional(),
      })
      .strict()
      .default({ sources: [], allowPrivateNetwork: false }),
  })
  .strict();

/** The validated configuration. `baseUrl` is always set (derived from host and port when not given). */
export type AtlasConfig = z.output<typeof configSchema> & { baseUrl: string };

/** Environment variables and the (dotted) config key each one sets. */
export const envVariables: Readonly<Record<string, string>> = {
  TRE_ATLAS_PORT: 'port',
  TRE_ATLAS_HOST: 'host',
  TRE_ATLAS_DATA_DIR: 'dataDir',
  TRE_ATLAS_QUERY_TIMEOUT: 'queryTimeout',
  TRE_ATLAS_GRAPHQL_MAX_DEPTH: 'graphql.maxDepth',
  TRE_ATLAS_GRAPHQL_MAX_COST: 'graphql.maxCost',
  TRE_ATLAS_GRAPHQL_MAX_PAGE_SIZE: 'graphql.maxPageSize',
  TRE_ATLAS_BODY_LIMIT: 'bodyLimit',
  TRE_ATLAS_QUERY_CACHE: 'queryCache',
  TRE_ATLAS_PUBLIC_BASE: 'publicBase',
  TRE_ATLAS_BASE_URL: 'baseUrl',
  TRE_ATLAS_SEED_DIR: 'seedDir',
  TRE_ATLAS_LOG_LEVEL: 'logLevel',
  TRE_ATLAS_STORE: 'store',
  TRE_ATLAS_SPARQL_QUERY: 'sparql.query',
  TRE_ATLAS_SPARQL_UPDATE: 'sparql.update',
  TRE_ATLAS_SPARQL_GSP: 'sparql.gsp',
  TRE_ATLAS_SPARQL_USER: 'sparql.user',
  TRE_ATLAS_SPARQL_PASSWORD: 'sparql.password',
  TRE_ATLAS_HARVEST_SOURCES: 'harvest.sources',
  TRE_ATLAS_HARVEST_INTERVAL: 'harvest.interval',
  TRE_ATLAS_FEDERATION_SOURCES: 'federation.sources',
  TRE_ATLAS_FEDERATION_ALLOW_PRIVATE_NETWORK: 'federation.allowPrivateNetwork',
  TRE_ATLAS_FEDERATION_TIMEOUT: 'federation.timeoutMs',
};

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /**
   * Command-line flags, keyed by config key (camelCase, dotted for sections), e.g. commander's `opts()`.
   * Keys that are not config keys and `undefined` values are ignored.
   */
  flags?: Record<string, unknown>;
  /** Environment variables; default `process.env`. Empty values count as unset. */
  env?: Record<string, string | undefined>;
  /** Path of a JSON config file (`--config`); its keys are config keys (sections as nested objects). */
  configFile?: string;
}

type Layer = { source: string; values: Record<string, unknown> };

/** Loads and validates the configuration; a bad value -> `AtlasError('USAGE')` naming the key and its source. */
export function loadConfig(options: LoadConfigOptions = {}): AtlasConfig {
  const env = options.env ?? process.env;
  const layers: Layer[] = [];
  if (options.configFile !== undefined) layers.push(readConfigFile(options.configFile));
  const fromEnv: Record<string, unknown> = {};
  const envSource = new Map<string, string>();
  for (const [name, key] of Object.entries(envVariables)) {
    const value = env[name];
    if (value === undefined || value.trim() === '') continue;
    setPath(fromEnv, key, value);
    envSource.set(key, `environment variable ${name}`);
  }
  layers.push({ source: 'environment', values: fromEnv });
  layers.push({ source: 'command-line flag', values: pickFlags(options.flags ?? {}) });

  const merged: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  for (const layer of layers) {
    for (const [key, value] of leaves(layer.values)) {
      setPath(merged, key, value);
      sources.set(key, envSource.get(key) ?? layer.source);
    }
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) throw configError(parsed.error, sources, merged);
  const config = parsed.data;
  return {
    ...config,
    baseUrl: (config.baseUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, ''),
  };
}

function readConfigFile(path: string): Layer {
  const source = `config file ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AtlasError('IO', `${source}: cannot read it`, { context: { source: path }, cause });
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AtlasError('SYNTAX', `${source}: not valid JSON: ${message}`, {
      context: { source: path },
      cause,
    });
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new AtlasError('USAGE', `${source}: expected a JSON object of settings`, {
      context: { source: path },
    });
  }
  return { source, values: values as Record<string, unknown> };
}

/** The flags that are config keys (top-level schema keys, or dotted keys of a section). */
function pickFlags(flags: Record<string, unknown>): Record<string, unknown> {
  const known = new Set(Object.keys(configSchema.shape));
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined && known.has(key.split('.')[0] ?? '')) setPath(picked, key, value);
  }
  return picked;
}

/** Dotted paths and values of the leaves of a plain object (arrays count as leaves). */
function* leaves(values: Record<string, unknown>, prefix = ''): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(values)) {
    const path = prefix + key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      yield* leaves(value as Record<string, unknown>, `${path}.`);
    } else {
      yield [path, value];
    }
  }
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  const last = parts.pop() ?? dotted;
  let node = target;
  for (const part of parts) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[last] = value;
}

function configError(
  error: z.ZodError,
  sources: Map<string, string>,
  merged: Record<string, unknown>,
): AtlasError {
  const problems = error.issues.map((issue) => {
    const keys =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => [...issue.path, k].join('.'))
        : [issue.path.join('.')];
    return keys.map((key) => {
      // A key inside a list (e.g. `federation.sources.0.url`) came from where its nearest set ancestor came from.
      const owner = [...sources.keys()].find((k) => key === k || key.startsWith(`${k}.`));
      const source = (owner === undefined ? undefined : sources.get(owner)) ?? 'defaults';
      if (issue.code === 'unrecognized_keys')
        return { key, source, message: `unknown setting '${key}' in ${source}` };
      const found = getPath(merged, key);
      const value = found === undefined ? '' : ` = ${JSON.stringify(found)}`;
      return { key, source, message: `invalid setting '${key}'${value} from ${source}: ${issue.message}` };
    });
  });
  const flat = problems.flat();
  return new AtlasError('USAGE', flat.map((p) => p.message).join('; '), {
    context: { problems: flat.map(({ key, source }) => ({ key, source })) },
    cause: error,
  });
}

function getPath(values: Record<string, unknown>, dotted: string): unknown {
  let node: unknown = values;
  for (const part of dotted.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}
