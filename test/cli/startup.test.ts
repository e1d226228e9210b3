import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationProfiles } from '../../src/validate/index.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Node's loader hooks that append the URL of every module the process resolves to `file`. */
function recordImports(file: string): string {
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(file)}, resolved.url + '\\n');
  return resolved;
}`;
  const setup = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return `data:text/javascript,${encodeURIComponent(setup)}`;
}

/** Runs the command line as a user does; with `imports`, records every module it resolves there. */
function cli(args: string[], imports?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const node = imports === undefined ? [] : ['--import', recordImports(imports)];
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...node, 'bin/tre-atlas.js', ...args],
      { cwd: repo },
      (error, stdout, stderr) => {
        done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** Packages that only a running command needs. */
const heavy = [
  'fastify',
  'graphql',
  'graphql-yoga',
  '@comunica',
  'shacl-engine',
  'oxigraph',
  'jsonld',
  'rdflib',
];

/** The packages (of node_modules) among module URLs. */
function packagesOf(urls: readonly string[]): Set<string> {
  const names = urls.map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]);
  return new Set(names.filter((name): name is string => name !== undefined));
}

describe('tre-atlas start-up', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tre-atlas-startup-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [['--help'], ['serve', '--help'], ['query'], ['bogus']]) {
    it(`${args.join(' ')} loads none of the heavy packages behind the commands`, async () => {
      const file = join(dir, `${args.join('-')}.txt`);
      const run = await cli(args, file);
      assert.equal(run.code, args.includes('--help') ? 0 : 2, run.stderr);
      const loaded = packagesOf(readFileSync(file, 'utf8').split('\n'));
      assert.ok(loaded.has('commander'), 'the recording saw the modules of the command line');
      const found = heavy.filter((name) => [...loaded].some((p) => p === name || p.startsWith(`${name}/`)));
      assert.deepEqual(found, []);
    });
  }

  it('validate loads its action on demand and keeps its exit codes', async () => {
    const file = join(dir, 'validate.txt');
    const run = await cli(['validate', 'data/', '--format', 'json'], file);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { conforms: boolean }).conforms, true);
    assert.ok(packagesOf(readFileSync(file, 'utf8').split('\n')).has('shacl-engine'));
    assert.equal((await cli(['validate', join(dir, 'missing.ttl')])).code, 2);
  });

  it('the help of every command lists its options', async () => {
    const expected: Record<string, string[]> = {
      validate: ['--format', '--profile', '<paths...>'],
      'token create': ['--provider', '--admin', '--data-dir', '--config'],
      'token list': ['--data-dir', '--config'],
      'token revoke': ['<id>', '--data-dir'],
      serve: [
        '--port',
        '--host',
        '--data-dir',
        '--query-timeout',
        '--body-limit',
        '--store',
        '--sparql-password',
      ],
      query: ['<name-or-sparql>', '--param', '--format', '--data-dir', '--queries', '--config'],
      'graphql-schema': ['--shapes', '--ontology'],
      export: ['--format', '--profile', '--data-dir', '--config'],
      harvest: ['--sources', '--data-dir', '--config', '--format', '--no-seed', '--verbose'],
      federate: [
        '<sparql>',
        '--source',
        '--no-local',
        '--allow-private-network',
        '--timeout',
        '--format',
        '--data-dir',
      ],
    };
    for (const [command, options] of Object.entries(expected)) {
      const run = await cli([...command.split(' '), '--help']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Usage: tre-atlas ${command} `));
      for (const option of options)
        assert.ok(run.stdout.includes(option), `${command} --help shows ${option}`);
    }
  });

  it('validate --help offers every validation profile', async () => {
    const run = await cli(['validate', '--help']);
    assert.ok(
      run.stdout.includes(`choices: ${validationProfiles.map((p) => `"${p}"`).join(', ')}`),
      run.stdout,
    );
  });
});
