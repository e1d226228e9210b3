import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the Debian package `virtuoso-opensource` puts its server and SQL client. */
export const VIRTUOSO_BIN = process.env['VIRTUOSO_BIN'] ?? '/usr/bin/virtuoso-t';
export const ISQL_BIN = process.env['ISQL_BIN'] ?? '/usr/bin/isql-vt';

/** The account the tests give TRE Atlas (SPARQL_UPDATE granted; reached with digest auth on /sparql-auth). */
export const ATLAS_USER = 'atlas';
export const ATLAS_PASSWORD = 'atlas-test-secret';
const DBA_PASSWORD = 'dba';

/** A Virtuoso instance on loopback with its own temporary database. */
export interface VirtuosoInstance {
  /** `http://127.0.0.1:PORT` */
  httpUrl: string;
  /** Anonymous read endpoint (`/sparql`). */
  queryUrl: string;
  /** Digest-authenticated endpoint (`/sparql-auth`) for queries and updates. */
  authUrl: string;
  /** Digest-authenticated Graph Store Protocol endpoint (`/sparql-graph-crud-auth`). */
  gspUrl: string;
  user: string;
  password: string;
  /** The database directory (the bulk loader may read files placed here). */
  dir: string;
  /** Runs SQL through isql as dba; resolves with its output, rejects on a non-zero exit or an error line. */
  isql(sql: string): Promise<string>;
  stop(): Promise<void>;
}

/** True when the Virtuoso server binary is installed. */
export function virtuosoInstalled(): boolean {
  return existsSync(VIRTUOSO_BIN) && existsSync(ISQL_BIN);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ini(dir: string, sqlPort: number, httpPort: number, buffers: number, costLimit: number): string {
  return `[Database]
DatabaseFile = ${dir}/virtuoso.db
ErrorLogFile = ${dir}/virtuoso.log
LockFile = ${dir}/virtuoso.lck
TransactionFile = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = ${dir}/virtuoso-temp.db
TransactionFile = ${dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:${sqlPort}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., ${dir}
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers = ${buffers}
MaxDirtyBuffers = ${Math.floor((buffers * 3) / 4)}
MaxQueryMem = 256M

[HTTPServer]
ServerPort = 127.0.0.1:${httpPort}
ServerRoot = ${dir}
MaxClientConnections = 8
ServerThreads = 8
MaxKeepAlives = 8
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000

[SPARQL]
ResultSetMaxRows = 10000000
MaxSortedTopRows = 10000000
MaxQueryCostEstimationTime = ${costLimit}
; 0: no refusal on the cost estimate, which misfires with graph-exclude defines; time limits still apply
MaxQueryExecutionTime = 120
MaxConstructTriples = 10000000
`;
}

async function waitForHttp(url: string, child: ChildProcess, logFile: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`virtuoso-t exited with ${child.exitCode}:\n${log.slice(-2000)}`);
    }
    try {
      const response = await fetch(`${url}/sparql?query=${encodeURIComponent('ASK {}')}`, {
        headers: { accept: 'application/sparql-results+json' },
        signal: AbortSignal.timeout(2000),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Virtuoso did not answer at ${url} within ${ms} ms`);
}

/**
 * Starts Virtuoso on free loopback ports with a fresh database in a temporary directory, creates the `atlas`
 * account with SPARQL_UPDATE, and resolves once its SPARQL endpoint answers. `stop()` kills the process group
 * and removes the directory.
 */
export async function startVirtuoso(
  options: { buffers?: number; costLimit?: number } = {},
): Promise<VirtuosoInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'tre-atlas-virtuoso-'));
  const sqlPort = await freePort();
  const httpPort = await freePort();
  await writeFile(
    join(dir, 'virtuoso.ini'),
    ini(dir, sqlPort, httpPort, options.buffers ?? 20_000, options.costLimit ?? 0),
  );
  const child = spawn(VIRTUOSO_BIN, ['+foreground', '+configfile', join(dir, 'virtuoso.ini')], {
    cwd: dir,
    detached: true,
    stdio: 'ignore',
  });
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const isql = (sql: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const args = [
        `127.0.0.1:${sqlPort}`,
        'dba',
        DBA_PASSWORD,
        'VERBOSE=OFF',
        'BANNER=OFF',
        'PROMPT=OFF',
        'ECHO=OFF',
        'ERRORS=STDOUT',
      ];
      const run = spawn(ISQL_BIN, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      run.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      run.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      run.once('error', reject);
      run.once('close', (code) => {
        if (code !== 0 || /^\*\*\* Error/m.test(out)) reject(new Error(`isql failed: ${out.slice(0, 2000)}`));
        else resolve(out);
      });
      run.stdin.end(sql.trim().endsWith(';') ? sql : `${sql};`);
    });
  try {
    await waitForHttp(httpUrl, child, join(dir, 'virtuoso.log'), 60_000);
    await isql(`
DB.DBA.USER_CREATE ('${ATLAS_USER}', '${ATLAS_PASSWORD}');
GRANT SPARQL_SELECT TO "${ATLAS_USER}";
GRANT SPARQL_UPDATE TO "${ATLAS_USER}";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('${ATLAS_USER}', 15);
`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    httpUrl,
    queryUrl: `${httpUrl}/sparql`,
    authUrl: `${httpUrl}/sparql-auth`,
    gspUrl: `${httpUrl}/sparql-graph-crud-auth`,
    user: ATLAS_USER,
    password: ATLAS_PASSWORD,
    dir,
    isql,
    stop,
  };
}
