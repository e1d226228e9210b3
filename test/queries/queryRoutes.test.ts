import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { TokenStore } from '../../src/auth/index.js';
import { Ingestor } from '../../src/ingest/index.js';
import { createServer } from '../../src/server/index.js';
import { NamedQueries } from '../../src/sparql/index.js';
import { ShaclValidator } from '../../src/validate/index.js';
import { seededStore, type SeededStore } from './seededStore.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'bin/tre-atlas.js');
const tsd = 'https://w3id.org/tre-atlas/id/tre/tsd';
const genomic = 'https://w3id.org/tre-atlas/vocab/data-category/GenomicData';

describe('named queries over HTTP (/queries) and from the shell (tre-atlas query)', function () {
  this.timeout(120_000);
  let seed: SeededStore;
  let app: FastifyInstance;
  let url: string;
  let dataDir: string;

  before(async () => {
    seed = await seededStore();
    const logger = pino({ level: 'silent' });
    dataDir = await mkdtemp(join(tmpdir(), 'tre-atlas-query-cli-'));
    const validator = await ShaclValidator.create({ profile: 'core' });
    app = await createServer({
      config: { queryTimeout: 10_000, bodyLimit: 1_000_000 },
      store: seed.store,
      ingestor: await Ingestor.create({ store: seed.store, validator, logger }),
      validator,
      tokens: await TokenStore.open({ dataDir }),
      logger,
      queries: await NamedQueries.load(join(root, 'queries')),
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app?.close();
    await seed?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('GET /queries lists every query with its typed parameters', async () => {
    const response = await fetch(`${url}/queries`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      queries: Array<{ name: string; url: string; parameters: Array<Record<string, unknown>> }>;
    };
    const summary = body.queries.find((q) => q.name === 'tre-summary');
    assert.ok(summary, 'tre-summary is listed');
    assert.equal(summary.url, `${url}/queries/tre-summary`);
    assert.deepEqual(
      summary.parameters.map((p) => [p['name'], p['type'], p['required']]),
      [['tre', 'iri', true]],
    );
    const days = body.queries
      .find((q) => q.name === 'certifications-expiring')
      ?.parameters.find((p) => p['name'] === 'days');
    assert.equal(days?.['default'], '90');
    assert.ok(body.queries.length >= 8);
  });

  it('GET /queries/{name} binds parameters and answers SPARQL JSON', async () => {
    const response = await fetch(`${url}/queries/tre-summary?tre=${encodeURIComponent(tsd)}`, {
      headers: { accept: 'application/sparql-results+json' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      results: { bindings: Array<Record<string, { value: string }>> };
    };
    assert.equal(body.results.bindings.length, 1);
    assert.equal(body.results.bindings[0]!['title']!.value, 'TSD – Services for Sensitive Data');
  });

  it('a repeated parameter gives several values, and CSV comes by Accept', async () => {
    const nor = 'http://publications.europa.eu/resource/authority/country/NOR';
    const fin = 'http://publications.europa.eu/resource/authority/country/FIN';
    const query = `country=${encodeURIComponent(nor)}&country=${encodeURIComponent(fin)}&category=${encodeURIComponent(genomic)}`;
    const response = await fetch(`${url}/queries/tres-by-criteria?${query}`, {
      headers: { accept: 'text/csv' },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await response.text()).trim().split(/\r?\n/);
    assert.equal(lines[0], 'tre,title,operator,operatorName');
    const tres = lines.slice(1).map((line) => line.split(',')[0]);
    assert.deepEqual(tres.sort(), [
      'https://w3id.org/tre-atlas/id/tre/fega-finland',
      'https://w3id.org/tre-atlas/id/tre/fega-norway',
      'https://w3id.org/tre-atlas/id/tre/hunt-cloud',
      'https://w3id.org/tre-atlas/id/tre/sd-desktop',
      'https://w3id.org/tre-atlas/id/tre/tsd',
    ]);
  });

  it('refuses a missing, malformed or unknown parameter with 400 naming it, an unknown query with 404', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['tre-summary', 400, /needs parameter "tre"/],
      ['tre-summary?tre=not%20an%20iri', 400, /"tre" of query "tre-summary" must be an absolute IRI/],
      ['certifications-expiring?days=soon', 400, /"days" .* must be an xsd:integer/],
      ['tres-per-country?colour=blue', 400, /no parameter "colour"/],
      ['tre-summary?tre=https%3A%2F%2Fa&tre=https%3A%2F%2Fb', 400, /takes one value; got 2/],
      ['no-such-query', 404, /No named query "no-such-query"/],
    ];
    for (const [path, status, message] of cases) {
      const response = await fetch(`${url}/queries/${path}`);
      assert.equal(response.status, status, path);
      const body = (await response.json()) as { message: string };
      assert.match(body.message, message, path);
    }
  });

  it('a value that looks like SPARQL stays a literal: no injection', async () => {
    const text = encodeURIComponent('x" ) } } SELECT * WHERE { ?s ?p ?o } #');
    const response = await fetch(`${url}/queries/search-tres?text=${text}`, {
      headers: { accept: 'application/sparql-results+json' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { results: { bindings: unknown[] } };
    assert.deepEqual(body.results.bindings, []);
  });

  it('tre-atlas query NAME --param k=v prints a table; SPARQL text and --format csv/json work too', async () => {
    const env = { ...process.env, TRE_ATLAS_LOG_LEVEL: 'silent' };
    const table = await run(
      'node',
      [cli, 'query', 'tre-summary', '--param', `tre=${tsd}`, '--data-dir', dataDir],
      { env, cwd: root },
    );
    const lines = table.stdout.trim().split('\n');
    assert.match(lines[0]!, /^title\s+operator\s+operatorName\s+country/);
    assert.match(
      lines[2]!,
      /^TSD – Services for Sensitive Data @en\s+https:\/\/ror\.org\/01xtthb56\s+University of Oslo/,
    );
    assert.equal(lines.at(-1), '(1 row)');
    assert.match(table.stderr, /is empty: loading .*data/);

    const csv = await run(
      'node',
      [
        cli,
        'query',
        'SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment> }',
        '--format',
        'csv',
        '--data-dir',
        dataDir,
      ],
      { env, cwd: root },
    );
    const total = await seed.store.query(
      'SELECT (COUNT(*) AS ?n) WHERE { ?t a <https://w3id.org/tre-atlas/ns#TrustedResearchEnvironment> }',
    );
    assert.equal(total.kind, 'bindings');
    const n = total.kind === 'bindings' ? total.rows[0]!['n']!.value : '';
    assert.deepEqual(csv.stdout.trim().split(/\r?\n/), ['n', n]);

    const json = await run(
      'node',
      [cli, 'query', 'search-tres', '--param', 'text=biobank', '--format', 'json', '--data-dir', dataDir],
      { env, cwd: root },
    );
    const parsed = JSON.parse(json.stdout) as {
      results: { bindings: Array<Record<string, { value: string }>> };
    };
    assert.ok(
      parsed.results.bindings.some(
        (b) => b['tre']!.value === 'https://w3id.org/tre-atlas/id/tre/estonian-biobank',
      ),
    );
  });

  it('tre-atlas query exits 2 with the reason for an unknown query, a bad parameter or bad SPARQL', async () => {
    const env = { ...process.env, TRE_ATLAS_LOG_LEVEL: 'silent' };
    const cases: Array<[string[], RegExp]> = [
      [['query', 'nope', '--data-dir', dataDir], /No named query "nope"/],
      [['query', 'tre-summary', '--param', 'tre', '--data-dir', dataDir], /--param takes name=value/],
      [['query', 'SELECT ?x WHERE { ?x ', '--data-dir', dataDir], /query:1:\d+: SPARQL syntax error/],
    ];
    for (const [args, message] of cases) {
      const outcome = await run('node', [cli, ...args], { env, cwd: root }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
      assert.equal(outcome.code, 2, args.join(' '));
      assert.match(outcome.stderr, message, args.join(' '));
    }
  });
});
