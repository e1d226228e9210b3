import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A logger that keeps every record it writes. */
export function capturingLogger(): {
  logger: Logger;
  records: Array<{ level: number; msg: string } & Record<string, unknown>>;
} {
  const records: Array<{ level: number; msg: string } & Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) records.push(JSON.parse(line));
      callback();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), records };
}

/** A fresh temporary data directory. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tre-atlas-store-'));
}

/** Names of the files in `dir` matching `pattern`, sorted. */
export async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
  return (await readdir(dir)).filter((name) => pattern.test(name)).sort();
}
