import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasError } from '../../errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the `LOCK` file of a data directory (holding this process id). A lock held by a live process ->
 * `AtlasError('UNAVAILABLE')`; a stale lock (its process is gone, e.g. after kill -9) is taken over.
 * Returns a function that releases it.
 */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'LOCK');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
      await handle.close();
      return async () => {
        await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AtlasError('IO', `${dir}: cannot create lock file: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    const pid = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      throw new AtlasError(
        'UNAVAILABLE',
        `${dir} is locked by process ${pid}${pid === process.pid ? ' (this process)' : ''}; if no such store is open, delete ${path}`,
        { context: { dataDir: dir, pid } },
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw new AtlasError('UNAVAILABLE', `${dir}: cannot take the lock file ${path}`);
}
