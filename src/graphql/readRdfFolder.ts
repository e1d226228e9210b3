import type { Quad } from '@rdfjs/types';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtlasError } from '../errors.js';
import { parseRdf, tryFormatFromPath } from '../rdf/index.js';

/** One RDF file of a folder and its quads. */
export interface FolderFile {
  /** The file name relative to the folder. */
  name: string;
  quads: Quad[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) names.push(...(await listFiles(dir, name)));
    else if (tryFormatFromPath(entry.name) !== undefined) names.push(name);
  }
  return names;
}

/**
 * Reads every RDF file under `dir` (recursively) with `parseRdf`, in the order `compare` gives (default: by name).
 * An unreadable folder -> `AtlasError('IO')`; a malformed file -> `AtlasError('SYNTAX')` naming it.
 */
export async function readRdfFolder(
  dir: string,
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): Promise<FolderFile[]> {
  let names: string[];
  try {
    names = await listFiles(dir);
  } catch (cause) {
    throw new AtlasError('IO', `${dir}: cannot read the folder`, { context: { source: dir }, cause });
  }
  names.sort(compare);
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const format = tryFormatFromPath(name);
      if (format === undefined) return { name, quads: [] };
      const text = await readFile(path, 'utf8');
      return { name, quads: await parseRdf(text, { format, source: path }) };
    }),
  );
}
