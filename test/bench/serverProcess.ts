import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { since } from './stats.js';

const cli = fileURLToPath(new URL('../../bin/tre-atlas.js', import.meta.url));

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A `tre-atlas serve` child process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until `/ready` answered 200. */
  startupMs: number;
  /** Resident memory of the process (all threads) in MiB, read from /proc. */
  rssMiB(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `tre-atlas serve` on `dataDir` and waits until it is ready. */
export async function startServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const start = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      env: { ...process.env, TRE_ATLAS_LOG_LEVEL: 'warn', ...extraEnv },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tre-atlas serve exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startupMs = since(start);
  return {
    url,
    pid: child.pid!,
    startupMs,
    async rssMiB() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop() {
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
