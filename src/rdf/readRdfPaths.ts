import type { Quad } from '@rdfjs/types';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasError } from '../errors.js';
import { formatFromPath, tryFormatFromPath } from './formats.js';
import { parseRdf } from './parseRdf.js';

/** Options of {@link readRdfPaths}. */
export interface ReadRdfPathsOptions {
  /** Largest file read, in bytes; a larger one -> `AtlasError('TOO_LARGE')`. Default 50 MB. */
  maxBytes?: number;
  /** Base IRI for relative IRIs in every file. */
  baseIri?: string;
}

/** One parsed file. */
export interface RdfFile {
  /** The path, as given or joined onto the folder given. */
  file: string;
  quads: Quad[];
}

const defaultMaxBytes = 50 * 1024 * 1024;

/**
 * Reads and parses RDF files and folders. Folders are walked recursively (entries starting with '.' skipped) for
 * files with a known RDF extension; a file named explicitly must have one (-> `AtlasError('UNSUPPORTED_FORMAT')`).
 * Results are sorted by path. Unreadable path -> `AtlasError('IO')`; parse errors as {@link parseRdf}.
 */
export async function readRdfPaths(
  paths: readonly string[],
  options: ReadRdfPathsOptions = {},
): Promise<RdfFile[]> {
  const files = new Set<string>();
  for (const path of paths) {
    const info = await statOrThrow(path);
    if (info.isDirectory()) await collect(path, files, new Set());
    else {
      formatFromPath(path);
      files.add(path);
    }
  }
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const results: RdfFile[] = [];
  for (const file of [...files].sort()) {
    const text = await readText(file, maxBytes);
    const parseOptions = { format: formatFromPath(file), source: file };
    const quads = await parseRdf(
      text,
      options.baseIri === undefined ? parseOptions : { ...parseOptions, baseIri: options.baseIri },
    );
    results.push({ file, quads });
  }
  return results;
}

async function collect(dir: string, files: Set<string>, seen: Set<string>): Promise<void> {
  const real = await ioCall(dir, () => realpath(dir));
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await ioCall(dir, () => readdir(dir));
  for (const name of entries.sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const info = await statOrThrow(path);
    if (info.isDirectory()) await collect(path, files, seen);
    else if (info.isFile() && tryFormatFromPath(path) !== undefined) files.add(path);
  }
}

async function readText(file: string, maxBytes: number): Promise<string> {
  const info = await statOrThrow(file);
  if (info.size > maxBytes) {
    throw new AtlasError('TOO_LARGE', `${file}: ${info.size} bytes is over the limit of ${maxBytes} bytes`, {
      context: { source: file, bytes: info.size, maxBytes },
    });
  }
  const text = await ioCall(file, () => readFile(file, 'utf8'));
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

function statOrThrow(path: string): ReturnType<typeof stat> {
  return ioCall(path, () => stat(path));
}

async function ioCall<T>(path: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file or directory'
        : code === 'EACCES'
          ? 'permission denied'
          : String(error);
    throw new AtlasError('IO', `${path}: cannot read: ${reason}`, {
      context: { source: path, code },
      cause: error,
    });
  }
}
