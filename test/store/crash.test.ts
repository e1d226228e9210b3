import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { EmbeddedStore } from '../../src/store/index.js';
import { ex } from './fixtures.js';
import { tempDir } from './helpers.js';

const script = fileURLToPath(new URL('./crashWriter.ts', import.meta.url));
const LANES = 2;
const KILLS_PER_LANE = 10;

interface Run {
  present: Set<number>;
  acked: number[];
}

/** Runs the writer until a random moment, then kills it with SIGKILL. */
function runAndKill(dir: string, first: number, early: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(first)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let present: Set<number> | undefined;
    const acked: number[] = [];
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    const killSoon = (maxMs: number): void => {
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * maxMs));
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, value = ''] = line.split(' ');
        if (word === 'present') {
          present = new Set(value ? value.split(',').map(Number) : []);
          if (early) killSoon(30);
        } else if (word === 'ack') {
          acked.push(Number(value));
          killSoon(250);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited with ${code}: ${stderr}`));
      if (!present) return reject(new Error(`writer was killed before opening the store: ${stderr}`));
      resolve({ present, acked });
    });
  });
}

/** Kills a writer on `dir` `kills` times; after each kill the next writer's open must find every acknowledged write. */
async function killRepeatedly(dir: string, kills: number): Promise<number> {
  const acknowledged = new Set<number>();
  for (let round = 0; round < kills; round++) {
    const run = await runAndKill(dir, round * 100_000, round % 5 === 4);
    const missing = [...acknowledged].filter((n) => !run.present.has(n));
    assert.deepEqual(missing, [], `round ${round}: acknowledged writes missing after a kill`);
    for (const n of run.acked) acknowledged.add(n);
  }
  const store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }), workers: 1 });
  await store.open();
  try {
    const graphs = new Set(await store.listGraphs());
    assert.deepEqual(
      [...acknowledged].filter((n) => !graphs.has(ex(`crash/${n}`))),
      [],
    );
  } finally {
    await store.close();
  }
  return acknowledged.size;
}

describe('EmbeddedStore crash safety (kill -9 while writing)', function () {
  this.timeout(150_000);
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write across ${LANES * KILLS_PER_LANE} kills`, async () => {
    // Two data directories side by side, to keep the run short on two cores.
    for (let lane = 0; lane < LANES; lane++) dirs.push(await tempDir());
    const counts = await Promise.all(dirs.map((dir) => killRepeatedly(dir, KILLS_PER_LANE)));
    for (const count of counts) assert.ok(count > KILLS_PER_LANE, `writes were acknowledged (${count})`);
  });
});
